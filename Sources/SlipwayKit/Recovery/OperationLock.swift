import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One operation at a time per repository or environment, in this clone: `.git/slipway/locks/SCOPE.lock` holds
/// who has it (pid, host, command, since). A lock whose process is gone is taken over, and the taker is told.
public final class OperationLock: @unchecked Sendable {
    public let path: String
    /// Set when a lock left by a process that is gone was taken over.
    public private(set) var tookOver: String?
    private var held = false

    struct Holder: Codable {
        var pid: Int32
        var host: String
        var command: String
        var since: Date
        /// When that process started (clock ticks since boot, from /proc): a pid the kernel gave to another
        /// process since is not the holder.
        var processStart: UInt64?
    }

    /// The state letter and start time (clock ticks since boot) of `pid`, from fields 3 and 22 of /proc/PID/stat.
    static func processStat(_ pid: Int32) -> (state: Character, start: UInt64)? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = text.lastIndex(of: ")") else { return nil }
        let fields = text[text.index(after: close)...].split(separator: " ")
        guard fields.count > 19, let state = fields[0].first, let start = UInt64(fields[19]) else { return nil }
        return (state, start)
    }

    /// The start time of `pid` in clock ticks since boot, or `nil`.
    static func processStart(_ pid: Int32) -> UInt64? { processStat(pid)?.start }

    /// Whether the holder's process still runs on this host: a zombie (killed, not yet reaped — which a container
    /// without an init never does) has stopped running.
    static func isAlive(_ holder: Holder) -> Bool {
        guard kill(holder.pid, 0) == 0 || errno == EPERM else { return false }
        guard let stat = processStat(holder.pid) else { return holder.processStart == nil }
        guard stat.state != "Z", stat.state != "X" else { return false }
        return holder.processStart.map { $0 == stat.start } ?? true
    }

    /// Takes the lock on `scope` (`env-staging`, `release`) for `command`, or throws naming who holds it.
    public init(repository: GitRepository, scope: String, command: String) throws(OperationBusy) {
        let folder = repository.slipwayDirectory + "/locks"
        path = folder + "/\(scope).lock"
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let me = Holder(pid: getpid(), host: ProcessInfo.processInfo.hostName, command: command, since: Date(),
                        processStart: Self.processStart(getpid()))
        for _ in 0..<3 {
            if Self.create(path, me) { held = true; return }
            guard let holder = Self.read(path) else {
                // Being written, or unreadable: a moment later it is one or the other.
                usleep(50_000)
                if Self.read(path) == nil { try? FileManager.default.removeItem(atPath: path) }
                continue
            }
            if holder.host == me.host, !Self.isAlive(holder) {
                try? FileManager.default.removeItem(atPath: path)
                tookOver = "took over the lock of `\(holder.command)` (pid \(holder.pid), since \(ISO8601DateFormatter().string(from: holder.since))), whose process is gone"
                continue
            }
            throw OperationBusy(scope: scope, holder: "`\(holder.command)` (pid \(holder.pid) on \(holder.host), since \(ISO8601DateFormatter().string(from: holder.since)))", path: path)
        }
        throw OperationBusy(scope: scope, holder: "another Slipway", path: path)
    }

    private static func create(_ path: String, _ holder: Holder) -> Bool {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        guard let data = try? encoder.encode(holder) else { return true }
        _ = data.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        return true
    }

    private static func read(_ path: String) -> Holder? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try? decoder.decode(Holder.self, from: data)
    }

    /// Lets go (also when the lock object ends).
    public func release() {
        guard held else { return }
        held = false
        try? FileManager.default.removeItem(atPath: path)
    }

    deinit { release() }
}

/// An operation refused because another one holds the same scope.
public struct OperationBusy: Error, Sendable, CustomStringConvertible {
    public let scope: String
    public let holder: String
    public let path: String

    public var description: String {
        let what = scope.hasPrefix("env-") ? String(scope.dropFirst(4)) : "this repository"
        return "\(what) is busy: \(holder) is changing it; wait for it to finish (if that process is gone from another machine's view, remove \(path))"
    }
}
