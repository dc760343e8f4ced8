import Foundation

/// A path checked to lie inside the repository: relative to the root for messages, absolute for reading.
public struct RepositoryPath: Sendable, Hashable {
    public let relative: String
    public let absolute: String

    /// Resolves `path` (absolute, or relative to `root`), following symbolic links, and refuses anything outside.
    public init(_ path: String, root: String) throws(RepositoryPathError) {
        let realRoot = URL(fileURLWithPath: root).resolvingSymlinksInPath().standardizedFileURL.path
        let base = path.hasPrefix("/") ? URL(fileURLWithPath: path) : URL(fileURLWithPath: root).appendingPathComponent(path)
        let resolved = base.standardizedFileURL.resolvingSymlinksInPath().standardizedFileURL.path
        guard resolved.hasPrefix(realRoot + "/") else { throw RepositoryPathError(path: path, root: root) }
        relative = String(resolved.dropFirst(realRoot.count + 1))
        absolute = resolved
    }
}

/// A path that leads outside the repository.
public struct RepositoryPathError: Error, Sendable, CustomStringConvertible {
    public let path: String
    public let root: String

    public var description: String {
        "\(path) is outside the repository \(root); give a path inside it"
    }
}
