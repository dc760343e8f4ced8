import Foundation
import Testing
@testable import SlipwayKit

/// The demo workspace as a person exploring it would find it, checked with real git and the release model.
@Suite struct DemoWorkspaceTests {
    /// A demo built into a fresh temporary folder, removed when the test is done.
    private final class BuiltDemo {
        let workspace: DemoWorkspace
        init() throws {
            workspace = try DemoWorkspace.build(in: try TestRepository.makeTemporaryFolder("slipway-demo-test"))
        }
        deinit { try? FileManager.default.removeItem(atPath: workspace.folder) }
    }

    private let runner = CommandRunner(baseEnvironment: ProcessInfo.processInfo.environment.merging(TestRepository.environment) { $1 })

    private func git(_ arguments: [String], in folder: String) throws -> String {
        try runner.run(CommandInvocation(["git"] + arguments, in: folder)).trimmedText
    }

    private func read(_ path: String) throws -> String {
        try String(contentsOfFile: path, encoding: .utf8)
    }

    @Test func threeAnnotatedReleasesAndABreakingChangeProposeTwoPointZero() throws {
        let demo = try BuiltDemo()
        let repository = try GitRepository.open(demo.workspace.applicationRepository, runner: runner)
        let tags = try repository.tags(mergedInto: "HEAD")
        #expect(tags == ["v1.0.0", "v1.1.0", "v1.2.0"])
        for tag in tags {
            #expect(try git(["cat-file", "-t", tag], in: repository.root) == "tag", "\(tag) is not annotated")
            let changelog = try git(["show", "\(tag):CHANGELOG.md"], in: repository.root)
            #expect(changelog.contains("## [\(tag.dropFirst())] - 2026-"), "\(tag)'s CHANGELOG has no section for it")
        }

        let config = try SlipwayConfig.load(repositoryRoot: repository.root)
        #expect(config.forge.kind == .local)
        #expect(config.forge.techLeads == [DemoIdentity.reviewer.email])
        #expect(config.versionFiles.map(\.path) == ["package.json", "charts/web/Chart.yaml"])

        let proposal = try VersionPlanner(repository: repository, config: config).propose()
        #expect(proposal.baseTag?.name == "v1.2.0")
        #expect(proposal.current.description == "1.2.0")
        #expect(proposal.next.description == "2.0.0")
        #expect(proposal.bump == .major)
        #expect(proposal.decidingCommits.map(\.subject) == ["feat(auth): sign in through Acme SSO only"])
        #expect(proposal.decidingCommits.first?.reason.contains("BREAKING CHANGE footer") == true)
        #expect(proposal.commits(in: .features).count == 3)
        #expect(proposal.commits(in: .fixes).count == 4)
        #expect(proposal.commits.contains { $0.type == "perf" && $0.level == .patch })
    }

    @Test func nonConventionalCommitsAreReportedAndTheRevertPairCancels() throws {
        let demo = try BuiltDemo()
        let repository = try GitRepository.open(demo.workspace.applicationRepository, runner: runner)
        let proposal = try VersionPlanner(repository: repository, config: SlipwayConfig.load(repositoryRoot: repository.root)).propose()

        let unclassified = proposal.commits(in: .notConventional).map(\.subject)
        #expect(Set(unclassified) == Set(DemoWorkspace.nonConventionalSubjects))

        let feature = try #require(proposal.commits.first { $0.subject == "feat(search): suggest products while typing" })
        let revert = try #require(proposal.commits.first { $0.subject == "Revert \"feat(search): suggest products while typing\"" })
        #expect(feature.level == .none && feature.cancelledBy == revert.sha)
        #expect(revert.level == .none && revert.cancelledBy == feature.sha)

        let merge = try #require(proposal.commits.first { $0.commit.isMerge })
        #expect(merge.subject == "Merge branch 'feature/order-export'")
        #expect(merge.kind == .merge)
        #expect(proposal.commits.contains { $0.subject == "feat(orders): export orders as CSV" && $0.level == .minor })
    }

