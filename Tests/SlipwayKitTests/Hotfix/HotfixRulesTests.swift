import Foundation
import Testing
@testable import SlipwayKit

/// The PATCH-only check and the fast-track rule on their own.
@Suite struct HotfixRulesTests {
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

    static func review(_ who: String, stale: Bool = false, author: Bool = false) -> ReviewApproval {
        ReviewApproval(reviewer: who, name: who, state: .approved, time: nil, stale: stale, isAuthor: author)
    }

    @Test func onlyACurrentLeadApprovalSatisfiesTheFastTrack() {
        let pr = { (reviews: [ReviewApproval]) in
            PullRequestState(number: nil, url: nil, state: .open, headSHA: "h", author: "ada@example.com", reviews: reviews)
        }
        let leads = ["Lead@Example.com"]
        #expect(!FastTrackApproval.evaluate(pr([Self.review("kim@example.com"), Self.review("joe@example.com")]), techLeads: leads).satisfied)
        #expect(!FastTrackApproval.evaluate(pr([Self.review("lead@example.com", stale: true)]), techLeads: leads).satisfied)
        #expect(!FastTrackApproval.evaluate(pr([Self.review("lead@example.com", author: true)]), techLeads: leads).satisfied)
        let met = FastTrackApproval.evaluate(pr([Self.review("kim@example.com"), Self.review("lead@example.com")]), techLeads: leads)
        #expect(met.satisfied)
        #expect(met.otherReviews.map(\.reviewer) == ["kim@example.com"])
        #expect(met.blocked(branch: "hotfix/v1.0.1", version: SemanticVersion(major: 1, minor: 0, patch: 1)) == nil)
        let none = FastTrackApproval.evaluate(pr([Self.review("lead@example.com")]), techLeads: [])
        #expect(none.blocked(branch: "hotfix/v1.0.1", version: SemanticVersion(major: 1, minor: 0, patch: 1))?.reason
                == "no tech lead is configured, so hotfix/v1.0.1 cannot be fast-tracked")
    }
}
