import Foundation
import SlipwayKit
import SlipwayTUI

/// `slipway --version` and `slipway version [--json]`: the version, the commit it was built from, the compiler,
/// and where the themes are found.
enum VersionCommand {
    static let spec = SubcommandSpec(
        name: "version",
        usage: "version [--json]",
        summary: "Prints Slipway's version, the git commit it was built from, the Swift compiler and the themes folder it uses.",
        options: [SubcommandSpec.jsonOption])

    static func run(_ arguments: [String]) throws -> Int32 {
        guard let parsed = try spec.parse(arguments) else { return 0 }
        guard parsed.positional.isEmpty else { throw UsageError("version takes no arguments") }
        let executable = ThemeLoader.currentExecutable()
        let commit = SlipwayVersion.commit(executable: executable)
        let themes = ThemeLoader.standard().searchFolders.first { FileManager.default.fileExists(atPath: $0 + "/default.json") }
        if parsed.has("json") {
            Output.json(.object([("version", .string(SlipwayVersion.number)), ("commit", commit.map(JSONValue.string) ?? .null),
                                 ("swift", .string(SlipwayVersion.swift)), ("themes", themes.map(JSONValue.string) ?? .null)]))
        } else {
            print("slipway \(SlipwayVersion.number)" + (commit.map { " (\($0.prefix(12)))" } ?? "") + ", built with Swift \(SlipwayVersion.swift)")
        }
        return 0
    }
}
