import Foundation
import Testing
@testable import SlipwayKit

/// The release flow end to end on real git: a clone, a bare `origin`, the local forge, two identities.
@Suite struct ReleaseEngineTests {
    static let ada = (name: "Ada Release", email: "ada@example.com")
    static let lin = (name: "Lin Lead", email: "lin@example.com")

    /// A project at v1.0.0 with a feature and a fix on main, everything pushed.
    static func project(requiredApprovals: Int = 1) throws -> (remote: TestRepository, clone: TestRepository) {
        let (remote, clone) = try TestRepository.withRemote()
        try clone.write(".slipway.json", #"{"forge": {"kind": "local", "requiredApprovals": \#(requiredApprovals)}}"#)
        try clone.write("package.json", "{\n  \"name\": \"acme\",\n  \"version\": \"1.0.0\"\n}\n")
        try clone.write("CHANGELOG.md", """
        # Changelog

        ## [Unreleased]

        ## [1.0.0] - 2026-01-01
        ### Added
        - First release.

        [Unreleased]: https://github.com/acme/web/compare/v1.0.0...HEAD
        [1.0.0]: https://github.com/acme/web/releases/tag/v1.0.0

        """)
        try clone.git(["add", "."])
        try clone.commit("chore: init")
        try clone.tag("v1.0.0", annotated: true)
        try clone.commit("feat(search): add search")
        try clone.commit("fix: crash on empty query")
        try clone.git(["push", "-q", "origin", "main", "--tags"])
        return (remote, clone)
    }

    static func engine(_ clone: TestRepository, as identity: (name: String, email: String) = ada) throws -> ReleaseEngine {
        let repository = try clone.repository(as: identity)
        var engine = ReleaseEngine(repository: repository, config: try SlipwayConfig.load(repositoryRoot: repository.root),
                                   files: ReleaseFileEditor())
        engine.today = { "2026-11-26" }
        return engine
    }

    @Test func theWholeFlowWithTwoIdentities() throws {
        let (remote, clone) = try Self.project()
        let engine = try Self.engine(clone)
        let before = try engine.status()
        #expect(before.version?.description == "1.1.0")
        #expect(before.state(of: .version)?.name == "ready")
        #expect(before.nextStep == .version)

        let prepared = try engine.prepare()
        #expect(prepared.message.contains("release/v1.1.0"))
        #expect(try remote.git(["log", "-1", "--format=%s", "release/v1.1.0"]) == "chore(release): 1.1.0")
        #expect(try remote.git(["show", "release/v1.1.0:package.json"]).contains("\"version\": \"1.1.0\""))
        #expect(try remote.git(["show", "release/v1.1.0:CHANGELOG.md"]).contains("## [1.1.0] - 2026-11-26"))
        #expect(try clone.git(["symbolic-ref", "--short", "HEAD"]) == "main")

        var status = try engine.status()
        #expect(status.state(of: .manifest)?.isDone == true)
        #expect(status.state(of: .changelog)?.isDone == true)
        #expect(status.state(of: .pullRequest)?.isDone == true)
        #expect(status.state(of: .approvals)?.name == "blocked")

        // Too few approvals: merge refuses, and the author's own approval never counts.
        #expect(throws: ReleaseBlocked.self) { try engine.merge() }
        #expect(throws: ReleaseBlocked.self) { try engine.approve() }
        let reviewer = try Self.engine(clone, as: Self.lin)
        _ = try reviewer.approve()
        status = try engine.status()
        #expect(status.pullRequest?.countingApprovals == 1)
        #expect(status.pullRequest?.reviews.first?.reviewer == "lin@example.com")
        #expect(status.state(of: .merge)?.name == "ready")

        _ = try engine.merge()
        #expect(try remote.git(["log", "-1", "--format=%s", "main"]) == "Merge release v1.1.0")
        #expect(try remote.git(["merge-base", "--is-ancestor", "release/v1.1.0", "main"]).isEmpty)

        _ = try engine.tag()
        #expect(try remote.git(["cat-file", "-t", "v1.1.0"]) == "tag")
        #expect(try remote.git(["tag", "-l", "--format=%(contents:subject)", "v1.1.0"]) == "Release version 1.1.0")
        #expect(try remote.git(["rev-list", "-n", "1", "v1.1.0"]) == (try remote.git(["rev-parse", "main"])))

        status = try engine.status()
        #expect(status.started == false)   // the release is complete: nothing in progress
        let audit = AuditLog(repository: try clone.repository()).entries().entries
        #expect(audit.map(\.action) == ["release.manifest", "release.approvals", "release.approvals", "release.merge", "release.tag"])
        #expect(audit.map(\.outcome) == ["ok", "refused", "ok", "ok", "ok"])
        #expect(audit[2].identity == "Lin Lead <lin@example.com>")
        #expect(audit[4].commands.contains { $0.hasPrefix("git tag -a -m 'Release version 1.1.0' --end-of-options v1.1.0") })
    }

    @Test func preconditionsNameTheirFix() throws {
        let (remote, clone) = try Self.project()
        defer { withExtendedLifetime(remote) {} }
        let engine = try Self.engine(clone)
        try clone.write("package.json", "{\"version\": \"9.9.9\"}\n")
        var problems = try engine.status().preconditions.map(\.detail)
        #expect(problems.contains { $0.contains("uncommitted change") })
        try clone.git(["checkout", "--", "package.json"])

        try clone.commit("fix: local only")
        problems = try engine.status().preconditions.map(\.detail)
        #expect(problems.contains { $0.contains("1 commit(s) not on origin") })
        try clone.git(["reset", "-q", "--hard", "origin/main"])

        try clone.git(["checkout", "-q", "-b", "topic"])
        #expect(try engine.status().preconditions.contains { $0.detail.contains("on topic, not on main") })
        #expect(throws: ReleaseBlocked.self) { try engine.prepare() }
        try clone.git(["checkout", "-q", "main"])

        // Someone tagged v1.1.0 on a commit main does not have.
        let stray = try clone.git(["commit-tree", "HEAD^{tree}", "-p", "HEAD", "-m", "stray"])
        try clone.git(["tag", "v1.1.0", stray])
        let tagProblem = try engine.status().preconditions.first { $0.detail.contains("v1.1.0 already exists") }
        #expect(tagProblem?.fix?.contains("choose another version") == true)
        try clone.git(["tag", "-d", "v1.1.0"])
        #expect(try engine.status().preconditions.isEmpty)
    }

    @Test func behindTheRemoteIsBlocked() throws {
        let (remote, clone) = try Self.project()
        let other = try TestRepository(cloneOf: remote)
        try other.commit("fix: from a colleague")
        try other.git(["push", "-q", "origin", "main"])
        let status = try Self.engine(clone).status()
        #expect(status.preconditions.contains { $0.detail == "main is 1 commit(s) behind origin" && $0.fix == "git pull --ff-only" })
    }

    @Test func anInterruptedPrepareResumesAndPushes() throws {
        let (remote, clone) = try Self.project()
        let engine = try Self.engine(clone)
        _ = try engine.prepare()
        // What kill -9 after the commit and before the push leaves: the branch only here, prepare in flight.
        try remote.git(["branch", "-q", "-D", "release/v1.1.0"])
        try clone.git(["update-ref", "-d", "refs/remotes/origin/release/v1.1.0"])
        var journal = try #require(try ReleaseJournal.load(try clone.repository()))
        journal.inFlight = .init(step: "manifest", commands: [], startedAt: Date())
        try journal.save(try clone.repository())

        let status = try engine.status()
        #expect(status.state(of: .manifest)?.name == "failed")
        #expect(status.state(of: .manifest)?.detail == "interrupted while running manifest")
        #expect(status.state(of: .manifest)?.fix?.contains("run `slipway release prepare` again") == true)
        _ = try engine.prepare()
        #expect(try remote.git(["log", "-1", "--format=%s", "release/v1.1.0"]) == "chore(release): 1.1.0")
        #expect(try remote.git(["show", "release/v1.1.0:package.json"]).contains("1.1.0"))
        #expect(try engine.status().state(of: .manifest)?.isDone == true)
    }

    @Test func aPrepareKilledBeforeItsCommitStartsTheFilesAgain() throws {
        let (remote, clone) = try Self.project()
        let engine = try Self.engine(clone)
        // kill -9 after the branch was made and a file half-written: the branch has no release commit.
        try clone.git(["checkout", "-q", "-b", "release/v1.1.0"])
        try clone.write("package.json", "{\n  \"name\": \"acme\",\n  \"vers")
        let journal = ReleaseJournal(version: "1.1.0", branch: "release/v1.1.0", base: "main", startedBy: "Ada")
        try journal.save(try clone.repository())
        try clone.git(["checkout", "-q", "-f", "main"])
        _ = try engine.prepare()
        #expect(try remote.git(["show", "release/v1.1.0:package.json"]) == "{\n  \"name\": \"acme\",\n  \"version\": \"1.1.0\"\n}")
    }

    @Test func anInterruptedTagIsPushedOnTheNextRun() throws {
        let (remote, clone) = try Self.project()
        let engine = try Self.engine(clone)
        _ = try engine.prepare()
        _ = try Self.engine(clone, as: Self.lin).approve()
        _ = try engine.merge()
        // kill -9 between `git tag` and `git push`.
        let target = try clone.git(["rev-parse", "origin/main"])
        try clone.git(["tag", "-a", "v1.1.0", "-m", "Release version 1.1.0", target])
        var journal = try #require(try ReleaseJournal.load(try clone.repository()))
        journal.inFlight = .init(step: "tag", commands: [], startedAt: Date())
        try journal.save(try clone.repository())
        #expect(try engine.status().state(of: .tag)?.name == "failed")
        _ = try engine.tag()
        #expect(try remote.git(["tag", "-l", "v1.1.0"]) == "v1.1.0")
    }

    @Test func anInterruptedMergeFinishesOnTheNextRun() throws {
        let (remote, clone) = try Self.project()
        let engine = try Self.engine(clone)
        _ = try engine.prepare()
        _ = try Self.engine(clone, as: Self.lin).approve()
        // kill -9 after the local merge, before the push.
        try clone.git(["merge", "-q", "--no-ff", "-m", "Merge release v1.1.0", "origin/release/v1.1.0"])
        _ = try engine.merge()
        #expect(try remote.git(["log", "-1", "--format=%s", "main"]) == "Merge release v1.1.0")
    }

    @Test func approvalsGivenBeforeTheLastPushAreStale() throws {
        let (remote, clone) = try Self.project()
        defer { withExtendedLifetime(remote) {} }
        let engine = try Self.engine(clone)
        _ = try engine.prepare()
        _ = try Self.engine(clone, as: Self.lin).approve()
        try clone.git(["checkout", "-q", "release/v1.1.0"])
        try clone.commit("fix: last-minute change")
        try clone.git(["push", "-q", "origin", "release/v1.1.0"])
        try clone.git(["checkout", "-q", "main"])
        let status = try engine.status()
        #expect(status.pullRequest?.reviews.first?.stale == true)
        #expect(status.pullRequest?.countingApprovals == 0)
        do {
            _ = try engine.merge()
            Issue.record("merged with a stale approval")
        } catch let blocked as ReleaseBlocked {
            #expect(blocked.reason.contains("1 stale"))
        }
    }

    @Test func twoApprovalsRequiredCountsIdentitiesOnce() throws {
        let (remote, clone) = try Self.project(requiredApprovals: 2)
        defer { withExtendedLifetime(remote) {} }
        let engine = try Self.engine(clone)
        _ = try engine.prepare()
        _ = try Self.engine(clone, as: Self.lin).approve()
        #expect(throws: ForgeError.self) { try Self.engine(clone, as: Self.lin).approve() }
        #expect(throws: ReleaseBlocked.self) { try engine.merge() }
        _ = try Self.engine(clone, as: (name: "Kim Ops", email: "kim@example.com")).approve()
        _ = try engine.merge()
    }

    @Test func dryRunsChangeNothingAndListTheCommands() throws {
        let (remote, clone) = try Self.project()
        let report = try Self.engine(clone).prepare(dryRun: true)
        #expect(report.dryRun)
        #expect(report.commands.contains("git checkout -b release/v1.1.0 main"))
        #expect(report.commands.contains("git push --set-upstream origin release/v1.1.0"))
        #expect(try remote.git(["branch", "--list", "release/*"]).isEmpty)
        #expect(try ReleaseJournal.load(try clone.repository()) == nil)
    }

    @Test func aRejectedPushIsReportedAndResumable() throws {
        let (remote, clone) = try Self.project()
        let engine = try Self.engine(clone)
        // Someone else pushed a different release branch of the same name first.
        let other = try TestRepository(cloneOf: remote)
        try other.git(["checkout", "-q", "-b", "release/v1.1.0"])
        try other.commit("wip: someone else's release")
        try other.git(["push", "-q", "origin", "release/v1.1.0"])
        do {
            _ = try engine.prepare()
            Issue.record("prepare went on over someone else's branch")
        } catch {
            #expect(String(describing: error).contains("release/v1.1.0") )
        }
        #expect(try remote.git(["log", "-1", "--format=%s", "release/v1.1.0"]) == "wip: someone else's release")
    }
}
