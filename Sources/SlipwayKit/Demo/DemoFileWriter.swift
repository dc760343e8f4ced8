import Foundation

/// Plain file writes for the demo: its files are new, so no atomic replace is needed.
enum DemoFileWriter {
    static func makeFolder(_ path: String) throws(DemoWorkspaceError) {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw .cannotCreate(path, reason: error.localizedDescription)
        }
    }

    static func write(_ text: String, to path: String) throws(DemoWorkspaceError) {
        try makeFolder((path as NSString).deletingLastPathComponent)
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        } catch {
            throw .cannotWrite(path, reason: error.localizedDescription)
        }
    }

    static func remove(_ path: String) throws(DemoWorkspaceError) {
        guard FileManager.default.fileExists(atPath: path) else { return }
        do {
            try FileManager.default.removeItem(atPath: path)
        } catch {
            throw .cannotWrite(path, reason: error.localizedDescription)
        }
    }
}
