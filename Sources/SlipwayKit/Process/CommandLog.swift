import Foundation

/// One finished (or failed-to-start) subprocess, as the console's command log shows it.
public struct CommandRecord: Sendable, Hashable {
    /// The argv with secrets redacted.
    public let arguments: [String]
    public let workingDirectory: String?
    /// `nil` when the program never ran (not found, could not start).
    public let status: TerminationStatus?
    public let duration: Double
    public let startedAt: Date
    /// The redacted tail of stderr when the command did not succeed.
    public let failureTail: String
    public let timedOut: Bool
    /// The redacted last kilobyte of standard output, for the console's view of one run.
    public var outputTail: String = ""

    public var succeeded: Bool { status?.isSuccess ?? false }

    /// A question whose "no" is an answer, not a failure: `git rev-parse --verify`, `config --get`,
    /// `symbolic-ref --quiet`, `merge-base --is-ancestor`, `show-ref`, `diff --quiet` exiting 1.
    public var isProbeAnsweringNo: Bool {
        guard status == .exited(1), arguments.first == "git" else { return false }
        let probes: [[String]] = [["rev-parse", "--verify"], ["config", "--get"], ["symbolic-ref", "--quiet"], ["merge-base", "--is-ancestor"],
                                  ["show-ref"], ["diff", "--quiet"], ["ls-remote", "--exit-code"], ["config", "--get-all"]]
        return probes.contains { probe in probe.allSatisfy(arguments.contains) }
    }

    public var commandLine: String { arguments.map(ShellQuoting.quote).joined(separator: " ") }
}

/// Every subprocess the runner started, in order; safe to share between threads.
public final class CommandLog: @unchecked Sendable {
    private let lock = NSLock()
    private var records: [CommandRecord] = []
    private let limit: Int

    public init(limit: Int = 500) { self.limit = limit }

    public func append(_ record: CommandRecord) {
        lock.lock()
        records.append(record)
        if records.count > limit { records.removeFirst(records.count - limit) }
        lock.unlock()
    }

    public var entries: [CommandRecord] {
        lock.lock()
        defer { lock.unlock() }
        return records
    }
}
