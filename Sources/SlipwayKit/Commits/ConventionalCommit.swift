/// A commit header and message in the Conventional Commits 1.0.0 form: `type(scope)!: description`, an
/// optional body, and footers in the git trailer format.
public struct ConventionalCommit: Sendable, Hashable {
    /// Lower-cased: the specification makes types case-insensitive.
    public var type: String
    public var scope: String?
    /// `!` before the colon.
    public var hasBreakingMarker: Bool
    public var description: String {
        get { String(descriptionText) }
        set { descriptionText = newValue[...] }
    }
    /// The description as a slice of the header it was read from.
    private var descriptionText: Substring
    /// The body and footers, read from the text after the header only when asked for: the bump policy needs
    /// no more than `breakingFooterToken`, and reading 100,000 bodies up front is where the time went.
    private var details: Details

    private enum Details: Sendable, Hashable {
        case read(body: String?, footers: [CommitFooter])
        /// The lines after the header, and the token of the first breaking-change footer among them.
        case unread(Substring, breakingToken: String?)
    }

    public init(type: String, scope: String? = nil, hasBreakingMarker: Bool = false, description: String,
                body: String? = nil, footers: [CommitFooter] = []) {
        self.type = type
        self.scope = scope
        self.hasBreakingMarker = hasBreakingMarker
        self.descriptionText = description[...]
        self.details = .read(body: body, footers: footers)
    }

    /// A header whose body and footers stay unread in `rest` until they are asked for.
    init(type: String, scope: String?, hasBreakingMarker: Bool, description: Substring, rest: Substring, breakingToken: String?) {
        self.type = type
        self.scope = scope
        self.hasBreakingMarker = hasBreakingMarker
        self.descriptionText = description
        self.details = .unread(rest, breakingToken: breakingToken)
    }

    private var readDetails: (body: String?, footers: [CommitFooter]) {
        switch details {
        case .read(let body, let footers): return (body, footers)
        case .unread(let rest, _): return CommitMessageParser.bodyAndFooters(rest)
        }
    }

    public var body: String? {
        get { readDetails.body }
        set { details = .read(body: newValue, footers: footers) }
    }

    public var footers: [CommitFooter] {
        get { readDetails.footers }
        set { details = .read(body: body, footers: newValue) }
    }

    /// `BREAKING CHANGE` or `BREAKING-CHANGE` when such a footer is present.
    public var breakingFooterToken: String? {
        switch details {
        case .read(_, let footers): return footers.first(where: \.isBreakingChange)?.token
        case .unread(_, let token): return token
        }
    }

    /// The texts of `BREAKING CHANGE` / `BREAKING-CHANGE` footers.
    public var breakingNotes: [String] {
        breakingFooterToken == nil ? [] : footers.filter(\.isBreakingChange).map(\.value)
    }

    public var isBreaking: Bool { hasBreakingMarker || breakingFooterToken != nil }

    /// The header as it would be written: `feat(api)!: description`.
    public var header: String {
        var text = type
        if let scope { text += "(\(scope))" }
        if hasBreakingMarker { text += "!" }
        return text + ": " + description
    }

    public static func == (lhs: ConventionalCommit, rhs: ConventionalCommit) -> Bool {
        lhs.type == rhs.type && lhs.scope == rhs.scope && lhs.hasBreakingMarker == rhs.hasBreakingMarker
            && lhs.descriptionText == rhs.descriptionText && lhs.body == rhs.body && lhs.footers == rhs.footers
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(type)
        hasher.combine(scope)
        hasher.combine(hasBreakingMarker)
        hasher.combine(descriptionText)
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
