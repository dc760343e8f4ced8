import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A planned change to one file: its bytes before and after, for a preview or for writing.
public struct FileEdit: Sendable, Hashable {
    /// Relative to the repository root, as diffs and messages show it.
    public let path: String
    /// Where the file is written.
    public let absolutePath: String
    public let before: [UInt8]
    public let after: [UInt8]
    /// `true` when the file does not exist yet (`before` is then empty).
    public let createsFile: Bool

    public init(path: String, absolutePath: String, before: [UInt8], after: [UInt8], createsFile: Bool = false) {
        self.path = path
        self.absolutePath = absolutePath
        self.before = before
        self.after = after
        self.createsFile = createsFile
    }

    /// The change as a unified diff (`--- a/path`, `+++ b/path`, hunks with 3 lines of context).
    public var diff: String { UnifiedDiff.render(path: path, before: before, after: after) }

    /// Writes every edit, or none: all files are checked writable first, and a failure part-way puts the
    /// files already written back as they were.
    public static func applyAll(_ edits: [FileEdit]) throws(StateFileError) {
        for edit in edits {
            let folder = (edit.absolutePath as NSString).deletingLastPathComponent
            if edit.createsFile {
                if FileManager.default.fileExists(atPath: edit.absolutePath) {
                    throw StateFileError(path: edit.path, problem: "appeared while the release was being prepared; look at it and try again")
                }
                continue
            }
            // The mode bits count even for root, who passes access(2): a file made read-only was made so on purpose.
            var info = stat()
            let modeReadOnly = stat(edit.absolutePath, &info) == 0 && info.st_mode & 0o200 == 0
            if modeReadOnly || access(edit.absolutePath, W_OK) != 0 {
                throw StateFileError(path: edit.path, problem: "is read-only; make it writable (chmod u+w) and try again")
            }
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
                var unrestored: [String] = []
                for done in written {
                    if done.createsFile {
                        if unlink(done.absolutePath) != 0 { unrestored.append(done.path) }
                        continue
                    }
                    do { try AtomicFile.write(Data(done.before), to: done.absolutePath) } catch { unrestored.append(done.path) }
                }
                guard unrestored.isEmpty else {
                    throw StateFileError(path: edit.path, problem: "\(error.problem); and \(unrestored.joined(separator: ", ")) could not be put back (restore with git checkout)")
                }
                throw error
            }
        }
    }
}
