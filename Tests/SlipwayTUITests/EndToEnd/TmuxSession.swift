import Foundation
import SlipwayKit
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A shell in a private tmux server (its own socket) of a fixed size, driven like a person would:
/// keys in with `send-keys`, the screen out with `capture-pane`, waiting on what appears, never on a clock.
final class TmuxSession: @unchecked Sendable {
    let folder: String
    let socket: String
    private var serverPID: pid_t = 0

    /// The environment of the shell inside the pane (and of everything started from it).
    static let paneEnvironment: [String: String] = [
        "LANG": "C.UTF-8", "TZ": "UTC", "TERM": "xterm-256color", "SWIFT_BACKTRACE": "interactive=no",
        "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null", "PS1": "test$ ", "HOME": NSTemporaryDirectory(),
    ]

    /// The built binary under test.
    /// The binary the test command built, where SwiftPM says it puts it (`swift build --show-bin-path`).
    static let slipway: String = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().path
        let output = try? CommandRunner().run(CommandInvocation(["swift", "build", "--show-bin-path"], in: root, timeout: 60))
        return (output?.trimmedText.split(separator: "\n").last.map(String.init) ?? root + "/.build/debug") + "/slipway"
    }()

    static var isAvailable: Bool {
        FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux") || FileManager.default.isExecutableFile(atPath: "/usr/local/bin/tmux")
    }

    init(width: Int = 80, height: Int = 24, extraEnvironment: [String: String] = [:]) throws {
        let base = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("slipway-e2e-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        folder = base.resolvingSymlinksInPath().path
        socket = folder + "/sock"
        var arguments = ["new-session", "-d", "-s", "t", "-x", "\(width)", "-y", "\(height)"]
        for (key, value) in Self.paneEnvironment.merging(extraEnvironment, uniquingKeysWith: { $1 }).sorted(by: { $0.key < $1.key }) {
            arguments += ["-e", "\(key)=\(value)"]
        }
        arguments += ["--", "/bin/sh"]
        let started = try tmux(arguments, capture: false)
        guard started.status == 0 else { throw Spawn.Failure(description: "tmux new-session failed") }
        serverPID = pid_t(try tmux(["display-message", "-p", "-t", "t", "#{pid}"]).output
            .trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
        _ = try tmux(["set-option", "-g", "status", "off"])
        try run("echo SHELL-READY")
        try waitFor("SHELL-READY")
    }

    @discardableResult
    func tmux(_ arguments: [String], capture: Bool = true) throws -> (status: Int32, output: String) {
        let environment = ["PATH": "/usr/local/bin:/usr/bin:/bin", "LANG": "C.UTF-8", "TZ": "UTC",
                           "TERM": "xterm-256color", "HOME": NSTemporaryDirectory()]
        return try Spawn.run(["tmux", "-f", "/dev/null", "-S", socket] + arguments, environment: environment, capture: capture)
    }

    /// Types a shell command and Enter.
    func run(_ command: String) throws {
        try tmux(["send-keys", "-t", "t", "-l", command])
        try tmux(["send-keys", "-t", "t", "Enter"])
    }

    /// Keys by tmux name: `Enter`, `Escape`, `Tab`, `BTab`, `Up`, `C-c`, or single characters.
    func press(_ keys: String...) throws {
        for key in keys { try tmux(["send-keys", "-t", "t", key]) }
    }

    /// Literal text, as typed.
    func type(_ text: String) throws {
        try tmux(["send-keys", "-t", "t", "-l", text])
    }

    /// What is on the screen now.
    func screen() throws -> String {
        try tmux(["capture-pane", "-p", "-t", "t"]).output
    }

    func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", "t", "-x", "\(width)", "-y", "\(height)"])
    }

    /// Polls the screen until `condition` holds; fails with the last screen after `seconds`.
    @discardableResult
    func waitUntil(_ what: String, seconds: Double = 10, sourceLocation: SourceLocation = #_sourceLocation,
                   _ condition: (String) -> Bool) throws -> String {
        let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
        var last = ""
        while ContinuousClock.now < deadline {
            last = try screen()
            if condition(last) { return last }
            if serverPID > 0 { Glibc.kill(serverPID, SIGCHLD) }
            usleep(15_000)
        }
        Issue.record("timed out waiting for \(what); the screen was:\n\(last)", sourceLocation: sourceLocation)
        throw Spawn.Failure(description: "timed out waiting for \(what)")
    }

    @discardableResult
    func waitFor(_ text: String, seconds: Double = 10, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        try waitUntil("'\(text)'", seconds: seconds, sourceLocation: sourceLocation) { $0.contains(text) }
    }

    /// Waits until every one of `texts` is on the screen at once (a frame may be captured half drawn).
    @discardableResult
    func waitForAll(_ texts: [String], seconds: Double = 10, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        try waitUntil(texts.map { "'\($0)'" }.joined(separator: " and "), seconds: seconds, sourceLocation: sourceLocation) { screen in
            texts.allSatisfy { screen.contains($0) }
        }
    }

    @discardableResult
    func waitForAbsence(_ text: String, seconds: Double = 10, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        try waitUntil("'\(text)' to go", seconds: seconds, sourceLocation: sourceLocation) { !$0.contains(text) }
    }

    /// The pid of the shell's foreground child (the console), if one runs.
    func childOfShell() throws -> pid_t? {
        let shell = try tmux(["display-message", "-p", "-t", "t", "#{pane_pid}"]).output.trimmingCharacters(in: .whitespacesAndNewlines)
        let children = try Spawn.run(["ps", "-o", "pid=", "--ppid", shell], environment: ["PATH": "/usr/bin:/bin"]).output
        return children.split(separator: "\n").compactMap { pid_t($0.trimmingCharacters(in: .whitespaces)) }.first
    }

    func kill() {
        _ = try? tmux(["kill-server"])
        if serverPID > 0 { Glibc.kill(serverPID, SIGKILL) }
        serverPID = 0
    }

    deinit {
        kill()
        try? FileManager.default.removeItem(atPath: folder)
    }
}
