import Foundation

/// A review on the release PR as the forge reports it.
public struct ReviewApproval: Sendable, Hashable {
    public enum State: String, Sendable { case approved, changesRequested = "changes-requested", commented, dismissed }

    /// An email (local forge) or a forge login.
    public var reviewer: String
    public var name: String
    public var state: State
    public var time: Date?
    /// Given before the last push to the release branch.
    public var stale: Bool
    /// The release commit's author: their own approval never counts.
    public var isAuthor: Bool

    public init(reviewer: String, name: String, state: State, time: Date?, stale: Bool, isAuthor: Bool) {
        self.reviewer = reviewer
        self.name = name
        self.state = state
        self.time = time
        self.stale = stale
        self.isAuthor = isAuthor
    }

    /// Whether it counts toward the required approvals.
    public var counts: Bool { state == .approved && !stale && !isAuthor }
}

/// One CI check or workflow run.
public struct CheckRun: Sendable, Hashable {
    public var name: String
    /// Lower-cased: `queued`, `in_progress`, `completed`, …
    public var status: String
    /// Lower-cased: `success`, `failure`, `cancelled`, … or empty while running.
    public var conclusion: String
    public var url: String?

    public init(name: String, status: String, conclusion: String, url: String? = nil) {
        self.name = name
        self.status = status.lowercased()
        self.conclusion = conclusion.lowercased()
        self.url = url
    }

    public var succeeded: Bool { conclusion == "success" || conclusion == "skipped" || conclusion == "neutral" }
    public var failed: Bool { ["failure", "failed", "cancelled", "canceled", "timed_out", "action_required", "startup_failure"].contains(conclusion) }
    public var finished: Bool { status == "completed" || status == "success" || status == "failed" || !conclusion.isEmpty }
}

/// The release PR (or merge request, or release branch for the local forge).
public struct PullRequestState: Sendable, Hashable {
    public enum State: String, Sendable { case open, merged, closed }

    public var number: Int?
    public var url: String?
    public var state: State
    public var headSHA: String
    public var author: String
    public var reviews: [ReviewApproval]
    public var checks: [CheckRun]
    /// `nil` when the forge does not say.
    public var mergeable: Bool?

    public init(number: Int?, url: String?, state: State, headSHA: String, author: String,
                reviews: [ReviewApproval], checks: [CheckRun] = [], mergeable: Bool? = nil) {
        self.number = number
        self.url = url
        self.state = state
        self.headSHA = headSHA
        self.author = author
        self.reviews = reviews
        self.checks = checks
        self.mergeable = mergeable
    }

    public var countingApprovals: Int {
        Set(reviews.filter(\.counts).map { $0.reviewer.lowercased() }).count
    }
}
