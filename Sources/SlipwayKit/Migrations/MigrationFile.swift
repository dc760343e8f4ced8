/// One migration file's path (inside the repository) and text.
public struct MigrationFile: Sendable, Hashable {
    public var path: String
    public var text: String

    public init(path: String, text: String) {
        self.path = path
        self.text = text
    }

    public var name: String { path.split(separator: "/").last.map(String.init) ?? path }
    public var folder: String { path.split(separator: "/").dropLast().joined(separator: "/") }
}

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
