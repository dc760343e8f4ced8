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
    /// Why, kept as facts and put into words when asked for: 100,000 reasons written out up front cost more than
    /// the rest of the classification.
    let because: Reason
    /// What few commits carry beyond the common case, out of line so that the common case stays small.
    private let extras: Extras?

    public var reason: String { because.text }
    /// The sha of the commit in range that cancels this one (a revert pair).
    public var cancelledBy: String? { extras?.cancelledBy }
    /// Set when a person classified or overrode this commit for the release.
    public var override: CommitOverride? { extras?.override }

    public init(commit: GitCommit, kind: Kind, type: String?, scope: String?, breaking: Bool, level: BumpLevel,
                reason: String, cancelledBy: String? = nil, override: CommitOverride? = nil) {
        self.init(commit: commit, kind: kind, type: type, scope: scope, breaking: breaking, level: level,
                  because: .text(reason), cancelledBy: cancelledBy, override: override)
    }

    init(commit: GitCommit, kind: Kind, type: String?, scope: String?, breaking: Bool, level: BumpLevel,
         because: Reason, cancelledBy: String? = nil, override: CommitOverride? = nil) {
        self.commit = commit
        self.kind = kind
        self.type = type
        self.scope = scope
        self.breaking = breaking
        self.level = level
        self.because = because
        self.extras = cancelledBy == nil && override == nil ? nil : Extras(cancelledBy: cancelledBy, override: override)
    }

    public static func == (lhs: ClassifiedCommit, rhs: ClassifiedCommit) -> Bool {
        lhs.commit == rhs.commit && lhs.kind == rhs.kind && lhs.type == rhs.type && lhs.scope == rhs.scope
            && lhs.breaking == rhs.breaking && lhs.level == rhs.level && lhs.reason == rhs.reason
            && lhs.cancelledBy == rhs.cancelledBy && lhs.override == rhs.override
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(commit)
        hasher.combine(kind)
        hasher.combine(level)
    }

    private final class Extras: Sendable {
        let cancelledBy: String?
        let override: CommitOverride?

        init(cancelledBy: String?, override: CommitOverride?) {
            self.cancelledBy = cancelledBy
            self.override = override
        }
    }

    /// The reason for a level, as facts.
    enum Reason: Sendable, Hashable {
        case text(String)
        /// A `bump.types` rule (`feat`, `chore(deps)`) gave the level.
        case rule(String, BumpLevel)
        /// `'!' after the type` or a `BREAKING CHANGE` footer (its token); `whileZero` is the level a breaking
        /// change bumps by while the major version is 0, when it is.
        case breaking(footer: String?, whileZero: BumpLevel?)
        case developmentDependencies(type: String)
        case unshipped(type: String)
        case notConventional(HeaderProblem?)

        var text: String {
            switch self {
            case .text(let text): return text
            case .rule(let rule, let level): return "\(rule) → \(level)"
            case .breaking(let footer, let whileZero):
                let cause = footer.map { "\($0) footer" } ?? "'!' after the type"
                if let whileZero {
                    return "breaking (\(cause)) while the major version is 0 → \(whileZero) (bump.breakingWhileZero)"
                }
                return "breaking (\(cause)) → major"
            case .developmentDependencies(let type): return "\(type)(deps-dev): development dependencies only → none"
            case .unshipped(let type): return "\(type) changes no shipped behaviour → none"
            case .notConventional(let problem):
                return "not conventional (\(problem?.description ?? "not conventional")); classify it by hand"
            }
        }

        /// `text` as a JSON string, written in pieces rather than built first.
        func writeQuoted(to output: inout JSONByteWriter) {
            output.append("\"")
            switch self {
            case .rule(let rule, let level):
                output.appendEscaped(rule)
                output.append(" → ")
                output.append(level.name)
            case .breaking(let footer, let whileZero):
                output.append("breaking (")
                if let footer {
                    output.appendEscaped(footer)
                    output.append(" footer")
                } else {
                    output.append("'!' after the type")
                }
                if let whileZero {
                    output.append(") while the major version is 0 → ")
                    output.append(whileZero.name)
                    output.append(" (bump.breakingWhileZero)")
                } else {
                    output.append(") → major")
                }
            case .unshipped(let type):
                output.appendEscaped(type)
                output.append(" changes no shipped behaviour → none")
            default:
                output.appendEscaped(text)
            }
            output.append("\"")
        }
    }

    public var sha: String { commit.sha }
    public var subject: String { commit.message.subject }
    public var conventional: ConventionalCommit? { commit.message.conventional }

    /// The group the console and `changes` list it under.
    public var group: ChangeGroup {
        if extras != nil {
            if let override, let type = override.type { return ChangeGroup(type: type, breaking: override.level == .major) }
            if cancelledBy != nil { return .other }
        }
        switch kind {
        case .nonConventional where extras?.override == nil: return .notConventional
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
