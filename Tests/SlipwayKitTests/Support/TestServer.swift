import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import SlipwayKit

/// A real server process on 127.0.0.1 for the length of a test: started in the foreground, waited for until it
/// answers, stopped by PID.
final class TestServer: @unchecked Sendable {
    let port: Int
    let folder: String
    private let process = Process()

    /// Starts `arguments` (the program resolved with `TestServer.tool`) and waits until `readyPath` answers over
    /// HTTP (or, with `nil`, until the port takes a connection).
    init(_ arguments: [String], port: Int, folder: String, readyPath: String?, environment: [String: String] = [:]) throws {
        self.port = port
        self.folder = folder
        process.executableURL = URL(fileURLWithPath: try Self.tool(arguments[0]))
        process.arguments = Array(arguments.dropFirst())
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        let log = FileHandle(forWritingAtPath: folder + "/server.log") ?? {
            _ = FileManager.default.createFile(atPath: folder + "/server.log", contents: nil)
            return FileHandle(forWritingAtPath: folder + "/server.log")
        }()
        process.standardOutput = log
        process.standardError = log
        process.standardInput = FileHandle.nullDevice
        try process.run()
        if let readyPath { try waitUntilReady("http://127.0.0.1:\(port)" + readyPath) } else { try waitUntilListening() }
    }

    func waitUntilListening() throws {
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline {
            if !process.isRunning { throw TestServerError("the server exited at start: \((try? String(contentsOfFile: folder + "/server.log", encoding: .utf8)) ?? "")") }
            if Self.accepts(port) { return }
            usleep(50_000)
        }
        throw TestServerError("nothing listened on \(port) within 20 s")
    }

    /// Whether something takes a TCP connection on 127.0.0.1:`port`.
    static func accepts(_ port: Int) -> Bool {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        } == 0
    }

    var url: String { "http://127.0.0.1:\(port)" }
    var isRunning: Bool { process.isRunning }

    func waitUntilReady(_ url: String) throws {
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline {
            if !process.isRunning {
                let log = (try? String(contentsOfFile: folder + "/server.log", encoding: .utf8)) ?? ""
                Issue.record("the server \(process.executableURL?.path ?? "") exited at start: \(log.suffix(600))")
                throw TestServerError("server exited")
            }
            let probe = try CommandRunner().runUnchecked(CommandInvocation(["curl", "--silent", "--max-time", "1", "--output", "/dev/null",
                                                                             "--write-out", "%{http_code}", "--url", url], timeout: 5))
            if probe.trimmedText != "000" { return }
            usleep(50_000)
        }
        throw TestServerError("\(url) did not answer within 20 s")
    }

    /// Stops the server (SIGTERM, then SIGKILL) and waits for it.
    func stop() {
        guard process.isRunning else { return }
        let pid = process.processIdentifier
        kill(pid, SIGTERM)
        let deadline = Date().addingTimeInterval(5)
        while process.isRunning, Date() < deadline { usleep(20_000) }
        if process.isRunning { kill(pid, SIGKILL) }
        process.waitUntilExit()
    }

    deinit {
        stop()
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// A port nothing listens on now: bound to 0 and closed, so the kernel picks a free one.
    static func freePort() -> Int {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) }
        }
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// The folders a test's tools are looked for in: `PATH`, then the venv `.ci/run` makes under `$TMPDIR/tools`.
    static var searchPath: String {
        let tools = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("tools/bin").path
        return (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin") + ":" + tools
    }

    /// The absolute path of a tool the test needs; a missing one fails the test, naming what installs it.
    static func tool(_ name: String) throws -> String {
        guard let path = CommandRunner.resolve(name, path: searchPath) else {
            Issue.record("\(name) is not installed: .ci/run installs it (apt-get or the venv under $TMPDIR/tools)")
            throw TestServerError("\(name) missing")
        }
        return path
    }

    /// A runner whose `PATH` also finds the venv's tools.
    static var runner: CommandRunner {
        var environment = ProcessInfo.processInfo.environment.merging(TestRepository.environment) { $1 }
        environment["PATH"] = searchPath
        return CommandRunner(baseEnvironment: environment)
    }
}

struct TestServerError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
