import Foundation

/// Gives the terminal back on every way out. SIGINT, SIGTERM and SIGHUP are turned into a byte on a pipe the
/// main loop polls, so it can leave through the normal path (a second one restores and exits at once).
/// Crash signals restore the terminal, log the crash, put back the previous handler (Swift's backtracer)
/// and re-raise.
enum SignalGuard {
    static let terminationSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP]
    static let crashSignals: [Int32] = [SIGSEGV, SIGILL, SIGTRAP, SIGABRT, SIGBUS, SIGFPE]

    /// Readable once a termination signal arrived.
    static var descriptor: Int32 { signalReadFD }

    /// The termination signal that arrived, or 0.
    static var received: Int32 { receivedSignal }

    /// Unblocks every signal (a process started from a Dispatch thread inherits a blocked mask), makes the
    /// self-pipe and installs the handlers. `restore` must only call what a signal handler may (endwin).
    static func install(crashLog path: String, restore: @escaping @convention(c) () -> Void) {
        var empty = sigset_t()
        sigemptyset(&empty)
        pthread_sigmask(SIG_SETMASK, &empty, nil)
        var fds: [Int32] = [-1, -1]
        if pipe(&fds) == 0 {
            for fd in fds {
                _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
                _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
            }
            signalReadFD = fds[0]
            signalWriteFD = fds[1]
        }
        crashLogPath = strdup(path)
        prepareCrashMessage()
        restoreTerminal = restore
        for signal in terminationSignals {
            var action = SignalAction()
            action.__sigaction_handler.sa_handler = onTermination
            install(signal, &action)
        }
        for signal in crashSignals {
            var action = SignalAction()
            action.__sigaction_handler.sa_sigaction = onCrash
            action.sa_flags = SA_SIGINFO
            install(signal, &action)
        }
    }

    /// Puts back the handlers that were there before `install`.
    static func uninstall() {
        for signal in terminationSignals + crashSignals where previousActions[Int(signal)] != nil {
            if var action = previousActions[Int(signal)] { sigaction(signal, &action, nil) }
            previousActions[Int(signal)] = nil
        }
        restoreTerminal = nil
    }

    private static func install(_ signal: Int32, _ action: inout SignalAction) {
        sigemptyset(&action.sa_mask)
        var previous = SignalAction()
        sigaction(signal, &action, &previous)
        previousActions[Int(signal)] = previous
    }
}

// Signal handlers reach only these globals; they are set before any handler is installed.
nonisolated(unsafe) private var signalReadFD: Int32 = -1
nonisolated(unsafe) private var signalWriteFD: Int32 = -1
nonisolated(unsafe) private var receivedSignal: Int32 = 0
nonisolated(unsafe) private var crashLogPath: UnsafeMutablePointer<CChar>?
nonisolated(unsafe) private var restoreTerminal: (@convention(c) () -> Void)?
private typealias SignalAction = sigaction
nonisolated(unsafe) private var previousActions = [SignalAction?](repeating: nil, count: 65)

private func onTermination(_ signal: Int32) {
    if receivedSignal != 0 {
        restoreTerminal?()
        _exit(128 + signal)
    }
    receivedSignal = signal
    var byte = UInt8(truncatingIfNeeded: signal)
    _ = write(signalWriteFD, &byte, 1)
}

private func onCrash(_ signal: Int32, _ info: UnsafeMutablePointer<siginfo_t>?, _ context: UnsafeMutableRawPointer?) {
    restoreTerminal?()
    restoreTerminal = nil
    if let crashLogPath {
        let fd = open(crashLogPath, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        if fd >= 0 {
            writeCrashLine(fd, signal)
            close(fd)
        }
    }
    writeCrashLine(2, signal)
    // Hand over to the handler that was there before (Swift's backtracer), then make sure the process ends
    // with this signal: a signal sent with kill(2) would not fault again when the handler returns.
    if var previous = previousActions[Int(signal)] {
        sigaction(signal, &previous, nil)
        if previous.sa_flags & SA_SIGINFO != 0, let handler = previous.__sigaction_handler.sa_sigaction {
            handler(signal, info, context)
        } else if let handler = previous.__sigaction_handler.sa_handler,
                  unsafeBitCast(handler, to: Int.self) > 1 {
            handler(signal)
        }
    }
    var fallback = SignalAction()
    fallback.__sigaction_handler.sa_handler = SIG_DFL
    sigaction(signal, &fallback, nil)
    var unblock = sigset_t()
    sigemptyset(&unblock)
    sigaddset(&unblock, signal)
    pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
    raise(signal)
}

/// `slipway console: crashed with signal NN` from a buffer made before any crash (no allocation here).
private func writeCrashLine(_ fd: Int32, _ signal: Int32) {
    guard let crashMessage else { return }
    crashMessage[crashPrefixLength] = UInt8(48 + (signal / 10) % 10)
    crashMessage[crashPrefixLength + 1] = UInt8(48 + signal % 10)
    crashMessage[crashPrefixLength + 2] = 10
    _ = write(fd, crashMessage, crashPrefixLength + 3)
}

private let crashPrefix = Array("slipway console: crashed with signal ".utf8)
private let crashPrefixLength = crashPrefix.count
nonisolated(unsafe) private var crashMessage: UnsafeMutablePointer<UInt8>?

/// Fills the crash message buffer; called from `SignalGuard.install`.
func prepareCrashMessage() {
    guard crashMessage == nil else { return }
    let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: crashPrefixLength + 3)
    buffer.initialize(from: crashPrefix, count: crashPrefixLength)
    crashMessage = buffer
}
