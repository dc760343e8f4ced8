import Foundation
import SlipwayKit
import SlipwayTUI

/// `slipway [--repo DIR] [--theme NAME|PATH] [--dry-run]`: the console on a repository; without a terminal,
/// a one-line hint and the `changes` summary.
enum ConsoleEntryCommand {
    static let spec = SubcommandSpec(
        name: "",
        usage: "[--repo DIR] [--theme NAME|PATH] [--dry-run]",
        summary: "Opens the release console on the repository (q quits, ? lists the keys).",
        options: [SubcommandSpec.repoOption,
                  .value("theme", "default, light, high-contrast, mono, or a theme file (also SLIPWAY_THEME; NO_COLOR gives mono)"),
                  .flag("dry-run", "start in dry-run: nothing is written")])

    static func run(_ arguments: [String]) throws -> Int32 {
        let parsed: ParsedArguments
        do {
            parsed = try ParsedArguments(arguments, options: spec.options, command: "console")
        } catch {
            // The console has no subcommand name: point at the top-level help instead.
            throw UsageError(error.description.replacingOccurrences(of: "console: ", with: "")
                .replacingOccurrences(of: "slipway console --help", with: "slipway --help"))
        }
        guard parsed.positional.isEmpty else { throw UsageError("unknown command '\(parsed.positional[0])'; run slipway --help") }
        let path = parsed.value("repo") ?? FileManager.default.currentDirectoryPath
        if let reason = Console.unavailableReason() {
            print("slipway: no console (\(reason)); the commits since the last release:")
            let repository = try GitRepository.open(path, runner: CommandRunner())
            let config = try SlipwayConfig.load(repository: repository)
            let proposal = try VersionPlanner(repository: repository, config: config).propose()
            Output.warnings(proposal.warnings)
            print(ChangesCommand.text(proposal), terminator: "")
            return 0
        }
        return Console.run(repositoryPath: path, theme: parsed.value("theme"), dryRun: parsed.has("dry-run"),
                           releaseFiles: RepositoryReleaseFiles(path: path))
    }
}
