/// A line of text in pieces, each with its role: what presentation functions return and panels draw.
public struct StyledLine: Sendable, Hashable {
    public var segments: [(text: String, role: StyleRole)]

    public init(_ segments: [(String, StyleRole)] = []) {
        self.segments = segments.map { (text: $0.0, role: $0.1) }
    }

    public init(_ text: String, _ role: StyleRole = .text) {
        segments = [(text: text, role: role)]
    }

    public static func == (lhs: StyledLine, rhs: StyledLine) -> Bool { lhs.plainText == rhs.plainText && lhs.roles == rhs.roles }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(plainText)
        hasher.combine(roles)
    }

    private var roles: [StyleRole] { segments.map(\.role) }

    public var plainText: String { segments.map(\.text).joined() }

    public mutating func append(_ text: String, _ role: StyleRole = .text) {
        segments.append((text: text, role: role))
    }
}
