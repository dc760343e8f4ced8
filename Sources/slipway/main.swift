import Foundation
import SlipwayKit

/// The headless commands, in the order `--help` lists them; each returns its exit code.
enum Subcommands {
    static let all: [(spec: SubcommandSpec, run: @Sendable ([String]) throws -> Int32)] = [
        (NextVersionCommand.spec, NextVersionCommand.run),
        (ChangesCommand.spec, ChangesCommand.run),
        (PackagesCommand.spec, PackagesCommand.run),
        (SemverCommand.spec, SemverCommand.run),
        (ManifestCommand.spec, ManifestCommand.run),
        (ChangelogCommand.spec, ChangelogCommand.run),
        (ReleaseCommand.spec, ReleaseCommand.run),
        (DemoCommand.spec, DemoCommand.run),
        (EnvCommand.spec, EnvCommand.run),
        (HotfixCommand.spec, HotfixCommand.run),
        (ArtefactsCommand.spec, ArtefactsCommand.run),
        (ChartCommand.spec, ChartCommand.run),
        (AuditCommand.spec, AuditCommand.run),
        (HistoryCommand.spec, HistoryCommand.run),
        (CalibrateCommand.spec, CalibrateCommand.run),
        (DoctorCommand.spec, DoctorCommand.run),
        (InitCommand.spec, InitCommand.run),
        (ConfigCommand.spec, ConfigCommand.run),
        (VersionCommand.spec, VersionCommand.run),
        (CompletionsCommand.spec, CompletionsCommand.run),
        (ManCommand.spec, ManCommand.run),
    ]

    static func named(_ name: String) -> (spec: SubcommandSpec, run: @Sendable ([String]) throws -> Int32)? {
        all.first(where: { $0.spec.name == name })
    }

    static var usage: String {
        var text = "usage: slipway \(ConsoleEntryCommand.spec.usage)   opens the release console\n"
        text += "       slipway COMMAND [options]   (slipway COMMAND --help for more)\n\ncommands:\n"
        for command in all { text += "  " + command.spec.usage + "\n" }
        return text
    }
}

var arguments = Array(CommandLine.arguments.dropFirst())
// `slipway --repo DIR COMMAND …` means `slipway COMMAND --repo DIR …`.
if arguments.count >= 3, arguments[0] == "--repo", Subcommands.named(arguments[2]) != nil {
    arguments = [arguments[2], "--repo", arguments[1]] + arguments.dropFirst(3)
}
let code: Int32
if arguments.first == "--version" || arguments.first == "-V" {
    code = (try? VersionCommand.run(Array(arguments.dropFirst()))) ?? 2
} else if arguments.first == "--help" || arguments.first == "-h" || arguments.first == "help" {
    print(Subcommands.usage, terminator: "")
    code = 0
} else if arguments.isEmpty || arguments[0].hasPrefix("--") {
    do {
        code = try ConsoleEntryCommand.run(arguments)
    } catch {
        Output.error(String(describing: error))
        code = ExitStatus.code(for: error)
    }
} else if let command = Subcommands.named(arguments[0]) {
    do {
        code = try command.run(Array(arguments.dropFirst()))
    } catch {
        Output.error(String(describing: error))
        code = ExitStatus.code(for: error)
    }
} else {
    Output.error("unknown command '\(arguments[0])'; run slipway --help")
    code = 2
}
Output.peakMemoryIfAsked()
exit(code)
