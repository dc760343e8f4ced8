/// The options a subcommand accepts: `--name VALUE` options and `--flag` switches.
struct OptionSpec: Sendable {
    let name: String
    let takesValue: Bool
    let help: String
    var repeatable = false

    static func value(_ name: String, _ help: String, repeatable: Bool = false) -> OptionSpec {
        OptionSpec(name: name, takesValue: true, help: help, repeatable: repeatable)
    }

    static func flag(_ name: String, _ help: String) -> OptionSpec {
        OptionSpec(name: name, takesValue: false, help: help)
    }
}

/// Bad usage: exit code 2, one line on stderr.
struct UsageError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Arguments after the subcommand, checked against its options.
struct ParsedArguments {
    var positional: [String] = []
    var values: [String: [String]] = [:]
    var flags: Set<String> = []

    init(_ arguments: [String], options: [OptionSpec], command: String) throws(UsageError) {
        var index = 0
        var onlyPositional = false
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if onlyPositional || !argument.hasPrefix("--") || argument == "-" {
                if !onlyPositional, argument.hasPrefix("-"), argument.count > 1, argument != "-" {
                    throw UsageError("\(command): unknown option '\(argument)' (see slipway \(command) --help)")
                }
                positional.append(argument)
                continue
            }
            if argument == "--" { onlyPositional = true; continue }
            var name = String(argument.dropFirst(2))
            var inline: String?
            if let eq = name.firstIndex(of: "=") {
                inline = String(name[name.index(after: eq)...])
                name = String(name[..<eq])
            }
            guard let spec = options.first(where: { $0.name == name }) else {
                throw UsageError("\(command): unknown option '--\(name)' (see slipway \(command) --help)")
            }
            if spec.takesValue {
                let value: String
                if let inline {
                    value = inline
                } else {
                    guard index < arguments.count else { throw UsageError("\(command): --\(name) needs a value") }
                    value = arguments[index]
                    index += 1
                }
                if values[name] != nil, !spec.repeatable {
                    throw UsageError("\(command): --\(name) is given twice")
                }
                values[name, default: []].append(value)
            } else {
                if inline != nil { throw UsageError("\(command): --\(name) takes no value") }
                flags.insert(name)
            }
        }
    }

    func value(_ name: String) -> String? { values[name]?.last }
    func has(_ flag: String) -> Bool { flags.contains(flag) }
}
