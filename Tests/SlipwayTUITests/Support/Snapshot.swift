import Foundation
import Testing

/// Compares a screen's text with `__Snapshots__/NAME.txt` next to the tests; `SLIPWAY_RECORD=1` rewrites it.
enum Snapshot {
    static func folder(_ file: String = #filePath) -> URL {
        URL(fileURLWithPath: file).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("__Snapshots__")
    }

    static func assert(_ text: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let url = folder().appendingPathComponent(name + ".txt")
        let recording = ProcessInfo.processInfo.environment["SLIPWAY_RECORD"] == "1"
        if recording || !FileManager.default.fileExists(atPath: url.path) {
            try? FileManager.default.createDirectory(at: folder(), withIntermediateDirectories: true)
            try? Data((text + "\n").utf8).write(to: url)
            if !recording {
                Issue.record("recorded a new snapshot \(name).txt; check it and run again", sourceLocation: sourceLocation)
            }
            return
        }
        let expected = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        #expect(text + "\n" == expected, "screen differs from \(name).txt (SLIPWAY_RECORD=1 re-records)", sourceLocation: sourceLocation)
    }
}
