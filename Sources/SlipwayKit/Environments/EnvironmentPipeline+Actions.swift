import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Promotion, rollback, drills and holds: one at a time per environment (a lock), each written to a journal
/// before its first side effect so that a run killed half-way is finished or reversed by the next one, and each
/// deployment read back from the backend before it is reported done.
extension EnvironmentPipeline {
    /// Runs `plan` unless it needs a confirmation that was not given; records it in the audit log.
    public func promote(_ plan: PromotionPlan, confirmation: String?, dryRun: Bool = false) throws -> DeploymentActionResult {
        let environment = plan.environment
        if plan.requiresConfirmation, !dryRun, confirmation != environment.name {
            record("env.promote", plan.target, environment, outcome: "refused", detail: "no --confirm \(environment.name)")
            throw EnvironmentError(.confirmationNeeded, "promoting \(environment.name) needs --confirm \(environment.name) (the exact name); nothing was done")
        }
        let backend = backend(for: environment)
        if dryRun {
            record("env.promote", plan.target, environment, outcome: "dry-run", detail: "from \(plan.current ?? "nothing")")
            return DeploymentActionResult(environment: environment.name, action: "env.promote", from: plan.current, to: plan.target,
                                          outcome: DeploymentOutcome(commands: [], output: "would promote \(environment.name) from \(plan.current ?? "nothing") to \(plan.target) with \(backend.kind)"),
                                          durationSeconds: 0, dryRun: true)
        }
        let (lock, notes) = try begin(environment, command: "slipway env promote \(environment.name)")
        defer { lock.release() }
        let journal = EnvironmentJournal(repository: repository, environment: environment.name)
        try journal.save(operation("env.promote", environment, from: plan.current, to: plan.target))
        let start = Date()
        let outcome: DeploymentOutcome
        do {
            outcome = try backend.deploy(plan.target, action: "env.promote", from: plan.current)
            try confirmRuns(plan.target, environment)
        } catch {
            journal.remove()
            throw failed(error, environment: environment, action: "env.promote", version: plan.target, start: start)
        }
        let duration = Date().timeIntervalSince(start)
        try audit.append(AuditEntry(identity: identity, action: "env.promote", version: plan.target, target: environment.name,
                                    commands: outcome.commands, outcome: "ok", durationSeconds: duration,
                                    detail: criteriaRecord(environment, version: plan.target)))
        journal.remove()
        var result = DeploymentActionResult(environment: environment.name, action: "env.promote", from: plan.current, to: plan.target,
                                            outcome: outcome, durationSeconds: duration)
        result.notes = notes
        return result
    }

    /// Runs `plan` with a clock against the target; needs the environment's name as `confirmation`.
    /// A real rollback holds the version rolled away from; a drill puts the original version back afterwards.
    public func rollback(_ plan: RollbackPlan, confirmation: String?, dryRun: Bool = false) throws -> DeploymentActionResult {
        let environment = plan.environment
        if !dryRun, confirmation != environment.name {
            record("env.rollback", plan.target.version, environment, outcome: "refused", detail: "no --confirm \(environment.name)")
            throw EnvironmentError(.confirmationNeeded, "rolling back \(environment.name) needs --confirm \(environment.name) (the exact name); nothing was done")
        }
        let backend = backend(for: environment)
        if dryRun {
            record("env.rollback", plan.target.version, environment, outcome: "dry-run", detail: plan.drill ? "drill" : "from \(plan.current ?? "nothing")")
            return DeploymentActionResult(environment: environment.name, action: "env.rollback", from: plan.current, to: plan.target.version,
                                          outcome: DeploymentOutcome(commands: [], output: "would roll back \(environment.name) from \(plan.current ?? "nothing") to \(plan.target.version) with \(backend.kind)"),
                                          durationSeconds: 0, targetSeconds: plan.targetSeconds, dryRun: true)
        }
        let (lock, notes) = try begin(environment, command: "slipway env rollback \(environment.name)\(plan.drill ? " --drill" : "")")
        defer { lock.release() }
        let journal = EnvironmentJournal(repository: repository, environment: environment.name)
        try journal.save(operation(plan.drill ? "env.drill" : "env.rollback", environment, from: plan.current, to: plan.target.version,
                                   hold: plan.drill ? nil : plan.current))
        let start = Date()
        let outcome: DeploymentOutcome
        do {
            outcome = try backend.rollback(to: plan.target, from: plan.current)
            try confirmRuns(plan.target.version, environment)
        } catch {
            journal.remove()
            throw failed(error, environment: environment, action: "env.rollback", version: plan.target.version, start: start)
        }
        let duration = Date().timeIntervalSince(start)
        try audit.append(AuditEntry(identity: identity, action: "env.rollback", version: plan.target.version, target: environment.name,
                                    commands: outcome.commands, outcome: "ok", durationSeconds: duration,
                                    detail: plan.drill ? "drill" : "from \(plan.current ?? "nothing")"))
        var result = DeploymentActionResult(environment: environment.name, action: "env.rollback", from: plan.current,
                                            to: plan.target.version, outcome: outcome, durationSeconds: duration,
                                            targetSeconds: plan.targetSeconds)
        result.notes = notes
        guard let current = plan.current else { journal.remove(); return result }
        if plan.drill {
            result.restored = try restoreAfterDrill(environment, version: current, from: plan.target.version, drilledIn: duration)
        } else {
            // The journal stays until the hold is shared: a run that cannot share it leaves it for the next one.
            do {
                try holds.add(DeploymentHold(environment: environment.name, version: current, by: identity, reason: "rolled back to \(plan.target.version)"))
            } catch {
                throw DeploymentError(.backend, "\(environment.name) was rolled back to \(plan.target.version), but the hold on \(current) could not be shared (\(error)); the next slipway command on \(environment.name) records it")
            }
        }
        journal.remove()
        return result
    }

