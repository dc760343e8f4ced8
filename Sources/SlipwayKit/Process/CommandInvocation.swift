import Foundation

/// One external program to run: an argv array (never a shell string), where, with what environment, for how long.
public struct CommandInvocation: Sendable, Hashable, CustomStringConvertible {
    /// `arguments[0]` is the program, looked up on `PATH` unless it contains a slash.
    public var arguments: [String]
    public var workingDirectory: String?
    /// Variables set for the child on top of the parent's environment and `CommandInvocation.childDefaults`.
    public var environment: [String: String]
    /// Seconds before the child is terminated; `nil` waits for ever.
    public var timeout: Double?
    /// Bytes written to the child's standard input; `nil` gives it `/dev/null`.
    public var input: Data?

    public init(_ arguments: [String], in workingDirectory: String? = nil,
                environment: [String: String] = [:], timeout: Double? = 300, input: Data? = nil) {
        self.arguments = arguments
        self.workingDirectory = workingDirectory
        self.environment = environment
        self.timeout = timeout
        self.input = input
    }

    public var program: String { arguments.first ?? "" }

    /// Variables every child gets: no prompts, no pager, no colour, a stable locale, no optional git locks.
    public static let childDefaults: [String: String] = [
        "GIT_TERMINAL_PROMPT": "0",
        "GIT_PAGER": "cat",
        "PAGER": "cat",
        "LC_ALL": "C",
        "GIT_OPTIONAL_LOCKS": "0",
        "TERM": "dumb",
        "NO_COLOR": "1",
        "GH_PROMPT_DISABLED": "1",
        "GLAB_NO_PROMPT": "1",
    ]

    /// The command as a person would type it, each argument shell-quoted where needed, secrets redacted.
    public var description: String { SecretRedactor.redact(arguments).map(ShellQuoting.quote).joined(separator: " ") }
}

/// Quoting for display only: Slipway never runs a shell.
public enum ShellQuoting {
    public static func quote(_ argument: String) -> String {
        if argument.isEmpty { return "''" }
        let safe = argument.unicodeScalars.allSatisfy { scalar in
            switch scalar {
            case "a"..."z", "A"..."Z", "0"..."9": return true
            case "-", "_", ".", "/", ":", "=", "@", ",", "+", "%", "^", "•": return true
            default: return false
            }
        }
        if safe { return argument }
        return "'" + argument.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
