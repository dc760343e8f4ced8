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