    /// A drill's second half: the version it started from, back in place.
    func restoreAfterDrill(_ environment: EnvironmentSettings, version: String, from target: String, drilledIn duration: Double) throws -> String {
        let start = Date()
        let restore: DeploymentOutcome
        do {
            restore = try backend(for: environment).deploy(version, action: "env.promote", from: target)
            try confirmRuns(version, environment)
        } catch {
            throw failed(DeploymentError(error.kind, "the drill rolled \(environment.name) back to \(target) in \(RollbackTiming.format(duration)) but putting \(version) back failed: \(error.message)", output: error.output),
                         environment: environment, action: "env.promote", version: version, start: start)
        }
        try audit.append(AuditEntry(identity: identity, action: "env.promote", version: version, target: environment.name,
                                    commands: restore.commands, outcome: "ok", durationSeconds: Date().timeIntervalSince(start), detail: "drill restore"))
        return version
    }

    /// The backend read back after it said it deployed: trust, but verify.
    func confirmRuns(_ version: String, _ environment: EnvironmentSettings) throws(DeploymentError) {
        let state = try backend(for: environment).state()
        guard state.version == version else {
            throw DeploymentError(.backend, "the backend reported success, but \(environment.name) runs \(state.version ?? "nothing")\(state.status.map { " (\($0))" } ?? ""), not \(version)")
        }
    }

    /// The environment's lock, after anything an earlier run left half-done was finished or reversed; when that
    /// changed the environment, this run stops so that its plan is made again from what runs now.
    func begin(_ environment: EnvironmentSettings, command: String) throws -> (OperationLock, [String]) {
        let lock = try OperationLock(repository: repository, scope: "env-\(environment.name)", command: command)
        var notes = lock.tookOver.map { [$0] } ?? []
        if let recovered = try recoverHeld(environment.name) {
            guard !recovered.changed else {
                lock.release()
                throw EnvironmentError(.refused, "\(recovered.message); look at \(environment.name) again before acting on it")
            }
            notes.append(recovered.message)
        }
        return (lock, notes)
    }

    func operation(_ action: String, _ environment: EnvironmentSettings, from: String?, to: String, hold: String? = nil) -> EnvironmentOperation {
        EnvironmentOperation(action: action, environment: environment.name, from: from, to: to, hold: hold, by: identity,
                             pid: getpid(), startedAt: Date(), processStart: OperationLock.processStart(getpid()))
    }

    /// The versions `name` was rolled away from (never a rollback's target again while they are not cleared).
    func rolledAwayFrom(_ name: String) -> Set<String> {
        let held = Set(((try? holds.all()) ?? []).filter { $0.environment == name }.map(\.version))
        var result = Set<String>()
        for entry in audit.entries().entries where entry.action == "env.rollback" && entry.target == name && entry.outcome == "ok" {
            if let detail = entry.detail, detail.hasPrefix("from "), let from = detail.dropFirst(5).split(separator: ";").first {
                result.insert(String(from))
            }
        }
        // A hold cleared by hand says the version may come back.
        let cleared = Set(audit.entries().entries.filter { $0.action == "env.hold.clear" && $0.target == name }
            .flatMap { ($0.detail ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } })
        return result.subtracting(cleared).union(held)
    }

    // MARK: Holds

    /// Holds `version` (default: what `name` runs) in `name`.
    public func hold(_ name: String, version: String?, reason: String = "held by hand") throws -> DeploymentHold {
        let environment = try environment(name)
        if let version, SemanticVersion(version) == nil {
            throw EnvironmentError(.badInput, "'\(version)' is not a version X.Y.Z; hold a released version")
        }
        let (lock, _) = try begin(environment, command: "slipway env hold \(name)")
        defer { lock.release() }
        guard let version = try version ?? backend(for: environment).state().version else {
            throw EnvironmentError(.refused, "\(name) runs nothing; pass --version X.Y.Z to hold")
        }
        let hold = DeploymentHold(environment: name, version: version, by: identity, reason: reason)
        try holds.add(hold)
        try audit.append(AuditEntry(identity: identity, action: "env.hold", version: version, target: name, outcome: "ok", durationSeconds: 0))
        return hold
    }

    /// Clears the holds of `name` and returns them.
    public func clearHolds(_ name: String) throws -> [DeploymentHold] {
        let (lock, _) = try begin(try environment(name), command: "slipway env hold \(name) --clear")
        defer { lock.release() }
        let cleared = try holds.clear(environment: name)
        try audit.append(AuditEntry(identity: identity, action: "env.hold.clear", target: name, outcome: "ok", durationSeconds: 0,
                                    detail: cleared.map(\.version).joined(separator: ", ")))
        return cleared
    }
}
