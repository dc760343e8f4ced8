import Foundation
import Testing
@testable import SlipwayTUI

/// Compares a screen with `__Snapshots__/NAME.txt` (its text) and `NAME.roles` (the style role of every cell, one
/// letter each, so colours, selection and emphasis are compared too); `SLIPWAY_RECORD=1` rewrites both.
enum Snapshot {
    static func folder(_ file: String = #filePath) -> URL {
        URL(fileURLWithPath: file).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("__Snapshots__")
    }

    static func assert(_ buffer: ScreenBuffer, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        compare(buffer.text, file: name + ".txt", sourceLocation: sourceLocation)
        compare(roles(buffer), file: name + ".roles", sourceLocation: sourceLocation)
    }

    /// One letter per cell (`.` for plain text, trailing dots dropped): the legend is `letters`.
    static func roles(_ buffer: ScreenBuffer) -> String {
        (0..<buffer.height).map { y in
            var row = ""
            for x in 0..<buffer.width {
                let cell = buffer[x, y]
                if cell.width == 0 { continue }
                row.append(letters[cell.role] ?? "?")
            }
            while row.last == "." { row.removeLast() }
            return row
        }.joined(separator: "\n")
    }

    static let letters: [StyleRole: Character] = [
        .text: ".", .muted: "m", .accent: "a", .ok: "o", .warn: "w", .error: "e", .selection: "S", .breaking: "B",
        .feature: "F", .fix: "X", .header: "H", .footer: "f", .tabActive: "T", .tabInactive: "t", .border: "b",
        .title: "i", .key: "k", .overlay: "v", .input: "n", .marked: "M", .dryRun: "D",
    ]

    private static func compare(_ text: String, file: String, sourceLocation: SourceLocation) {
        let url = folder().appendingPathComponent(file)
        let recording = ProcessInfo.processInfo.environment["SLIPWAY_RECORD"] == "1"
        if recording || !FileManager.default.fileExists(atPath: url.path) {
            try? FileManager.default.createDirectory(at: folder(), withIntermediateDirectories: true)
            try? Data((text + "\n").utf8).write(to: url)
            if !recording {
                Issue.record("recorded a new snapshot \(file); check it and run again", sourceLocation: sourceLocation)
            }
            return
        }
        let expected = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        #expect(text + "\n" == expected, "screen differs from \(file) (SLIPWAY_RECORD=1 re-records)", sourceLocation: sourceLocation)
    }
}
