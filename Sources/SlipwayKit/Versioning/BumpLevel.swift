/// How far a change moves the version; ordered so that the bump of several changes is their maximum.
public enum BumpLevel: Int, Sendable, Comparable, CaseIterable, Codable, CustomStringConvertible {
    case none = 0
    case patch = 1
    case minor = 2
    case major = 3

    public static func < (lhs: BumpLevel, rhs: BumpLevel) -> Bool { lhs.rawValue < rhs.rawValue }

    public var description: String { name }

    public var name: String {
        switch self {
        case .none: return "none"
        case .patch: return "patch"
        case .minor: return "minor"
        case .major: return "major"
        }
    }

    public init?(name: String) {
        guard let level = BumpLevel.allCases.first(where: { $0.name == name }) else { return nil }
        self = level
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let level = BumpLevel(name: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "'\(text)' is not one of none, patch, minor, major")
        }
        self = level
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(name)
    }
}
