/// Whether one migration can be undone, and why.
public struct MigrationFinding: Sendable, Hashable {
    public var path: String
    public var reversible: Bool
    public var reason: String

    public init(path: String, reversible: Bool, reason: String) {
        self.path = path
        self.reversible = reversible
        self.reason = reason
    }
}
