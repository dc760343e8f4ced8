/// The answer to "what is the next version, and why": the last release, the commits since, the level.
public struct VersionProposal: Sendable {
    public let tagPrefix: String
    /// The release the range starts from; `nil` for a repository without releases (starting from 0.0.0).
    public let baseTag: ReleaseTag?
    public let current: SemanticVersion
    public let next: SemanticVersion
    public let bump: BumpLevel
    /// Newest first.
    public let commits: [ClassifiedCommit]
    public let warnings: [String]
    /// The revision range read: `v1.2.0..HEAD`, or `HEAD` for all history.
    public let range: String
    /// The resolved commit of the range's end.
    public let head: String
    /// Set when the major version is 0: what a breaking change bumps by.
    public let breakingWhileZero: BumpLevel?
    /// `rc` when a pre-release was asked for.
    public let prereleaseIdentifier: String?
    /// Set when a person overrode the computed version.
    public let versionOverride: VersionOverride?
    /// The version the commits alone give, before any override.
    public let computedNext: SemanticVersion
    /// Where the tag prefix came from: `configured`, `default`, or `detected from 12 tags such as v2.0.0`.
    public var tagPrefixSource = "default"

    public init(tagPrefix: String, baseTag: ReleaseTag?, current: SemanticVersion, next: SemanticVersion,
                bump: BumpLevel, commits: [ClassifiedCommit], warnings: [String], range: String, head: String,
                breakingWhileZero: BumpLevel?, prereleaseIdentifier: String?, versionOverride: VersionOverride? = nil,
                computedNext: SemanticVersion? = nil) {
        self.tagPrefix = tagPrefix
        self.baseTag = baseTag
        self.current = current
        self.next = next
        self.bump = bump
        self.commits = commits
        self.warnings = warnings
        self.range = range
        self.head = head
        self.breakingWhileZero = breakingWhileZero
        self.prereleaseIdentifier = prereleaseIdentifier
        self.versionOverride = versionOverride
        self.computedNext = computedNext ?? next
    }

    /// The commits whose level is the bump: the ones that decided it.
    public var decidingCommits: [ClassifiedCommit] {
        // By index: a filter's closure would take a copy of each of 100,000 commits to look at one field.
        bump == .none ? [] : commits.indices.filter { commits[$0].level == bump }.map { commits[$0] }
    }

    /// `true` when nothing since the last release calls for a release.
    public var isReleaseNeeded: Bool { bump != .none || versionOverride != nil }

    public var nextTagName: String { tagPrefix + next.description }

    public func commits(in group: ChangeGroup) -> [ClassifiedCommit] {
        commits.filter { $0.group == group }
    }
}

/// A person's choice of the next version, with the reason kept in the release record.
public struct VersionOverride: Sendable, Hashable, Codable {
    public enum Choice: Sendable, Hashable, Codable {
        case level(BumpLevel)
        case prerelease(String)
        case exact(SemanticVersion)
    }

    public var choice: Choice
    public var reason: String

    public init(choice: Choice, reason: String) {
        self.choice = choice
        self.reason = reason
    }
}
