import Foundation
import SlipwayKit

/// `slipway init [--write] [--force]`: a `.slipway.json` proposed from the repository.
enum InitCommand {
    static let spec = SubcommandSpec(
        name: "init",
        usage: "init [--repo DIR] [--write] [--force]",
        summary: """
        Looks at the repository (tag form, version files, CHANGELOG, charts, migrations, remote, CI) and proposes a
        .slipway.json: the file on stdout, why each choice was made on stderr. --write writes it (refusing to
        replace one that exists without --force).
        """,
        options: [SubcommandSpec.repoOption, .flag("write", "write .slipway.json"), .flag("force", "with --write, replace an existing .slipway.json")])

    static func run(_ arguments: [String]) throws -> Int32 {
        guard let parsed = try spec.parse(arguments) else { return 0 }
        guard parsed.positional.isEmpty else { throw UsageError("init takes no arguments") }
        let path = parsed.value("repo") ?? FileManager.default.currentDirectoryPath
        let repository = try GitRepository.open(path, runner: CommandRunner())
        let proposal = try ConfigProposer(repository: repository).propose()
        let text = PrettyJSON.render(proposal.json) + "\n"
        // What is proposed must be what the loader accepts.
        _ = try SlipwayConfig.parse(Data(text.utf8))
        print(text, terminator: "")
        for reason in proposal.reasons { FileHandle.standardError.write(Data("slipway: \(reason)\n".utf8)) }
        guard parsed.has("write") else { return 0 }
        let target = repository.root + "/" + SlipwayConfig.fileName
        if FileManager.default.fileExists(atPath: target), !parsed.has("force") {
            Output.error("\(SlipwayConfig.fileName) exists; nothing was written (--force replaces it)")
            return 1
        }
        try AtomicFile.write(Data(text.utf8), to: target)
        FileHandle.standardError.write(Data("slipway: wrote \(SlipwayConfig.fileName)\n".utf8))
        return 0
    }
}

/// `slipway config schema`: the JSON Schema of `.slipway.json`.
enum ConfigCommand {
    static let spec = SubcommandSpec(
        name: "config",
        usage: "config schema",
        summary: "Prints the JSON Schema of .slipway.json (also docs/slipway.schema.json) for editors: point \"$schema\" at it or configure your editor.",
        options: [])

    static func run(_ arguments: [String]) throws -> Int32 {
        guard let parsed = try spec.parse(arguments) else { return 0 }
        guard parsed.positional == ["schema"] else { throw UsageError("config: say schema") }
        print(PrettyJSON.render(ConfigSchema.json))
        return 0
    }
}
