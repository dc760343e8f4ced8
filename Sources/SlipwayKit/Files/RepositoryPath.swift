import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A path checked to lie inside the repository: relative to the root for messages, absolute for reading.
public struct RepositoryPath: Sendable, Hashable {
    public let relative: String
    public let absolute: String

    /// Resolves `path` (absolute, or relative to `root`), following symbolic links, and refuses anything outside.
    public init(_ path: String, root: String) throws(RepositoryPathError) {
        let realRoot = RepositoryPath.resolve(URL(fileURLWithPath: root).standardizedFileURL.path)
        let base = path.hasPrefix("/") ? URL(fileURLWithPath: path) : URL(fileURLWithPath: root).appendingPathComponent(path)
        let resolved = RepositoryPath.resolve(base.standardizedFileURL.path)
        guard resolved.hasPrefix(realRoot + "/") else { throw RepositoryPathError(path: path, root: root) }
        relative = String(resolved.dropFirst(realRoot.count + 1))
        absolute = resolved
    }

    /// The real path of the longest existing ancestor (symbolic links followed), with the rest appended.
    static func resolve(_ path: String) -> String {
        var head = path
        var tail: [String] = []
        while !head.isEmpty, head != "/" {
            if let real = realpath(head, nil) {
                defer { free(real) }
                let resolved = String(cString: real)
                return tail.isEmpty ? resolved : (resolved == "/" ? "" : resolved) + "/" + tail.reversed().joined(separator: "/")
            }
            tail.append((head as NSString).lastPathComponent)
            head = (head as NSString).deletingLastPathComponent
        }
        return "/" + tail.reversed().joined(separator: "/")
    }
}
