/// A version as SemVer 2.0.0 defines it: `MAJOR.MINOR.PATCH[-PRERELEASE][+BUILD]`.
///
/// Build metadata is kept (and rendered) but ignored by precedence and equality, as the specification says.
public struct SemanticVersion: Sendable, Hashable, Comparable, CustomStringConvertible, Codable {
    public var major: VersionNumber
    public var minor: VersionNumber
    public var patch: VersionNumber
    public var prerelease: [PrereleaseIdentifier]
    public var build: [String]

    public init(major: VersionNumber, minor: VersionNumber, patch: VersionNumber,
                prerelease: [PrereleaseIdentifier] = [], build: [String] = []) {
        self.major = major
        self.minor = minor
        self.patch = patch
        self.prerelease = prerelease
        self.build = build
    }

    /// Parses `text` strictly; the error names the part that is wrong.
    public init(parsing text: String) throws(SemanticVersionError) {
        self = try SemanticVersionParser.parse(text)
    }

    /// `nil` when `text` is not a valid SemVer 2.0.0 version.
    public init?(_ text: String) {
        guard let parsed = try? SemanticVersionParser.parse(text) else { return nil }
        self = parsed
    }

    public static let zero = SemanticVersion(major: 0, minor: 0, patch: 0)

    public var isPrerelease: Bool { !prerelease.isEmpty }

    /// The version without pre-release and build parts.
    public var core: SemanticVersion { SemanticVersion(major: major, minor: minor, patch: patch) }

    public var description: String {
        var text = "\(major).\(minor).\(patch)"
        if !prerelease.isEmpty { text += "-" + prerelease.map(\.description).joined(separator: ".") }
        if !build.isEmpty { text += "+" + build.joined(separator: ".") }
        return text
    }

    // MARK: Precedence (SemVer 2.0.0 §11)

    public static func < (lhs: SemanticVersion, rhs: SemanticVersion) -> Bool {
        compare(lhs, rhs) < 0
    }

    public static func == (lhs: SemanticVersion, rhs: SemanticVersion) -> Bool {
        compare(lhs, rhs) == 0
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(major)
        hasher.combine(minor)
        hasher.combine(patch)
        hasher.combine(prerelease)
    }

    /// Negative, zero or positive as `lhs` has lower, equal or higher precedence than `rhs`.
    public static func compare(_ lhs: SemanticVersion, _ rhs: SemanticVersion) -> Int {
        if lhs.major != rhs.major { return lhs.major < rhs.major ? -1 : 1 }
        if lhs.minor != rhs.minor { return lhs.minor < rhs.minor ? -1 : 1 }
        if lhs.patch != rhs.patch { return lhs.patch < rhs.patch ? -1 : 1 }
        switch (lhs.prerelease.isEmpty, rhs.prerelease.isEmpty) {
        case (true, true): return 0
        case (true, false): return 1
        case (false, true): return -1
        case (false, false): break
        }
        for (left, right) in zip(lhs.prerelease, rhs.prerelease) {
            let order = PrereleaseIdentifier.compare(left, right)
            if order != 0 { return order }
        }
        if lhs.prerelease.count == rhs.prerelease.count { return 0 }
        return lhs.prerelease.count < rhs.prerelease.count ? -1 : 1
    }

    /// Same precedence and the same build metadata.
    public func isIdentical(to other: SemanticVersion) -> Bool {
        self == other && build == other.build
    }

    // MARK: Codable as a plain string

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            self = try SemanticVersionParser.parse(text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// One dot-separated pre-release identifier: numeric identifiers order numerically and below alphanumeric ones.
public enum PrereleaseIdentifier: Sendable, Hashable, CustomStringConvertible {
    case numeric(VersionNumber)
    case alphanumeric(String)

    public var description: String {
        switch self {
        case .numeric(let value): return value.description
        case .alphanumeric(let text): return text
        }
    }

    static func compare(_ lhs: PrereleaseIdentifier, _ rhs: PrereleaseIdentifier) -> Int {
        switch (lhs, rhs) {
        case let (.numeric(a), .numeric(b)): return a == b ? 0 : (a < b ? -1 : 1)
        case (.numeric, .alphanumeric): return -1
        case (.alphanumeric, .numeric): return 1
        case let (.alphanumeric(a), .alphanumeric(b)):
            // ASCII sort order, byte by byte.
            let left = Array(a.utf8), right = Array(b.utf8)
            return left == right ? 0 : (left.lexicographicallyPrecedes(right) ? -1 : 1)
        }
    }
}
