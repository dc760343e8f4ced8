import Foundation
import SlipwayKit

/// `slipway calibrate`: how well the bump rules reproduce the project's own releases, and what would reproduce more.
enum CalibrateCommand {
    static let spec = SubcommandSpec(
        name: "calibrate",
        usage: "calibrate [--repo DIR] [--json] [--write]",
        summary: """
        Replays the release history (each pair of consecutive release tags on the first-parent line of HEAD)
        through the bump rules: how many releases they reproduce, the ones they miss (what was released, what the
        rules say, the commits that decided), and suggestions for bump.types that reproduce more, each with its
        gain. --write adds the suggestions to .slipway.json (after printing them), changing nothing else.
        """,
        options: [SubcommandSpec.repoOption, SubcommandSpec.jsonOption, .flag("write", "add the suggestions to .slipway.json")])

    static func run(_ arguments: [String]) throws -> Int32 {
        guard let parsed = try spec.parse(arguments) else { return 0 }
        guard parsed.positional.isEmpty else { throw UsageError("calibrate takes no arguments") }
        let context = try RepositoryContext(arguments: parsed)
        let calibration: Calibration
        do {
            calibration = try Calibration.run(repository: context.repository, config: context.config)
        } catch let error as CalibrationError {
            Output.error(error.description)
            return 1
        }
        if parsed.has("json") { Output.json(calibration.json) } else { print(calibration.text, terminator: "") }
        guard parsed.has("write") else { return 0 }
        guard !calibration.suggestions.isEmpty else {
            FileHandle.standardError.write(Data("slipway: no suggestion to write; .slipway.json is unchanged\n".utf8))
            return 0
        }
        let path = context.repository.root + "/" + SlipwayConfig.fileName
        let original = FileManager.default.fileExists(atPath: path)
            ? try String(contentsOfFile: path, encoding: .utf8) : ""
        let updated = try CalibrationWriter.apply(calibration.suggestions.map { ($0.key, $0.level) }, to: original)
        try AtomicFile.write(Data(updated.utf8), to: path)
        FileHandle.standardError.write(Data("slipway: wrote \(calibration.suggestions.map { "\($0.configKey) = \($0.level)" }.joined(separator: ", ")) to .slipway.json\n".utf8))
        return 0
    }
}
