/// A commit header and message in the Conventional Commits 1.0.0 form: `type(scope)!: description`, an
/// optional body, and footers in the git trailer format.
public struct ConventionalCommit: Sendable, Hashable, Codable {
    /// Lower-cased: the specification makes types case-insensitive.
    public var type: String
    public var scope: String?
    /// `!` before the colon.
    public var hasBreakingMarker: Bool
    public var description: String
    public var body: String?
    public var footers: [CommitFooter]

    public init(type: String, scope: String? = nil, hasBreakingMarker: Bool = false, description: String,
                body: String? = nil, footers: [CommitFooter] = []) {
        self.type = type
        self.scope = scope
        self.hasBreakingMarker = hasBreakingMarker
        self.description = description
        self.body = body
        self.footers = footers
    }

    /// The texts of `BREAKING CHANGE` / `BREAKING-CHANGE` footers.
    public var breakingNotes: [String] {
        footers.filter(\.isBreakingChange).map(\.value)
    }

    public var isBreaking: Bool { hasBreakingMarker || footers.contains(where: \.isBreakingChange) }

    /// The header as it would be written: `feat(api)!: description`.
    public var header: String {
        var text = type
        if let scope { text += "(\(scope))" }
        if hasBreakingMarker { text += "!" }
        return text + ": " + description
    }
}

/// One footer (git trailer): `Token: value` or `Token #value`; values may span lines.
public struct CommitFooter: Sendable, Hashable, Codable {
    public var token: String
    /// `": "` or `" #"`.
    public var separator: String
    public var value: String

    public init(token: String, separator: String = ": ", value: String) {
        self.token = token
        self.separator = separator
        self.value = value
    }

    /// `BREAKING CHANGE` and `BREAKING-CHANGE` are synonyms and must be upper case.
    public var isBreakingChange: Bool { token == "BREAKING CHANGE" || token == "BREAKING-CHANGE" }
}

/// Why a header is not a Conventional Commits header.
public enum HeaderProblem: Error, Sendable, Hashable, CustomStringConvertible {
    case empty
    case noType
    case noColon
    case emptyScope
    case unclosedScope
    case missingSpaceAfterColon
    case emptyDescription

    public var description: String {
        switch self {
        case .empty: return "the message is empty"
        case .noType: return "the header does not start with a type"
        case .noColon: return "the header has no ': ' after the type"
        case .emptyScope: return "the scope in parentheses is empty"
        case .unclosedScope: return "the scope's parenthesis is not closed"
        case .missingSpaceAfterColon: return "the colon after the type is not followed by a space"
        case .emptyDescription: return "the description after the colon is empty"
        }
    }
}