    @Test func originHoldsMainAndTheTagsAndTheCloneTracksIt() throws {
        let demo = try BuiltDemo()
        let root = demo.workspace.applicationRepository
        let remote = try git(["ls-remote", "origin"], in: root)
        let head = try git(["rev-parse", "HEAD"], in: root)
        #expect(remote.contains("\(head)\trefs/heads/main"))
        for tag in DemoWorkspace.releaseTags { #expect(remote.contains("refs/tags/\(tag)\n") || remote.hasSuffix("refs/tags/\(tag)")) }
        #expect(try git(["config", "--get", "remote.origin.url"], in: root) == demo.workspace.applicationOrigin)
        #expect(try git(["status", "--porcelain", "--branch"], in: root) == "## main...origin/main")
        #expect(try git(["rev-parse", "--is-bare-repository"], in: demo.workspace.applicationOrigin) == "true")
    }

    @Test func manifestsChartMigrationsAndRollbackPlanAreInPlace() throws {
        let demo = try BuiltDemo()
        let root = demo.workspace.applicationRepository
        #expect(try read(root + "/package.json").contains("\"version\": \"1.2.0\""))
        #expect(try read(root + "/package-lock.json").contains("\"version\": \"1.2.0\""))
        let chart = try read(root + "/charts/web/Chart.yaml")
        #expect(chart.contains("\nversion: 0.3.0\n") && chart.contains("\nappVersion: \"1.2.0\"\n"))
        let values = try read(root + "/charts/web/values.yaml")
        #expect(values.contains("registry:") && values.contains("resources:") && values.contains("secretName: web-database"))
        let migrations = try FileManager.default.contentsOfDirectory(atPath: root + "/db/migrations").sorted()
        #expect(migrations.filter { $0.hasSuffix(".up.sql") }.count == 4)
        #expect(try read(root + "/db/migrations/0003_add_order_status.down.sql").contains("DROP COLUMN status"))
        #expect(try read(root + "/db/migrations/0004_drop_password_hashes.down.sql").isEmpty)
        #expect(try read(root + "/db/migrations/0002_create_orders.down.sql").isEmpty)
        #expect(try read(root + "/docs/rollback/v1.2.0.md").contains("back on 1.1.0 within 15 minutes"))
        #expect(try read(root + "/CHANGELOG.md").contains("## [Unreleased]\n\n### Added\n\n- Pay with a saved card at checkout."))
    }

    @Test func environmentsRunDifferentVersionsWithWhoAndWhen() throws {
        let demo = try BuiltDemo()
        let clone = demo.workspace.environmentsRepository
        for (environment, version) in DemoWorkspace.deployedVersions {
            #expect(try read(clone + "/\(environment)/values.yaml").contains("\n  tag: \(version)\n"), "\(environment)")
            let published = try git(["show", "main:\(environment)/values.yaml"], in: demo.workspace.environmentsOrigin)
            #expect(published.contains("\n  tag: \(version)\n"), "\(environment) in the bare remote")
        }
        let lastProduction = try git(["log", "-1", "--format=%an <%ae>|%as|%s", "--", "production/values.yaml"], in: clone)
        #expect(lastProduction == "\(DemoIdentity.reviewer)|2026-02-06|promote(production): acme-web 1.1.0")
        let testHistory = try git(["log", "--format=%s", "--", "test/values.yaml"], in: clone).split(separator: "\n")
        #expect(testHistory.count == 3)
    }

    @Test func theEnvironmentsShowEveryReadinessState() throws {
        let demo = try BuiltDemo()
        let repository = try GitRepository.open(demo.workspace.applicationRepository, runner: runner)
        let pipeline = try EnvironmentPipeline(repository: repository, config: try SlipwayConfig.load(repositoryRoot: repository.root),
                                               runner: runner)
        #expect(pipeline.statuses().map { $0.version ?? "-" } == DemoWorkspace.deployedVersions.map(\.version))
        #expect(pipeline.statuses().first { $0.name == "staging" }?.promotable == "1.2.0")

        let production = try pipeline.readiness("production")
        #expect(production.deployed == "1.1.0" && production.target == "1.0.0")
        let productionStates = Dictionary(uniqueKeysWithValues: production.items.map { ($0.id, $0.state) })
        #expect(productionStates == ["plan": .fail, "criteria": .pass, "migrations": .fail, "artefacts": .unknown, "time": .unknown])
        #expect(production.items.first { $0.id == "criteria" }?.reason.hasPrefix("1 executable check(s) in environments[2].rollback.checks: error rate") == true,
                "production's checks were committed before its deployment")
        #expect(production.criteria.map(\.state) == [.inconclusive], "nothing listens where the demo's Prometheus would be")
        // Nothing listens where the demo's registries would be: unreachable, with the reason, and no hang.
        let artefacts = try #require(production.items.first { $0.id == "artefacts" })
        #expect(artefacts.details.count == 3)
        #expect(artefacts.details.allSatisfy { $0.hasPrefix("? ") && ($0.contains("unreachable") || $0.contains("unchecked")) }, "\(artefacts.details)")
        #expect(production.items.first { $0.id == "migrations" }?.reason.contains("0002_create_orders") == true)

        let test = try pipeline.readiness("test")
        #expect(test.deployed == "1.2.0" && test.target == "1.1.0")
        let testStates = Dictionary(uniqueKeysWithValues: test.items.map { ($0.id, $0.state) })
        #expect(testStates == ["plan": .pass, "criteria": .pass, "migrations": .pass, "artefacts": .unknown, "time": .unknown])
    }

