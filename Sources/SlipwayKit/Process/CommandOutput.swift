import Foundation

/// How a child ended: its exit code, or the signal that killed it.
public enum TerminationStatus: Sendable, Hashable, CustomStringConvertible {
    case exited(Int32)
    case signalled(Int32)

    public var isSuccess: Bool { self == .exited(0) }

    public var description: String {
        switch self {
        case .exited(let code): return "exit \(code)"
        case .signalled(let signal): return "killed by signal \(signal)"
        }
    }
}

/// What a finished child left: its status, its captured output and how long it took.
public struct CommandOutput: Sendable {
    public let invocation: CommandInvocation
    public let status: TerminationStatus
    public let stdout: Data
    public let stderr: Data
    public let duration: Double

    public init(invocation: CommandInvocation, status: TerminationStatus, stdout: Data, stderr: Data, duration: Double) {
        self.invocation = invocation
        self.status = status
        self.stdout = stdout
        self.stderr = stderr
        self.duration = duration
    }

    /// Standard output decoded as UTF-8 (invalid bytes become U+FFFD).
    public var text: String { String(decoding: stdout, as: UTF8.self) }
    public var errorText: String { String(decoding: stderr, as: UTF8.self) }
    /// Standard output without the trailing newline(s).
    public var trimmedText: String {
        var text = self.text
        while text.last == "\n" || text.last == "\r\n" { text.removeLast() }
        return text
    }

    /// The line of stderr that says most: git's `fatal:`/`error:` line, else the last non-empty one.
    public var errorSummary: String {
        let lines = errorText.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let line = lines.first { $0.hasPrefix("fatal:") || $0.hasPrefix("error:") || $0.hasPrefix("ERROR:") } ?? lines.last ?? status.description
        return SecretRedactor.redact(line)
    }

    /// `self` when the child exited 0, otherwise a `CommandError` naming the command and the tail of stderr.
    @discardableResult
    public func check() throws(CommandError) -> CommandOutput {
        guard status.isSuccess else {
            throw CommandError(invocation: invocation, kind: .failed(status), stderr: stderr, stdout: stdout)
        }
        return self
    }
}
