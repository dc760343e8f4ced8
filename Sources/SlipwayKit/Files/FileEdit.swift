import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A planned change to one file: its bytes before and after, for a preview or for writing.
public struct FileEdit: Sendable, Hashable {
    /// Relative to the repository root, as diffs and messages show it.
    public let path: String
    public let absolutePath: String
    public let before: [UInt8]
    public let after: [UInt8]

    public init(path: String, absolutePath: String, before: [UInt8], after: [UInt8]) {
        self.path = path
        self.absolutePath = absolutePath
        self.before = before
        self.after = after
    }

    /// The change as a unified diff (`--- a/path`, `+++ b/path`, hunks with 3 lines of context).
    public var diff: String { UnifiedDiff.render(path: path, before: before, after: after) }

    /// Writes every edit, or none: all files are checked writable first, and a failure part-way puts the
    /// files already written back as they were.
    public static func applyAll(_ edits: [FileEdit]) throws(StateFileError) {
        for edit in edits {
            if access(edit.absolutePath, W_OK) != 0 {
                throw StateFileError(path: edit.path, problem: "is read-only; make it writable (chmod u+w) and try again")
            }
            let folder = (edit.absolutePath as NSString).deletingLastPathComponent
            if access(folder, W_OK) != 0 {
                throw StateFileError(path: edit.path, problem: "cannot be replaced: its folder is read-only; make it writable and try again")
            }
        }
        var written: [FileEdit] = []
        for edit in edits {
            do {
                try AtomicFile.write(Data(edit.after), to: edit.absolutePath)
                written.append(edit)
            } catch {
                for done in written { try? AtomicFile.write(Data(done.before), to: done.absolutePath) }
                throw error
            }
        }
    }
}
