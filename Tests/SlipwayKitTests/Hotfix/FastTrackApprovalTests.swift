import Foundation
import Testing
@testable import SlipwayKit

/// The fast-track rule on a PR's reviews.
@Suite struct FastTrackApprovalTests {
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
