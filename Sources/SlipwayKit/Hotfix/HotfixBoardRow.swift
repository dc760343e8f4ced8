import Foundation

/// One hotfix on the leads' board: every column of the board, and what needs doing next.
public struct HotfixBoardRow: Sendable, Hashable {
    /// What the hotfix needs, most urgent first; the board sorts by it.
    public enum Attention: Int, Sendable, Comparable, CaseIterable {
        /// Something is wrong: a rebased branch, a missing base, a failed publish.
        case problem = 0
        /// A commit is more than a PATCH and no override was given.
        case notPatchOnly
        /// Prepared, waiting for a tech lead's approval.
        case awaitingLeadApproval
        case readyToMerge
        case readyToTag
        /// Released, but main lacks some of its commits.
        case notBackported
        /// Started; the fix is being written (not prepared yet).
        case inProgress
        case done

        public static func < (lhs: Attention, rhs: Attention) -> Bool { lhs.rawValue < rhs.rawValue }

        public var key: String {
            switch self {
            case .problem: return "problem"
            case .notPatchOnly: return "not-patch-only"
            case .awaitingLeadApproval: return "awaiting-lead-approval"
            case .readyToMerge: return "ready-to-merge"
            case .readyToTag: return "ready-to-tag"
            case .notBackported: return "not-backported"
            case .inProgress: return "in-progress"
            case .done: return "done"
            }
        }
    }

    public var version: SemanticVersion
    public var tag: String
    /// `hotfix/vX.Y.Z` while it is on the remote; `nil` once it is gone.
    public var branch: String?
    public var baseTag: String?
    /// One of the hotfix's own commits, and whether main has it.
    public struct Commit: Sendable, Hashable {
        public var sha: String
        public var subject: String
        /// How it was found on main (`BackportCheck.Evidence`'s words), or `nil` when main lacks it.
        public var onMain: String?

        public init(sha: String, subject: String, onMain: String?) {
            self.sha = sha
            self.subject = subject
            self.onMain = onMain
        }
    }

    /// The hotfix's own commits (no merges, no release commit), oldest first.
    public var commits: [Commit]
    public var commitCount: Int { commits.count }
    /// `ok`, `flagged` or `overridden` (see `HotfixPatchCheck`).
    public var patchOnly: String
    /// `sha subject (why)` for each commit that is more than a PATCH.
    public var flaggedCommits: [String]
    public var overrideReason: String?
    /// The branch ends with `chore(release): X.Y.Z` (or the hotfix is already released).
    public var prepared: Bool
    /// The tech lead whose approval satisfies the fast-track rule, as `Name <email or login>`.
    public var techLeadApproval: String?
    /// Other reviews, shown but not satisfying the rule: `reviewer (why)`.
    public var otherApprovals: [String]
    public var merged: Bool
    public var tagged: Bool
    /// The publish step's state (`done`, `running`, `failed`, `ready`, `blocked`) and its detail.
    public var published: String
    public var publishedDetail: String
    /// Every hotfix commit is on main (by patch identity, a cherry-pick trailer, or patch-id).
    public var backported: Bool
    /// How many hotfix commits main lacks; `nil` when it cannot be told.
    public var missingOnMain: Int?
    /// Main's CHANGELOG has the hotfix's section.
    public var changelogOnMain: Bool
    /// `backport/vX.Y.Z` is on the remote.
    public var backportBranchOpen: Bool
    /// When the hotfix started (the journal's time, or its oldest commit's); `nil` when unknown.
    public var startedAt: Date?
    public var problems: [String]
    public var attention: Attention
    /// The next thing to do, as a command or a sentence.
    public var next: String
    /// Who wrote the prepared hotfix (its PR's author, an e-mail or login), when the forge says; their own
    /// approval never counts.
    public var author: String?

    /// A row for a hotfix that could not be read: its names and the problem, nothing claimed.
    public static func unreadable(_ version: SemanticVersion, tag: String, branch: String?, problem: String) -> HotfixBoardRow {
        HotfixBoardRow(version: version, tag: tag, branch: branch, baseTag: nil, commits: [], patchOnly: "unknown", flaggedCommits: [],
                       overrideReason: nil, prepared: false, techLeadApproval: nil, otherApprovals: [], merged: false, tagged: false,
                       published: "unknown", publishedDetail: problem, backported: false, missingOnMain: nil, changelogOnMain: false,
                       backportBranchOpen: false, startedAt: nil, problems: [problem], attention: .problem, next: "check the repository: \(problem)")
    }

    /// The hotfix actions that apply now (`prepare`, `approve`, `merge`, `tag`, `backport`), for the console's detail view.
    public var actions: [String] {
        switch attention {
        case .problem, .done: return []
        case .notPatchOnly: return ["prepare"]
        case .inProgress: return commits.isEmpty ? [] : ["prepare"]
        case .awaitingLeadApproval: return ["approve"]
        case .readyToMerge: return ["approve", "merge"]
        case .readyToTag: return ["tag"]
        case .notBackported: return ["backport"]
        }
    }

    /// Seconds since `startedAt`.
    public func age(now: Date) -> TimeInterval? { startedAt.map { max(0, now.timeIntervalSince($0)) } }

    /// `45m`, `5h`, `3d`, or `-`.
    public static func ageText(_ seconds: TimeInterval?) -> String {
        guard let seconds else { return "-" }
        if seconds < 3600 { return "\(Int(seconds / 60))m" }
        if seconds < 86_400 { return "\(Int(seconds / 3600))h" }
        return "\(Int(seconds / 86_400))d"
    }

    /// The row for `hotfix status --json`.
    public func json(now: Date) -> JSONValue {
        func string(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }
        return .object([
            ("version", .string(version.description)), ("tag", .string(tag)), ("branch", string(branch)),
            ("branchGone", .bool(branch == nil)), ("baseTag", string(baseTag)), ("commits", .array(commits.map { commit in
                .object([("sha", .string(commit.sha)), ("subject", .string(commit.subject)), ("onMain", string(commit.onMain))])
            })),
            ("patchOnly", .string(patchOnly)), ("flaggedCommits", .array(flaggedCommits.map(JSONValue.string))),
            ("overrideReason", string(overrideReason)), ("prepared", .bool(prepared)),
            ("techLeadApproval", string(techLeadApproval)), ("otherApprovals", .array(otherApprovals.map(JSONValue.string))),
            ("merged", .bool(merged)), ("tagged", .bool(tagged)), ("published", .string(published)),
            ("publishedDetail", .string(publishedDetail)), ("backported", .bool(backported)),
            ("missingOnMain", missingOnMain.map { .number(Double($0)) } ?? .null), ("changelogOnMain", .bool(changelogOnMain)),
            ("backportBranchOpen", .bool(backportBranchOpen)),
            ("startedAt", startedAt.map { .string(ISO8601DateFormatter().string(from: $0)) } ?? .null),
            ("ageSeconds", age(now: now).map { .number($0.rounded()) } ?? .null),
            ("problems", .array(problems.map(JSONValue.string))), ("attention", .string(attention.key)), ("next", .string(next)),
            ("actions", .array(actions.map(JSONValue.string))),
        ])
    }
}
