import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What a promotion, rollback or drill killed half-way left behind, finished or reversed — by the next command on
/// that environment, which says what it did.
extension EnvironmentPipeline {
    /// What a recovery did: the interrupted operation, and what became of it in a sentence.
    public struct Recovery: Sendable {
        public var operation: EnvironmentOperation
        public var message: String
        /// Whether the environment had changed (the operation was finished, or someone else changed it): the next
        /// step is to look again, not to go on with what was asked.
        public var changed: Bool
    }

    /// Finishes or reverses the interrupted operation on `name`, if any, under the environment's lock, and says
    /// what was done.
    public func recover(_ name: String) throws -> Recovery? {
        let journal = EnvironmentJournal(repository: repository, environment: name)
        guard let operation = try journal.load(), !operation.isRunning else { return nil }
        let lock = try OperationLock(repository: repository, scope: "env-\(name)", command: "slipway env \(name) (recovery)")
        defer { lock.release() }
        guard var recovery = try recoverHeld(name) else { return nil }
        if let tookOver = lock.tookOver { recovery.message += " (\(tookOver))" }
        return recovery
    }

    /// An interrupted operation left in the journal of a command that is gone, without finishing it: what
    /// `env status` warns of.
    public func interrupted(_ name: String) -> EnvironmentOperation? {
        guard let operation = try? EnvironmentJournal(repository: repository, environment: name).load(), !operation.isRunning else { return nil }
        return operation
    }

    /// `recover` for a caller that holds the environment's lock.
    func recoverHeld(_ name: String) throws -> Recovery? {
        let journal = EnvironmentJournal(repository: repository, environment: name)
        guard let operation = try journal.load() else { return nil }
        if operation.isRunning { return nil }
        let environment = try environment(name)
        let now = try backend(for: environment).state().version
        let what = "the \(Self.noun(operation.action)) of \(name) from \(operation.from ?? "nothing") to \(operation.to)"
        let message: String
        let changed = now != operation.from
        if now == operation.to {
            message = try finish(operation, environment, what: what)
        } else if now == operation.from {
            audit(operation, outcome: "failed", detail: "interrupted before it deployed; nothing had changed")
            message = "\(what) was interrupted before it changed anything; \(name) still runs \(operation.from ?? "nothing")"
        } else {
            audit(operation, outcome: "failed", detail: "interrupted; \(name) runs \(now ?? "nothing") since")
            message = "\(what) was interrupted, and \(name) now runs \(now ?? "nothing"), which neither side of it is: someone changed it since; nothing was undone"
        }
        journal.remove()
        return Recovery(operation: operation, message: message, changed: changed)
    }

    /// The operation deployed before it was killed: do what it had left to do.
    func finish(_ operation: EnvironmentOperation, _ environment: EnvironmentSettings, what: String) throws -> String {
        switch operation.action {
        case "env.drill":
            guard let from = operation.from else { return "\(what) was interrupted; there was nothing to put back" }
            let start = Date()
            let restore = try backend(for: environment).deploy(from, action: "env.promote", from: operation.to)
            try confirmRuns(from, environment)
            try audit.append(AuditEntry(identity: identity, action: "env.promote", version: from, target: environment.name,
                                        commands: restore.commands, outcome: "ok", durationSeconds: Date().timeIntervalSince(start),
                                        detail: "drill restore after an interruption"))
            return "\(what) was interrupted before it put \(from) back; put it back now"
        case "env.rollback":
            if let hold = operation.hold, try !holds.all().contains(where: { $0.environment == environment.name && $0.version == hold }) {
                try holds.add(DeploymentHold(environment: environment.name, version: hold, by: operation.by, reason: "rolled back to \(operation.to)"))
            }
            audit(operation, outcome: "ok", detail: "from \(operation.from ?? "nothing"); finished after an interruption")
            return "\(what) was interrupted after it deployed; finished it now" + (operation.hold.map { ": \($0) is held" } ?? "")
        default:
            audit(operation, outcome: "ok", detail: "finished after an interruption")
            return "\(what) was interrupted after it deployed; recorded it now"
        }
    }

    private func audit(_ operation: EnvironmentOperation, outcome: String, detail: String) {
        try? audit.append(AuditEntry(identity: operation.by, action: operation.action == "env.drill" ? "env.rollback" : operation.action,
                                     version: operation.to, target: operation.environment, outcome: outcome,
                                     durationSeconds: 0, detail: detail))
    }

    public static func noun(_ action: String) -> String {
        switch action {
        case "env.drill": return "rollback drill"
        case "env.rollback": return "rollback"
        default: return "promotion"
        }
    }
}
