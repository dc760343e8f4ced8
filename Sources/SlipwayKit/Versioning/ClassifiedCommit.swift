/// What a commit is, and the level it contributes to the next version, with the reason in words.
public struct ClassifiedCommit: Sendable, Hashable {
    public enum Kind: String, Sendable, Codable {
        case conventional
        /// A squash commit whose body lists conventional headers.
        case squash
        case merge
        case revert
        case nonConventional = "non-conventional"
    }

    public let commit: GitCommit
    public let kind: Kind
    public let type: String?
    public let scope: String?
    public let breaking: Bool
    public let level: BumpLevel
    public let reason: String
    /// The sha of the commit in range that cancels this one (a revert pair).
    public let cancelledBy: String?
    /// Set when a person classified or overrode this commit for the release.
    public let override: CommitOverride?

    public init(commit: GitCommit, kind: Kind, type: String?, scope: String?, breaking: Bool, level: BumpLevel,
                reason: String, cancelledBy: String? = nil, override: CommitOverride? = nil) {
        self.commit = commit
        self.kind = kind
        self.type = type
        self.scope = scope
        self.breaking = breaking
        self.level = level
        self.reason = reason
        self.cancelledBy = cancelledBy
        self.override = override
    }

    public var sha: String { commit.sha }
    public var subject: String { commit.message.subject }
    public var conventional: ConventionalCommit? { commit.message.conventional }

    /// The group the console and `changes` list it under.
    public var group: ChangeGroup {
        if let override, let type = override.type { return ChangeGroup(type: type, breaking: override.level == .major) }
        if cancelledBy != nil { return .other }
        switch kind {
        case .nonConventional where override == nil: return .notConventional
        case .merge: return .other
        default: break
        }
        if breaking { return .breaking }
        return ChangeGroup(type: type ?? "", breaking: false)
    }
}

/// The headings commits are grouped under.
public enum ChangeGroup: String, Sendable, CaseIterable, Codable {
    case breaking
    case features
    case fixes
    case other
    case notConventional = "not-conventional"

    init(type: String, breaking: Bool) {
        if breaking { self = .breaking; return }
        switch type {
        case "feat": self = .features
        case "fix", "perf": self = .fixes
        default: self = .other
        }
    }

    public var title: String {
        switch self {
        case .breaking: return "Breaking"
        case .features: return "Features"
        case .fixes: return "Fixes"
        case .other: return "Other"
        case .notConventional: return "Not conventional"
        }
    }
}

/// A person's classification of one commit for the release in progress (kept under `.git/slipway/`).
public struct CommitOverride: Sendable, Hashable, Codable {
    public var level: BumpLevel
    /// The type it should count as (`feat`, `fix`…), when classified.
    public var type: String?
    public var reason: String

    public init(level: BumpLevel, type: String? = nil, reason: String) {
        self.level = level
        self.type = type
        self.reason = reason
    }
}
