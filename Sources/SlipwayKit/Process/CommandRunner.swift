import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs external programs. Every subprocess Slipway starts goes through one of these.
public protocol CommandRunning: Sendable {
    /// Runs `invocation` to its end and returns whatever status it ended with. Standard output is handed to
    /// `onOutput` chunk by chunk as it arrives and is not kept in the result.
    func execute(_ invocation: CommandInvocation, cancellation: CommandCancellation?,
                 onOutput: (UnsafeRawBufferPointer) -> Void) throws(CommandError) -> CommandOutput
}

extension CommandRunning {
    /// Runs and requires exit code 0.
    @discardableResult
    public func run(_ invocation: CommandInvocation) throws(CommandError) -> CommandOutput {
        try runUnchecked(invocation).check()
    }

    /// Runs and returns the output whatever the exit code.
    public func runUnchecked(_ invocation: CommandInvocation, cancellation: CommandCancellation? = nil) throws(CommandError) -> CommandOutput {
        var collected = Data()
        let output: CommandOutput
        do {
            output = try execute(invocation, cancellation: cancellation) { collected.append(contentsOf: $0) }
        } catch {
            throw CommandError(invocation: error.invocation, kind: error.kind, stderr: error.stderr, stdout: collected)
        }
        return CommandOutput(invocation: invocation, status: output.status, stdout: collected,
                             stderr: output.stderr, duration: output.duration)
    }

    /// Runs, streaming standard output to `consume`, and requires exit code 0.
    @discardableResult
    public func stream(_ invocation: CommandInvocation, cancellation: CommandCancellation? = nil,
                       _ consume: (UnsafeRawBufferPointer) -> Void) throws(CommandError) -> CommandOutput {
        try execute(invocation, cancellation: cancellation, onOutput: consume).check()
    }
}

/// Lets another thread stop a running command.
public final class CommandCancellation: @unchecked Sendable {
    private let lock = NSLock()
    private var cancelled = false
    private var onCancel: (@Sendable () -> Void)?

    public init() {}

    public var isCancelled: Bool {
        lock.lock()
        defer { lock.unlock() }
        return cancelled
    }

    public func cancel() {
        lock.lock()
        cancelled = true
        let action = onCancel
        lock.unlock()
        action?()
    }

    func whenCancelled(_ action: @escaping @Sendable () -> Void) {
        lock.lock()
        onCancel = action
        let already = cancelled
        lock.unlock()
        if already { action() }
    }
}

/// The runner on Foundation `Process`: argv only, `PATH` resolved here, stdin from `/dev/null`, stdout and stderr
/// drained concurrently, a timeout, and each run recorded (redacted) in `log`.
public struct CommandRunner: CommandRunning {
    public let log: CommandLog?
    /// The environment children start from (the parent's by default).
    public let baseEnvironment: [String: String]

    public init(log: CommandLog? = nil, baseEnvironment: [String: String] = ProcessInfo.processInfo.environment) {
        self.log = log
        self.baseEnvironment = baseEnvironment
    }

