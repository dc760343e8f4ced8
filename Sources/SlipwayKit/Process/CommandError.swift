import Foundation

/// A command that could not run, timed out or failed; `description` shows the command and the tail of its output.
public struct CommandError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        case notFound
        case launchFailed(String)
        case failed(TerminationStatus)
        case timedOut(Double)
        case cancelled
    }

    public let invocation: CommandInvocation
    public let kind: Kind
    public let stderr: Data
    public let stdout: Data

    public init(invocation: CommandInvocation, kind: Kind, stderr: Data = Data(), stdout: Data = Data()) {
        self.invocation = invocation
        self.kind = kind
        self.stderr = stderr
        self.stdout = stdout
    }

    /// The last non-empty lines of stderr (or stdout when stderr is empty), redacted, without control characters.
    public var outputTail: String { tail(ControlText.stripped) }

    /// The same with control characters shown as `\x1B`: what the command log shows.
    public var escapedTail: String { tail(ControlText.escaped) }

    private func tail(_ clean: (String) -> String) -> String {
        let source = stderr.isEmpty ? stdout : stderr
        let lines = String(decoding: source.suffix(4096), as: UTF8.self)
            .split(whereSeparator: \.isNewline).map { SecretRedactor.redact(clean(String($0))) }
            .filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        return lines.suffix(5).joined(separator: "\n")
    }

    public var description: String {
        let command = invocation.description
        switch kind {
        case .notFound:
            return "'\(invocation.program)' was not found on PATH; install it or fix PATH (command: \(command))"
        case .launchFailed(let reason):
            return "could not start \(command): \(reason)"
        case .timedOut(let seconds):
            return "\(command) did not finish within \(Self.format(seconds)) s and was stopped" + tailSuffix
        case .cancelled:
            return "\(command) was cancelled"
        case .failed(let status):
            return "\(command) failed (\(status))" + tailSuffix
        }
    }

    private var tailSuffix: String {
        let tail = outputTail
        return tail.isEmpty ? "" : ": " + tail.replacingOccurrences(of: "\n", with: " | ")
    }

    private static func format(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(format: "%.1f", seconds)
    }
}