    @Test func aNonEmptyFolderIsRefusedAndEveryBuildHasTheSameHistory() throws {
        let demo = try BuiltDemo()
        #expect {
            try DemoWorkspace.build(in: demo.workspace.folder)
        } throws: { error in
            guard let error = error as? DemoWorkspaceError, case .folderNotEmpty = error else { return false }
            return error.description.contains("is not empty")
        }
        let file = demo.workspace.folder + "/README.md"
        #expect(throws: DemoWorkspaceError.self) { try DemoWorkspace.build(in: file) }

        let again = try BuiltDemo()
        let first = try git(["rev-parse", "HEAD"], in: demo.workspace.applicationRepository)
        #expect(try git(["rev-parse", "HEAD"], in: again.workspace.applicationRepository) == first)
    }

    @Test func oneHotfixIsReleasedAndBackportedAndOneIsApprovedButNotOnMain() throws {
        let demo = try BuiltDemo()
        let repository = try GitRepository.open(demo.workspace.applicationRepository, runner: runner)
        let config = try SlipwayConfig.load(repositoryRoot: repository.root)
        let board = try HotfixBoard.load(HotfixEngine(repository: repository, config: config))
        #expect(board.warnings.isEmpty, "\(board.warnings)")
        #expect(Set(board.rows.map(\.version.description)) == Set(DemoWorkspace.hotfixes.map(\.version)))

        let released = try #require(board.rows.first { $0.version.description == "1.1.1" })
        #expect(released.baseTag == "v1.1.0" && released.branch == nil)
        #expect(released.tagged && released.merged && released.patchOnly == "ok")
        #expect(released.backported && released.missingOnMain == 0 && released.changelogOnMain)
        #expect(released.techLeadApproval?.contains(DemoIdentity.reviewer.email) == true)
        #expect(released.commits.map(\.subject) == ["fix(api): report not ready while migrations run"])
        #expect(released.commits.allSatisfy { $0.onMain != nil })
        #expect(released.attention == .done)

        let open = try #require(board.rows.first { $0.version.description == "1.2.1" })
        #expect(open.baseTag == "v1.2.0" && open.branch == "hotfix/v1.2.1")
        #expect(open.prepared && !open.merged && !open.tagged && open.patchOnly == "ok")
        #expect(open.techLeadApproval?.contains(DemoIdentity.reviewer.email) == true)
        #expect(!open.backported && open.missingOnMain == 1)
        #expect(open.attention == .readyToMerge && open.actions == ["approve", "merge"])
        #expect(board.rows.first?.version.description == "1.2.1", "the open hotfix needs attention first")

        // Main never got the open hotfix; the released one's tag is on its maintenance line only.
        #expect(try repository.tags(mergedInto: "HEAD") == DemoWorkspace.releaseTags)
        let remote = try git(["ls-remote", "origin"], in: repository.root)
        for ref in ["refs/heads/maintenance/v1.1.x", "refs/heads/maintenance/v1.2.x", "refs/heads/hotfix/v1.2.1", "refs/tags/v1.1.1"] {
            #expect(remote.contains(ref), "\(ref) is not on origin")
        }
        #expect(!remote.contains("refs/heads/hotfix/v1.1.1"))
    }
}
