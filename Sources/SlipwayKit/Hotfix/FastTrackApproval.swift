/// The hotfix fast-track rule (RELEASE-PROCESS.md §3.4): one current approval by a configured tech lead
/// (`forge.techLeads`) replaces the normal approval count; approvals by anyone else are shown but never satisfy it.
public struct FastTrackApproval: Sendable, Hashable {
    /// Counting approvals (current, not the author's own) by tech leads.
    public var leadApprovals: [ReviewApproval]
    /// Every other review: non-leads, stale ones, the author's own.
    public var otherReviews: [ReviewApproval]
    /// `forge.techLeads` is empty, so nobody can fast-track.
    public var noLeadsConfigured: Bool

    public init(leadApprovals: [ReviewApproval], otherReviews: [ReviewApproval], noLeadsConfigured: Bool) {
        self.leadApprovals = leadApprovals
        self.otherReviews = otherReviews
        self.noLeadsConfigured = noLeadsConfigured
    }

    /// Splits the PR's reviews into lead approvals and the rest. A reviewer is a lead when their email (local
    /// forge) or login (GitHub, GitLab) is listed in `techLeads`, compared without case.
    public static func evaluate(_ pullRequest: PullRequestState?, techLeads: [String]) -> FastTrackApproval {
        let leads = Set(techLeads.map { $0.lowercased() })
        var lead: [ReviewApproval] = []
        var other: [ReviewApproval] = []
        for review in pullRequest?.reviews ?? [] {
            if review.counts, isLead(review.reviewer, leads) { lead.append(review) } else { other.append(review) }
        }
        return FastTrackApproval(leadApprovals: lead, otherReviews: other, noLeadsConfigured: leads.isEmpty)
    }

    static func isLead(_ reviewer: String, _ leads: Set<String>) -> Bool { leads.contains(reviewer.lowercased()) }

    /// One tech lead has approved the current tip.
    public var satisfied: Bool { !leadApprovals.isEmpty }

    /// The lead whose approval satisfies the rule, as `Name <reviewer>`.
    public var approvedBy: String? { leadApprovals.first.map { "\($0.name) <\($0.reviewer)>" } }

    /// Why the rule is not met, with the fix, or `nil` when it is.
    public func blocked(branch: String, version: SemanticVersion) -> ReleaseBlocked? {
        if satisfied { return nil }
        if noLeadsConfigured {
            return ReleaseBlocked(reason: "no tech lead is configured, so \(branch) cannot be fast-tracked",
                                  fix: "list the leads' emails in forge.techLeads in .slipway.json")
        }
        let others = otherReviews.filter { $0.state == .approved }
        var reason = "\(branch) has no approval by a tech lead"
        if !others.isEmpty {
            let names = others.map { review -> String in
                var text = review.reviewer
                if review.stale { text += ", stale" } else if review.isAuthor { text += ", the author" } else { text += ", not a tech lead" }
                return text
            }
            reason += " (approved by \(names.joined(separator: "; ")), which does not satisfy the fast-track rule)"
        }
        return ReleaseBlocked(reason: reason, fix: "a tech lead (forge.techLeads) runs `slipway hotfix approve \(version)`")
    }
}
