import Foundation
import Testing
@testable import SlipwayKit

@Suite struct VersionPlannerTests {
    private func propose(_ repo: TestRepository, config: SlipwayConfig = SlipwayConfig(), from: String? = nil,
                         to: String = "HEAD", pre: String? = nil) throws -> VersionProposal {
        try VersionPlanner(repository: try repo.repository(), config: config).propose(from: from, to: to, prerelease: pre)
    }

    @Test func highestReachableSemVerTagIsTheLastRelease() throws {
        let repo = try TestRepository()
        try repo.commit("chore: init")
        try repo.tag("v1.0.0")
        try repo.commit("fix: one")
        try repo.tag("v1.10.0")   // numerically above v1.9.0: not a string sort
        try repo.commit("fix: two")
        try repo.tag("v1.9.0")
        try repo.tag("v2.0.0-rc.1")
        try repo.tag("release-candidate")
        try repo.tag("v1.2")
        try repo.git(["checkout", "-q", "-b", "side", "v1.0.0"])
        try repo.commit("feat: elsewhere")
        try repo.tag("v3.0.0")    // not reachable from main
        try repo.git(["checkout", "-q", "main"])
        try repo.commit("feat: search")

        let proposal = try propose(repo)
        #expect(proposal.baseTag?.name == "v1.10.0")
        #expect(proposal.next.description == "1.11.0")
        #expect(proposal.bump == .minor)
        #expect(proposal.range == "v1.10.0..HEAD")
        #expect(proposal.commits.map(\.subject) == ["feat: search", "fix: two"])
        #expect(proposal.warnings.contains { $0.contains("'v1.2'") && $0.contains("patch number is missing") })
    }

    @Test func noTagsMeansTheFirstReleaseRule() throws {
        let repo = try TestRepository()
        try repo.commit("chore: scaffold")
        try repo.commit("feat: first feature")
        try repo.commit("feat!: rethink everything")
        let proposal = try propose(repo)
        #expect(proposal.current.description == "0.0.0")
        #expect(proposal.baseTag == nil)
        // While the major is 0 a breaking change is a minor bump.
        #expect(proposal.next.description == "0.1.0")
        #expect(proposal.breakingWhileZero == .minor)
        #expect(proposal.warnings.contains { $0.contains("first-release rule") })
        #expect(proposal.commits.count == 3)
    }

    @Test func preReleaseCountsExistingTags() throws {
        let repo = try TestRepository()
        try repo.commit("chore: init")
        try repo.tag("v1.2.0")
        try repo.commit("feat: a")
        try repo.tag("v1.3.0-rc.1")
        try repo.commit("fix: b")
        let rc = try propose(repo, pre: "rc")
        #expect(rc.next.description == "1.3.0-rc.2")
        #expect(rc.baseTag?.name == "v1.2.0")
        #expect(try propose(repo, pre: "beta").next.description == "1.3.0-beta.1")
        #expect(try propose(repo).next.description == "1.3.0")
        #expect(throws: VersionPlanningError.self) { try propose(repo, pre: "rc..1") }
    }

    @Test func fromAndToChooseTheRange() throws {
        let repo = try TestRepository()
        try repo.commit("chore: init")
        try repo.tag("v1.0.0")
        let fix = try repo.commit("fix: a")
        try repo.commit("feat: b")
        let proposal = try propose(repo, to: fix)
        #expect(proposal.commits.map(\.subject) == ["fix: a"])
        #expect(proposal.next.description == "1.0.1")
        let fromFix = try propose(repo, from: fix)
        #expect(fromFix.commits.map(\.subject) == ["feat: b"])
    }

    @Test func badRefsAndPrefixesAreClearErrors() throws {
        let repo = try TestRepository()
        try repo.commit("chore: init")
        try repo.tag("1.0.0")
        try repo.commit("feat: a")
        do {
            _ = try propose(repo)
            Issue.record("a prefix that matches no release was accepted")
        } catch {
            #expect(String(describing: error).contains("no release tag starts with the tag prefix 'v'"))
            #expect(String(describing: error).contains("1.0.0"))
        }
        var config = SlipwayConfig()
        config.tagPrefix = ""
        #expect(try propose(repo, config: config).next.description == "1.1.0")
        #expect(throws: VersionPlanningError.self) { try propose(repo, to: "no-such-branch") }
        do {
            _ = try propose(repo, to: "--upload-pack=evil")
            Issue.record("an option-looking ref was accepted")
        } catch {
            #expect(String(describing: error).contains("is not a branch, tag or commit"))
        }
    }

    @Test func notARepositoryAndEmptyRepository() throws {
        let folder = try TestRepository.makeTemporaryFolder("plain")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let runner = CommandRunner(baseEnvironment: ProcessInfo.processInfo.environment.merging(TestRepository.environment) { $1 })
        #expect { try GitRepository.open(folder, runner: runner) } throws: { error in
            (error as? GitError)?.description.contains("is not a git repository") == true
        }
        let empty = try TestRepository()
        #expect { try propose(empty) } throws: { error in
            String(describing: error).contains("has no commits yet")
        }
    }

    @Test func storedOverridesFeedTheProposal() throws {
        let repo = try TestRepository()
        try repo.commit("chore: init")
        try repo.tag("v2.0.0")
        let odd = try repo.commit("improve things")
        let repository = try repo.repository()
        #expect(try propose(repo).isReleaseNeeded == false)
        var overrides = ReleaseOverrides(base: "v2.0.0")
        overrides.commits[odd] = CommitOverride(level: .minor, type: "feat", reason: "adds the export button")
        try overrides.save(to: repository)
        let proposal = try propose(repo)
        #expect(proposal.next.description == "2.1.0")
        #expect(proposal.commits[0].group == .features)
        overrides.version = VersionOverride(choice: .exact(try SemanticVersion(parsing: "3.0.0")), reason: "marketing")
        try overrides.save(to: repository)
        let exact = try propose(repo)
        #expect(exact.next.description == "3.0.0")
        #expect(exact.computedNext.description == "2.1.0")
        // A new release starts clean.
        try repo.tag("v2.1.0")
        try repo.commit("docs: x")
        #expect(try propose(repo).isReleaseNeeded == false)
    }

    @Test func mergedBranchesCountByTheirCommits() throws {
        let repo = try TestRepository()
        try repo.commit("chore: init")
        try repo.tag("v1.0.0")
        try repo.git(["checkout", "-q", "-b", "feature"])
        try repo.commit("feat(ui): dark mode")
        try repo.git(["checkout", "-q", "main"])
        try repo.commit("docs: readme")
        try repo.git(["merge", "-q", "--no-ff", "feature", "-m", "Merge branch 'feature'"])
        let proposal = try propose(repo)
        #expect(proposal.next.description == "1.1.0")
        let merge = try #require(proposal.commits.first { $0.kind == .merge })
        #expect(merge.level == .none)
        #expect(proposal.decidingCommits.map(\.subject) == ["feat(ui): dark mode"])
    }

    @Test func oddEncodingsAreData() throws {
        let repo = try TestRepository()
        try repo.commit("chore: init")
        try repo.tag("v1.0.0")
        // A Latin-1 message declared as such, and one with control characters.
        try repo.git(["-c", "i18n.commitEncoding=ISO-8859-1", "commit", "-q", "--allow-empty", "-m", "fix: caf\u{E9}"])
        try repo.commit("feat: \u{1B}[1mbold\u{7}")
        let proposal = try propose(repo)
        #expect(proposal.commits.count == 2)
        #expect(proposal.bump == .minor)
    }
}
