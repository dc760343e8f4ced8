/// A path that leads outside the repository.
public struct RepositoryPathError: Error, Sendable, CustomStringConvertible {
    public let path: String
    public let root: String

    public var description: String {
        "\(path) is outside the repository \(root); give a path inside it"
    }
}
