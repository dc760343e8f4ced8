import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What a promotion, rollback or drill of one environment is about to do, written before its first side effect
/// (`.git/slipway/env-NAME.json`) and removed once everything after it (the hold, the audit entry, a drill's
/// restore) is done. A run that finds one left by a process that is gone finishes or reverses it first.
public struct EnvironmentOperation: Sendable, Hashable, Codable {
    /// `env.promote`, `env.rollback` or `env.drill`.
    public var action: String
    public var environment: String
    public var from: String?
    public var to: String
    /// The version a rollback holds once it is done.
    public var hold: String?
    public var by: String
    public var pid: Int32
    public var startedAt: Date
    /// When that process started (see `OperationLock.processStart`), so a reused pid is not taken for it.
    public var processStart: UInt64?

    /// Whether the process that wrote it still runs.
    public var isRunning: Bool {
        guard pid != getpid() else { return false }
        return OperationLock.isAlive(OperationLock.Holder(pid: pid, host: ProcessInfo.processInfo.hostName, command: "",
                                                          since: startedAt, processStart: processStart))
    }
}

public struct EnvironmentJournal: Sendable {
    public let path: String

    public init(repository: GitRepository, environment: String) {
        path = repository.slipwayDirectory + "/env-\(environment).json"
    }

    static var coder: (JSONEncoder, JSONDecoder) { StateJSON.coder }

    public func save(_ operation: EnvironmentOperation) throws(StateFileError) {
        do { try AtomicFile.write(try Self.coder.0.encode(operation), to: path) } catch let error as StateFileError { throw error } catch {
            throw StateFileError(path: path, problem: "cannot be written (\(error))")
        }
    }

    /// The operation in flight, or `nil`; a journal that cannot be read says so in words.
    public func load() throws(StateFileError) -> EnvironmentOperation? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        do { return try Self.coder.1.decode(EnvironmentOperation.self, from: data) } catch {
            throw StateFileError(path: path, problem: "is not a readable journal of an interrupted operation; look at it, then delete it (env status shows what each environment runs)")
        }
    }

    public func remove() { try? FileManager.default.removeItem(atPath: path) }
}
