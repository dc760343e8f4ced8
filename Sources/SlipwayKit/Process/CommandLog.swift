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

    public var succeeded: Bool { status?.isSuccess ?? false }

    public var commandLine: String { arguments.map(ShellQuoting.quote).joined(separator: " ") }
}

/// Every subprocess the runner started, in order; safe to share between threads.
public final class CommandLog: @unchecked Sendable {
    private let lock = NSLock()
    private var records: [CommandRecord] = []
    private let limit: Int

    public init(limit: Int = 2_000) { self.limit = limit }

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
