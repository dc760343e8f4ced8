/// A subcommand's name, usage line and options, for parsing and for `--help`.
struct SubcommandSpec: Sendable {
    let name: String
    let usage: String
    let summary: String
    let options: [OptionSpec]

    static let repoOption = OptionSpec.value("repo", "the repository (default: the current directory)")
    static let jsonOption = OptionSpec.flag("json", "print JSON instead of text")

    var help: String {
        var text = "usage: slipway \(usage)\n\n\(summary)\n"
        if !options.isEmpty {
            text += "\noptions:\n"
            for option in options {
                let left = option.takesValue ? "--\(option.name) VALUE" : "--\(option.name)"
                text += "  " + left.padding(toLength: max(22, left.count + 2), withPad: " ", startingAt: 0) + option.help + "\n"
            }
        }
        return text
    }

    /// Parses `arguments`, or prints help and returns `nil` for `--help`.
    func parse(_ arguments: [String]) throws(UsageError) -> ParsedArguments? {
        if arguments.contains("--help") || arguments.contains("-h") {
            print(help, terminator: "")
            return nil
        }
        return try ParsedArguments(arguments, options: options + [OptionSpec.flag("help", "show this help")], command: name)
    }
}
