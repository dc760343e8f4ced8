import Foundation
import Testing
@testable import SlipwayKit

/// The PATCH-only rule on classified commits.
@Suite struct HotfixPatchCheckTests {
    static func commit(_ message: String, _ sha: String) -> GitCommit {
        GitCommit(sha: sha, parents: ["p"], authorName: "Ada", authorEmail: "ada@example.com", authorTime: 0,
                  message: CommitMessage(parsing: message))
    }

    @Test func breakingAndFeatureCommitsAreFlagged() {
        let commits = [Self.commit("fix!: drop the v1 endpoint", "a1"), Self.commit("feat: export", "b2"),
                       Self.commit("fix: crash\n\nBREAKING CHANGE: config key renamed", "c3"), Self.commit("fix: crash on empty", "d4"),
                       Self.commit("docs: typo", "e5")]
        let check = HotfixPatchCheck.check(commits, rules: BumpRules(), majorIsZero: false, overrideReason: nil)
        #expect(check.flagged.map(\.sha) == ["a1", "b2", "c3"])
        #expect(check.state == "flagged")
        #expect(check.blocked(branch: "hotfix/v1.0.1")?.reason.contains("fix!: drop the v1 endpoint (breaking)") == true)
        let overridden = HotfixPatchCheck.check(commits, rules: BumpRules(), majorIsZero: false, overrideReason: "  customers need it  ")
        #expect(overridden.passes)
        #expect(overridden.state == "overridden")
        #expect(overridden.overrideReason == "customers need it")
        #expect(HotfixPatchCheck.check(commits, rules: BumpRules(), majorIsZero: false, overrideReason: " ").passes == false)
        #expect(HotfixPatchCheck.check([Self.commit("fix: ok", "f6")], rules: BumpRules(), majorIsZero: false, overrideReason: nil).state == "ok")
    }
}
