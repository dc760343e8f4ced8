import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Each run's entry in the command log: the redacted argv, how it ended and how long it took.
struct RunRecorder {
    let invocation: CommandInvocation
    let log: CommandLog?
    let started = Date()
    let clock = ContinuousClock.now

    var seconds: Double {
        let elapsed = ContinuousClock.now - clock
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    func record(_ status: TerminationStatus?, stderr: Data, stdout: OutputTail = OutputTail(), timedOut: Bool = false) {
        let failed = !(status?.isSuccess ?? false)
        let tail = failed ? CommandError(invocation: invocation, kind: .cancelled, stderr: stderr).escapedTail : ""
        var record = CommandRecord(arguments: SecretRedactor.redact(invocation.arguments), workingDirectory: invocation.workingDirectory,
                                   status: status, duration: seconds, startedAt: started, failureTail: tail, timedOut: timedOut)
        record.outputTail = stdout.text
        log?.append(record)
    }
}

/// The last `limit` bytes a run wrote to standard output, kept as the chunks go by (a copy of at most `limit`
/// bytes per chunk, whatever its size).
struct OutputTail {
    var limit = 1024
    private(set) var bytes: [UInt8] = []

    mutating func keep(_ chunk: UnsafeRawBufferPointer) {
        if chunk.count >= limit {
            bytes = Array(chunk.suffix(limit))
            return
        }
        bytes.append(contentsOf: chunk)
        if bytes.count > limit { bytes.removeFirst(bytes.count - limit) }
    }

    /// Redacted, with NULs (git's `-z` separators) as line breaks.
    var text: String {
        SecretRedactor.redact(String(decoding: bytes.map { $0 == 0 ? 0x0A : $0 }, as: UTF8.self))
    }
}

/// A started child: its process, its output descriptor and the pipe size it got.
struct Child {
    /// `F_SETPIPE_SZ` from `<fcntl.h>` (Linux), which Glibc's Swift module does not export.
    static let setPipeSize: Int32 = 1031
    /// The pipe asked for standard output: 1 MiB (Linux's default is 64 KiB).
    static let largePipe: Int32 = 1 << 20

    let process: Process
    let outFD: Int32
    let errFD: Int32
    let input: FileHandle?
    /// The output pipe's size when it could be enlarged, else 0.
    let pipeSize: Int

    /// Starts `invocation` with its argv (never through a shell), stdin from its input or /dev/null.
    static func spawn(_ invocation: CommandInvocation, executable: String, environment: [String: String]) throws(CommandError) -> Child {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = Array(invocation.arguments.dropFirst())
        process.environment = environment
        if let directory = invocation.workingDirectory { process.currentDirectoryURL = URL(fileURLWithPath: directory, isDirectory: true) }
        let (outPipe, errPipe) = (Pipe(), Pipe())
        let inPipe: Pipe? = invocation.input == nil ? nil : Pipe()
        process.standardOutput = outPipe
        process.standardError = errPipe
        process.standardInput = inPipe ?? FileHandle(forReadingAtPath: "/dev/null")
        do { try process.run() } catch {
            throw CommandError(invocation: invocation, kind: .launchFailed(String(describing: error)))
        }
        let outFD = outPipe.fileHandleForReading.fileDescriptor
        // A large pipe lets a fast writer such as `git log` run ahead in fewer, larger writes; where the system
        // refuses, the default stays.
        var pipeSize = 0
        #if os(Linux)
        pipeSize = Int(fcntl(outFD, setPipeSize, largePipe))
        #endif
        return Child(process: process, outFD: outFD, errFD: errPipe.fileHandleForReading.fileDescriptor,
                     input: inPipe?.fileHandleForWriting, pipeSize: pipeSize)
    }

    /// The threads beside the output's: stderr drained, stdin written. Threads of their own, not Dispatch's pool:
    /// when that pool is busy with other blocking work, a queued reader would wait, and the child with it.
    struct SideStreams {
        let errors = DataSink()
        let group = DispatchGroup()
    }

    func startSideStreams(_ data: Data?, state: RunState) -> SideStreams {
        let sides = SideStreams()
        let errFD = errFD
        sides.group.enter()
        Thread.detachNewThread {
            CommandRunner.drain(errFD, abandon: state.shouldAbandonReads, tick: {}, gatherBelow: 0) { sides.errors.append($0) }
            sides.group.leave()
        }
        if let writer = input, let data {
            sides.group.enter()
            Thread.detachNewThread {
                try? writer.write(contentsOf: data)
                try? writer.close()
                sides.group.leave()
            }
        }
        return sides
    }

    /// After the output ended: waits for the exit (looking often at first, then every 5 ms), gives up on a child
    /// whose exit Foundation cannot see (an escaped grandchild holds its descriptor), and says how it ended.
    func waitForExit(watchdog: Watchdog, state: RunState, sides: SideStreams) -> TerminationStatus {
        var abandoned = false
        var pause: UInt32 = 100
        while process.isRunning {
            watchdog.check()
            if state.stoppedLongerThan(.seconds(4)), ProcessTree.isGone(process.processIdentifier) { abandoned = true; break }
            usleep(pause)
            pause = min(pause * 2, 5_000)
        }
        sides.group.wait()
        if !abandoned { process.waitUntilExit() }
        state.markFinished()
        if abandoned { return .signalled(state.killed ? SIGKILL : SIGTERM) }
        return process.terminationReason == .uncaughtSignal ? .signalled(process.terminationStatus) : .exited(process.terminationStatus)
    }
}

/// The deadline, and the escalation from SIGTERM to SIGKILL, checked between reads. The whole process tree is
/// stopped: Foundation learns of the child's exit only once every holder of its descriptor is gone, so a shell
/// script's `sleep` would otherwise hold the run.
struct Watchdog: Sendable {
    let pid: Int32
    let process: Process
    let state: RunState
    let deadline: ContinuousClock.Instant?
    /// How long a stopped child may ignore SIGTERM before SIGKILL.
    static let graceBeforeKill: Duration = .seconds(2)

    init(pid: Int32, process: Process, state: RunState, timeout: Double?) {
        self.pid = pid
        self.process = process
        self.state = state
        deadline = timeout.map { ContinuousClock.now + .milliseconds(Int($0 * 1000)) }
    }

    func terminate() {
        guard state.markStopping() else { return }
        for process in ProcessTree.descendants(of: pid) + [pid] { kill(process, SIGTERM) }
    }

    func check() {
        if let deadline, ContinuousClock.now >= deadline, !state.isFinished, !state.timedOut {
            state.markTimedOut()
            terminate()
        }
        if state.stoppedLongerThan(Self.graceBeforeKill), process.isRunning, !state.killed {
            state.markKilled()
            for process in ProcessTree.descendants(of: pid) + [pid] { kill(process, SIGKILL) }
        }
    }
}
