import Foundation
import SlipwayKit

/// `slipway completions bash|zsh|fish`: completion scripts generated from the command table `--help` prints;
/// environment names and versions come from `slipway completions values environments|versions` as you type.
enum CompletionsCommand {
    static let spec = SubcommandSpec(
        name: "completions",
        usage: "completions bash|zsh|fish",
        summary: """
        Prints the shell completion script for bash, zsh or fish: subcommands, their actions and options, and —
        asked of the repository as you type — environment names from .slipway.json and versions from the tags.
        Install: slipway completions bash > ~/.local/share/bash-completion/completions/slipway (make install does it).
        """,
        options: [])

    /// Each subcommand, its actions (the first word of each `|` part of its usage) and its options.
    static var table: [(name: String, actions: [String], options: [String])] {
        Subcommands.all.map { command in
            let usage = command.spec.usage.dropFirst(command.spec.name.count)
            let actions = usage.split(separator: "|").compactMap { part -> String? in
                // `semver check V... | semver sort V...`: each part may repeat the command's name first.
                let words = part.split(separator: " ").drop { $0 == command.spec.name }
                guard let word = words.first, let first = word.first, first.isLetter, first.isLowercase,
                      !word.contains("X"), !word.contains("/") else { return nil }
                return String(word)
            }
            return (command.spec.name, actions, command.spec.options.map { "--" + $0.name } + ["--help"])
        }
    }

    static func run(_ arguments: [String]) throws -> Int32 {
        if arguments.first == "values" { return values(Array(arguments.dropFirst())) }
        guard let parsed = try spec.parse(arguments) else { return 0 }
        guard parsed.positional.count == 1, let shell = parsed.positional.first else {
            throw UsageError("completions: say bash, zsh or fish")
        }
        switch shell {
        case "bash": print(CompletionScripts.bash(table), terminator: "")
        case "zsh": print(CompletionScripts.zsh(table), terminator: "")
        case "fish": print(CompletionScripts.fish(table), terminator: "")
        default: throw UsageError("completions: '\(shell)' is not bash, zsh or fish")
        }
        return 0
    }

    /// `completions values environments|versions`: one name a line, for the scripts; nothing on any problem.
    static func values(_ arguments: [String]) -> Int32 {
        guard let repository = try? GitRepository.open(FileManager.default.currentDirectoryPath),
              let config = try? SlipwayConfig.load(repository: repository) else { return 0 }
        switch arguments.first {
        case "environments":
            for environment in (try? config.environments()) ?? [] { print(environment.name) }
        case "versions":
            let tags = (try? repository.tags(mergedInto: nil)) ?? []
            let versions = ReleaseTagScan(tagNames: tags, prefix: config.tagPrefix).releases.map(\.version).sorted(by: >)
            for version in versions.prefix(50) { print(version) }
        default:
            break
        }
        return 0
    }
}
