import Foundation
import Testing
@testable import SlipwayKit

@Suite struct GitopsBackendTests {
    @Test func statusReadsEachEnvironmentFileWithWhenAndWho() throws {
        let fixture = try GitopsFixture()
        let statuses = try fixture.pipeline().statuses()
        #expect(statuses.map(\.name) == ["test", "staging", "production"])
        #expect(statuses.map(\.version) == ["1.2.0", "1.1.0", "1.0.0"])
        #expect(statuses.allSatisfy { $0.state?.by == "Ada Release" && $0.state?.since != nil })
        #expect(statuses[1].promotable == "1.2.0")
        #expect(statuses[0].promotable == nil)
        let clone = try fixture.app.repository().slipwayDirectory + "/envs"
        #expect(try FileManager.default.contentsOfDirectory(atPath: clone).filter { !$0.hasSuffix(".lock") }.count == 1)
    }

    @Test func promoteCommitsOnlyTheValueAndPushes() throws {
        let fixture = try GitopsFixture()
        let pipeline = try fixture.pipeline()
        let plan = try pipeline.promotionPlan("staging")
        #expect(plan.current == "1.1.0" && plan.target == "1.2.0" && plan.source == "test")
        #expect(plan.commits.map(\.message.subject) == ["feat: ship 1.2.0"])
        #expect(!plan.requiresConfirmation)
        let result = try pipeline.promote(plan, confirmation: nil)
        #expect(result.to == "1.2.0")
        #expect(try fixture.remoteFile("staging/values.yaml") == GitopsFixture.stagingValues.replacingOccurrences(of: "\"1.1.0\"", with: "\"1.2.0\"").trimmingCharacters(in: .newlines))
        let diff = try fixture.envsRemote.git(["show", "--stat", "--format=%s", "main"])
        #expect(diff.contains("promote staging to 1.2.0") && diff.contains("1 file changed, 1 insertion(+), 1 deletion(-)"))
        let audit = pipeline.audit.entries().entries
        #expect(audit.last?.action == "env.promote" && audit.last?.target == "staging" && audit.last?.outcome == "ok")
        #expect(pipeline.statuses()[1].version == "1.2.0")
    }

    @Test func productionNeedsItsNameAndOnlyWhatStagingRan() throws {
        let fixture = try GitopsFixture()
        let pipeline = try fixture.pipeline()
        let plan = try pipeline.promotionPlan("production")
        #expect(plan.target == "1.1.0" && plan.requiresConfirmation)
        for confirmation in [nil, "prod", "Production"] {
            do { _ = try pipeline.promote(plan, confirmation: confirmation); Issue.record("promoted without confirmation") } catch let error as EnvironmentError {
                #expect(error.kind == .confirmationNeeded)
            }
        }
        #expect(try fixture.remoteFile("production/env.json").contains("\"tag\": \"1.0.0\""))
        #expect(throws: EnvironmentError.self) { try pipeline.promotionPlan("production", version: "1.2.0") }
        #expect(throws: EnvironmentError.self) { try pipeline.promotionPlan("test") }
        _ = try pipeline.promote(plan, confirmation: "production")
        #expect(try fixture.remoteFile("production/env.json") == "{\n  \"image\": {\"repository\": \"acme/web\", \"tag\": \"1.1.0\"},\n  \"replicas\": 3\n}")
    }

    @Test func rollbackGoesToTheLastGoodVersionAndHoldsTheBadOne() throws {
        let fixture = try GitopsFixture()
        let pipeline = try fixture.pipeline()
        _ = try pipeline.promote(try pipeline.promotionPlan("staging"), confirmation: nil)
        let plan = try pipeline.rollbackPlan("staging")
        #expect(plan.current == "1.2.0" && plan.target.version == "1.1.0")
        #expect(plan.commits.map(\.message.subject) == ["feat: ship 1.2.0"])
        #expect(throws: EnvironmentError.self) { try pipeline.rollback(plan, confirmation: nil) }
        #expect(pipeline.statuses()[1].version == "1.2.0")
        let result = try pipeline.rollback(plan, confirmation: "staging")
        #expect(result.withinTarget == true)
        #expect(pipeline.statuses()[1].version == "1.1.0")
        #expect(try pipeline.holds.all().map(\.version) == ["1.2.0"])
        do { _ = try pipeline.promotionPlan("staging"); Issue.record("promoted a held version") } catch let error as EnvironmentError {
            #expect(error.description.contains("held"))
        }
        let entry = pipeline.audit.entries().entries.last
        #expect(entry?.action == "env.rollback" && entry?.version == "1.1.0" && entry?.outcome == "ok")
        _ = try pipeline.clearHolds("staging")
        #expect(try pipeline.promotionPlan("staging").target == "1.2.0")
        #expect(throws: EnvironmentError.self) { try pipeline.rollbackPlan("staging", to: "0.9.0") }
        #expect(pipeline.audit.entries().entries.contains { $0.action == "env.rollback" && $0.outcome == "refused" })
    }

    @Test func promotionCarriesTheChangelogExcerpt() throws {
        let fixture = try GitopsFixture()
        try fixture.app.write("CHANGELOG.md", "# Changelog\n\n## [Unreleased]\n\n## [1.2.0] - 2026-01-03\n### Added\n- search\n\n## [1.1.0] - 2026-01-02\n### Fixed\n- crash\n\n## [1.0.0] - 2026-01-01\n- first\n")
        let plan = try fixture.pipeline().promotionPlan("production", version: "1.1.0")
        #expect(plan.changelog == "## [1.1.0] - 2026-01-02\n### Fixed\n- crash")
        #expect(ChangelogExcerpt.between("## v1.2.0\nx\n## v1.1.0\ny\n", after: "1.0.0", through: "1.2.0") == "## v1.2.0\nx\n## v1.1.0\ny")
    }