    /// The absolute path of `program` on `path`, or `nil`.
    public static func resolve(_ program: String, path: String?) -> String? {
        if program.contains("/") {
            return FileManager.default.isExecutableFile(atPath: program) ? program : nil
        }
        for directory in (path ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":") where !directory.isEmpty {
            let candidate = String(directory) + "/" + program
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory), !isDirectory.boolValue,
               FileManager.default.isExecutableFile(atPath: candidate) {
                return candidate
            }
        }
        return nil
    }

    public func execute(_ invocation: CommandInvocation, cancellation: CommandCancellation?,
                        onOutput: (UnsafeRawBufferPointer) -> Void) throws(CommandError) -> CommandOutput {
        Self.ignoreBrokenPipes
        let recorder = RunRecorder(invocation: invocation, log: log)
        var environment = baseEnvironment
        for (key, value) in CommandInvocation.childDefaults { environment[key] = value }
        for (key, value) in invocation.environment { environment[key] = value }
        let child: Child
        do {
            child = try Child.spawn(invocation, executable: try preflight(invocation, environment), environment: environment)
        } catch {
            recorder.record(nil, stderr: Data())
            throw error
        }
        let state = RunState()
        let sides = child.startSideStreams(invocation.input, state: state)
        let watchdog = Watchdog(pid: child.process.processIdentifier, process: child.process, state: state, timeout: invocation.timeout)
        cancellation?.whenCancelled {
            if !state.isFinished {
                state.markCancelled()
                watchdog.terminate()
            }
        }
        var tail = OutputTail()
        Self.drain(child.outFD, abandon: state.shouldAbandonReads, tick: watchdog.check,
                   gatherBelow: child.pipeSize >= 1 << 20 ? child.pipeSize / 4 : 0) { chunk in
            tail.keep(chunk)
            onOutput(chunk)
        }
        let status = child.waitForExit(watchdog: watchdog, state: state, sides: sides)
        let stderr = sides.errors.data
        recorder.record(status, stderr: stderr, stdout: tail, timedOut: state.timedOut)
        if state.timedOut, let timeout = invocation.timeout {
            HungEndpoints.markHung(invocation, waited: timeout)
            throw CommandError(invocation: invocation, kind: .timedOut(timeout), stderr: stderr)
        }
        if state.cancelled { throw CommandError(invocation: invocation, kind: .cancelled, stderr: stderr) }
        return CommandOutput(invocation: invocation, status: status, stdout: Data(), stderr: stderr, duration: recorder.seconds)
    }

    /// A write to a pipe whose reader has gone (a child that exited before reading its input) must fail with
    /// EPIPE, not kill Slipway: SIGPIPE is ignored once, for the whole process, before the first child starts.
    static let ignoreBrokenPipes: Void = { signal(SIGPIPE, SIG_IGN) }()

    /// What must hold before anything starts: the endpoint has not just hung, the program is on PATH, the folder
    /// exists. Returns the program's absolute path.
    private func preflight(_ invocation: CommandInvocation, _ environment: [String: String]) throws(CommandError) -> String {
        if let waited = HungEndpoints.skip(invocation) {
            throw CommandError(invocation: invocation, kind: .launchFailed("the same server did not answer within \(Int(waited)) s a moment ago; not asked again for a minute"))
        }
        guard !invocation.arguments.isEmpty, let executable = Self.resolve(invocation.program, path: environment["PATH"]) else {
            throw CommandError(invocation: invocation, kind: .notFound)
        }
        if let directory = invocation.workingDirectory {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw CommandError(invocation: invocation, kind: .launchFailed("the folder \(directory) does not exist"))
            }
        }
        return executable
    }

    /// Reads `fd` to its end in large chunks. A stopped child's own children may keep the pipe open:
    /// `abandon` says when to stop waiting for them.
    /// - Parameter gatherBelow: with a pipe large enough to hold a millisecond of a fast writer's output (1 MiB),
    ///   a read of at least 16 KiB but less than this many bytes is followed by a 1 ms pause; 0: never pause.
    static func drain(_ fd: Int32, abandon: @Sendable () -> Bool, tick: () -> Void, gatherBelow: Int,
                              _ consume: (UnsafeRawBufferPointer) -> Void) {
        let capacity = 1 << 18
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16)
        defer { buffer.deallocate() }
        var pending = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        while true {
            let ready = poll(&pending, 1, 100)
            tick()
            if ready == 0 {
                if abandon() { return }
                continue
            }
            if ready < 0 {
                if errno == EINTR { continue }
                return
            }
            let count = read(fd, buffer, capacity)
            if count > 0 {
                consume(UnsafeRawBufferPointer(start: buffer, count: count))
                // A fast writer (`git log` of a long history) that we have caught up with: let its output gather
                // for a moment rather than wake for each of its 4 KiB writes; both sides then spend their time on
                // the work instead of on wake-ups. Small outputs (one short read, then the end) never wait.
                if count >= 1 << 14, count < min(capacity, gatherBelow) { usleep(1_000) }
            } else if count == 0 {
                return
            } else if errno != EINTR {
                return
            }
        }
    }
}

/// Shared flags between the reading thread, the timer and the cancellation.
final class RunState: @unchecked Sendable {
    private let lock = NSLock()
    private var finished = false
    private var stopping = false
    private(set) var timedOut = false
    private(set) var cancelled = false
    private(set) var killed = false

    func markKilled() { lock.lock(); killed = true; lock.unlock() }

    var isFinished: Bool {
        lock.lock()
        defer { lock.unlock() }
        return finished
    }

    func markFinished() { lock.lock(); finished = true; lock.unlock() }
    func markTimedOut() { lock.lock(); timedOut = true; lock.unlock() }
    func markCancelled() { lock.lock(); cancelled = true; lock.unlock() }

    private var stoppedAt: ContinuousClock.Instant?

    /// `true` the first time only.
    func markStopping() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        if stopping || finished { return false }
        stopping = true
        stoppedAt = .now
        return true
    }

    /// Three seconds after the child was told to stop, its pipes are no longer waited for.
    @Sendable func shouldAbandonReads() -> Bool { stoppedLongerThan(.seconds(3)) }

    func stoppedLongerThan(_ duration: Duration) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard let stoppedAt else { return false }
        return ContinuousClock.now - stoppedAt > duration
    }
}

/// Bytes appended from one thread and read after it is done.
final class DataSink: @unchecked Sendable {
    private let lock = NSLock()
    private var storage = Data()

    func append(_ bytes: UnsafeRawBufferPointer) {
        lock.lock()
        storage.append(contentsOf: bytes)
        lock.unlock()
    }

    var data: Data {
        lock.lock()
        defer { lock.unlock() }
        return storage
    }
}
