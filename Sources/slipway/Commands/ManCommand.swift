import Foundation
import SlipwayKit

/// `slipway man`: the slipway(1) manual page in roff, from the command table `--help` prints.
enum ManCommand {
    static let spec = SubcommandSpec(
        name: "man",
        usage: "man",
        summary: "Prints the slipway(1) manual page (roff), generated from the commands' own help; make install installs it.",
        options: [])

    static func run(_ arguments: [String]) throws -> Int32 {
        guard try spec.parse(arguments) != nil else { return 0 }
        print(page, terminator: "")
        return 0
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\e").replacingOccurrences(of: "-", with: "\\-")
            .split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasPrefix(".") || $0.hasPrefix("'") ? "\\&" + $0 : String($0) }.joined(separator: "\n")
    }

    static var page: String {
        var text = """
        .TH SLIPWAY 1 "" "slipway \(SlipwayVersion.number)" "User Commands"
        .SH NAME
        slipway \\- take a release through the release standard, from the terminal
        .SH SYNOPSIS
        .B slipway
        [\\-\\-repo DIR] [\\-\\-theme NAME|PATH] [\\-\\-dry\\-run]
        .br
        .B slipway
        COMMAND [options]
        .SH DESCRIPTION
        Without a command, slipway opens the release console on the repository (q quits, ? lists the keys).
        Each command below is the same model for scripts, CI and tests. Exit status 0 means done, 1 refused or failed,
        2 bad usage or input.
        .SH COMMANDS

        """
        for command in Subcommands.all {
            text += ".SS \(escape(command.spec.usage))\n\(escape(command.spec.summary.replacingOccurrences(of: "\n", with: " ")))\n"
            for option in command.spec.options {
                text += ".TP\n.B \\-\\-\(escape(option.name))\(option.takesValue ? " VALUE" : "")\n\(escape(option.help))\n"
            }
        }
        text += """
        .SH FILES
        .TP
        .I .slipway.json
        the repository's configuration (slipway config schema prints its JSON Schema; slipway init proposes one)
        .TP
        .I .git/slipway/
        this clone's own state: locks, journals of operations in flight, the environments clone
        .SH SEE ALSO
        git(1), helm(1), gh(1)

        """
        return text
    }
}