    @Test func drillRollsBackTimesItAndPutsTheVersionBack() throws {
        let fixture = try GitopsFixture()
        let pipeline = try fixture.pipeline()
        _ = try pipeline.promote(try pipeline.promotionPlan("staging"), confirmation: nil)
        #expect(throws: EnvironmentError.self) { try pipeline.rollbackPlan("production", drill: true) }
        let plan = try pipeline.rollbackPlan("staging", drill: true)
        let result = try pipeline.rollback(plan, confirmation: "staging")
        #expect(result.restored == "1.2.0")
        #expect(pipeline.statuses()[1].version == "1.2.0")
        #expect(try pipeline.holds.all().isEmpty)
        let drill = pipeline.audit.entries().entries.first { $0.detail == "drill" }
        #expect(drill?.durationSeconds ?? -1 > 0)
        let readiness = try pipeline.readiness("production")
        #expect(readiness.items.first { $0.id == "time" }?.state == .pass)
        #expect(readiness.items.first { $0.id == "time" }?.reason.contains("drill on staging") == true)
    }

    @Test func aConcurrentPushIsRejectedReportedAndLeavesNoDivergence() throws {
        let fixture = try GitopsFixture()
        let pipeline = try fixture.pipeline()
        _ = pipeline.statuses()
        guard case .gitops(let settings) = try pipeline.environment("staging").backend else { Issue.record("not gitops"); return }
        let backend = GitopsBackend(settings: settings, environment: "staging", repository: try fixture.app.repository(), runner: fixture.app.runner)
        let other = try TestRepository()
        try other.git(["clone", "-q", fixture.envsRemote.root, other.root + "/clone"])
        try other.write("clone/staging/values.yaml", "image:\n  tag: \"1.0.5\"\n")
        try other.git(["-c", "user.name=Bo Other", "-c", "user.email=bo@example.com", "commit", "-qam", "hotfix staging"], in: other.root + "/clone")
        let hook = backend.cloneDirectory + "/.git/hooks/pre-push"
        try FileManager.default.createDirectory(atPath: backend.cloneDirectory + "/.git/hooks", withIntermediateDirectories: true)
        try Data("#!/bin/sh\nrm -f \"$0\"\ncd \(other.root)/clone && env -u GIT_DIR -u GIT_WORK_TREE -u GIT_INDEX_FILE git push -q origin HEAD:main\n".utf8)
            .write(to: URL(fileURLWithPath: hook))
        chmod(hook, 0o755)
        do {
            _ = try pipeline.promote(try pipeline.promotionPlan("staging"), confirmation: nil)
            Issue.record("the second push was not rejected")
        } catch let error as DeploymentError {
            #expect(error.kind == .conflict)
            #expect(error.description.contains("someone else pushed"))
            #expect(error.description.contains("1.0.5"))
        }
        let clone = GitRepository(root: backend.cloneDirectory, gitDirectory: backend.cloneDirectory + "/.git", runner: fixture.app.runner)
        #expect(try clone.git(["rev-parse", "HEAD"]).trimmedText == (try clone.git(["rev-parse", "origin/main"]).trimmedText))
        #expect(pipeline.statuses()[1].version == "1.0.5")
        #expect(pipeline.audit.entries().entries.last?.outcome == "failed")
    }

    @Test func aVPrefixedValueReadsAsTheBareVersionAndIsWrittenBare() throws {
        let fixture = try GitopsFixture()
        try fixture.envsSource.commitFile("staging/values.yaml", "image:\n  tag: v1.1.0\n", message: "v prefix")
        try fixture.envsSource.git(["push", "-q", fixture.envsRemote.root, "main"])
        let pipeline = try fixture.pipeline()
        #expect(pipeline.statuses()[1].version == "1.1.0")
        _ = try pipeline.promote(try pipeline.promotionPlan("staging"), confirmation: nil)
        #expect(try fixture.remoteFile("staging/values.yaml") == "image:\n  tag: 1.2.0")
        #expect(GitopsBackend.bare("latest") == "latest" && GitopsBackend.bare("v2") == "v2")
    }

    @Test func aPromotionInterruptedBeforeThePushLeavesNothingBehind() throws {
        let fixture = try GitopsFixture()
        let pipeline = try fixture.pipeline()
        _ = pipeline.statuses()
        guard case .gitops(let settings) = try pipeline.environment("staging").backend else { Issue.record("not gitops"); return }
        let backend = GitopsBackend(settings: settings, environment: "staging", repository: try fixture.app.repository(), runner: fixture.app.runner)
        try Data("image:\n  tag: 6.6.6\n".utf8).write(to: URL(fileURLWithPath: backend.cloneDirectory + "/staging/values.yaml"))
        try fixture.app.git(["-c", "user.name=X", "-c", "user.email=x@example.com", "commit", "-qam", "half done"], in: backend.cloneDirectory)
        #expect(try backend.state().version == "1.1.0")
        #expect(try fixture.app.git(["log", "-1", "--format=%s"], in: backend.cloneDirectory) == "production")
    }

    @Test func aFileWithoutTheKeyIsReportedNotGuessed() throws {
        let fixture = try GitopsFixture()
        try fixture.envsSource.commitFile("staging/values.yaml", "image:\n  repository: acme/web\n", message: "drop tag")
        try fixture.envsSource.git(["push", "-q", fixture.envsRemote.root, "main"])
        let statuses = try fixture.pipeline().statuses()
        #expect(statuses[1].version == nil)
        #expect(statuses[1].problem?.contains("no value at key 'image.tag'") == true)
    }
}
