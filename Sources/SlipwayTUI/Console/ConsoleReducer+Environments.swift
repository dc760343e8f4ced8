import SlipwayKit

/// The Environments and Rollback panels' part of the reducer: reading the environments, promotion, holds,
/// rollback readiness and a guarded rollback with its clock.
extension ConsoleReducer {
    // Long because it is the router of the environment actions, each case a few lines of state.
    /// What `action` does to the environments' state; `nil` when it is not one of theirs.
    static func reduceEnvironments(_ state: inout ConsoleState, _ action: ConsoleAction) -> [ConsoleEffect]? {
        switch action {
        case .environmentsLoaded(let statuses):
            finish(.readingEnvironments, &state)
            let previous = state.environments.selected.flatMap { _ in state.environments.selectedStatus?.name }
            let previousRollback = state.environments.rollbackSelected.flatMap { _ in state.environments.rollbackStatus?.name }
            state.environments.load = .loaded(statuses)
            state.environments.selected = previous.flatMap { name in statuses.firstIndex { $0.name == name } }
            state.environments.rollbackSelected = previousRollback.flatMap { name in statuses.firstIndex { $0.name == name } }
            return loadRollbackIfShown(&state) + runPending([.promote, .verifyEnvironment], on: .environments, &state)
        case .environmentsFailed(let message):
            finish(.readingEnvironments, &state)
            state.environments.load = .failed(message)
            state.status = StatusMessage(message, .error)
            return []
        case .rollbackLoaded(let readiness, let plan, let problem):
            finish(.readingReadiness, &state)
            state.environments.rollback = .loaded(readiness, plan: plan, planProblem: problem)
            if state.status == .verifyingRollback, let item = readiness.items.first(where: { $0.id == "artefacts" }) {
                state.status = StatusMessage("rollback target's artefacts: \(item.reason)", item.state == .pass ? .ok : .warn)
            }
            return runPending([.rollback, .drill], on: .rollback, &state)
        case .rollbackFailed(let environment, let message):
            finish(.readingReadiness, &state)
            state.environments.rollback = .failed(environment: environment, message: message)
            return []
        case .promotionPlanned(let plan):
            finish(.planningPromotion, &state)
            var dialog = EnvironmentConfirmDialog(
                kind: .promote, environment: plan.environment.name, current: plan.current, target: plan.target,
                offered: plan.offered.filter { $0 != plan.current }, commits: plan.commits.map { $0.shortSHA + "  " + $0.message.subject },
                detail: plan.changelog, notes: plan.notes, needsName: plan.requiresConfirmation)
            if let current = plan.current.flatMap(SemanticVersion.init), let target = SemanticVersion(plan.target), target < current {
                dialog.notes.append("\(plan.target) is older than the \(current) \(plan.environment.name) runs: this goes back without a hold; R on the Rollback panel holds \(current)")
            }
            keepTyped(&dialog, state)
            state.overlay = .confirmEnvironment(dialog)
            return []
        case .rollbackPlanned(let plan):
            finish(.planningRollback, &state)
            var dialog = rollbackDialog(plan, state)
            keepTyped(&dialog, state)
            state.overlay = .confirmEnvironment(dialog)
            return []
        case .environmentRefused(let message):
            finish(.planningPromotion, &state)
            finish(.planningRollback, &state)
            state.status = StatusMessage(message, .warn)
            return []
        case .deploymentFinished(let result):
            return deploymentFinished(result, &state)
        case .deploymentFailed(let environment, let message, let output):
            finish(.deploying, &state)
            state.environments.running = nil
            state.environments.failureOutput = output
            let status = StatusMessage("\(environment): \(message)", .error)
            state.environments.outcome = status
            state.environments.outcomeAction = state.panel == .rollback ? "env.rollback" : "env.promote"
            state.status = status
            return refresh(after: .deployment, &state)
        case .environmentVerified(let verdict):
            finish(.verifyingEnvironment, &state)
            var text = "\(verdict.environment): \(verdict.verdict.rawValue) on \(verdict.version ?? "?")"
            if let first = verdict.reasons.first { text += " — " + first }
            if let command = verdict.rollbackCommand { text += "; roll back: \(command)" }
            state.status = StatusMessage(text, verdict.verdict == .healthy ? .ok : verdict.verdict == .breach ? .error : .warn)
            return refresh(after: .environmentVerified, &state)
        case .environmentVerifyFailed(let environment, let message):
            finish(.verifyingEnvironment, &state)
            state.status = StatusMessage("verifying \(environment) failed: \(message)", .error)
            return []
        case .holdsCleared(let environment, let versions):
            finish(.clearingHolds, &state)
            // A rollback's "X is held" is no longer true.
            if versions.contains(where: { state.environments.outcome?.text.contains("\($0) is held") == true }) {
                state.environments.outcome = nil
            }
            state.status = StatusMessage(versions.isEmpty ? "\(environment) had no holds"
                                         : "cleared the hold on \(versions.joined(separator: ", ")) in \(environment)", .ok)
            return refresh(after: .holdsCleared, &state)
        default:
            return nil
        }
    }

    /// A promotion, rollback or drill done: its outcome (with the clock and the hold) on both panels, then
    /// the environments read again.
    static func deploymentFinished(_ result: DeploymentActionResult, _ state: inout ConsoleState) -> [ConsoleEffect] {
        finish(.deploying, &state)
        state.environments.running = nil
        state.environments.failureOutput = ""
        var text = "\(result.environment) now runs \(result.to) (took \(EnvironmentsPanelState.clock(result.durationSeconds))"
        if let restored = result.restored {
            text = "drill on \(result.environment): rolled back to \(result.to), then \(restored) put back (the rollback took \(EnvironmentsPanelState.clock(result.durationSeconds))"
        }
        if let target = result.targetSeconds, let within = result.withinTarget {
            text += within ? ", within the \(EnvironmentsPanelState.clock(target)) target" : ", OVER the \(EnvironmentsPanelState.clock(target)) target"
        }
        text += ")"
        if result.action == "env.rollback", result.restored == nil, let from = result.from { text += "; \(from) is held" }
        let message = StatusMessage(text, result.withinTarget == false ? .warn : .ok)
        state.environments.outcome = message
        state.environments.outcomeAction = result.action
        state.status = message
        return refresh(after: .deployment, &state)
    }

    /// Reads the environments when one of their panels is shown and they are not read yet.
    static func loadEnvironmentsIfShown(_ state: inout ConsoleState) -> [ConsoleEffect] {
        guard state.panel == .environments || state.panel == .rollback else { return [] }
        switch state.environments.load {
        case .notLoaded, .failed: return reloadEnvironments(&state)
        case .loading: return []
        case .loaded: return loadRollbackIfShown(&state)
        }
    }

    static func reloadEnvironments(_ state: inout ConsoleState) -> [ConsoleEffect] {
        if case .loaded = state.environments.load {} else { state.environments.load = .loading }
        state.environments.rollback = .notLoaded
        begin(.readingEnvironments, &state)
        return [.loadEnvironments]
    }

    /// On the Rollback panel, reads the selected environment's readiness and rollback plan once.
    static func loadRollbackIfShown(_ state: inout ConsoleState) -> [ConsoleEffect] {
        guard state.panel == .rollback, let name = state.environments.rollbackStatus?.name else { return [] }
        switch state.environments.rollback {
        case .loading(let loading) where loading == name: return []
        case .loaded(let readiness, _, _) where readiness.environment == name: return []
        case .failed(let environment, _) where environment == name: return []
        default: break
        }
        state.environments.rollback = .loading(name)
        begin(.readingReadiness, &state)
        return [.loadRollback(environment: name)]
    }

    /// `v` on the Environments panel: the selected environment verified now (off the UI thread).
    static func verifyEnvironment(_ state: inout ConsoleState) -> [ConsoleEffect] {
        if state.panel != .environments { return showThenRun(.environments, .verifyEnvironment, &state) }
        guard let status = state.environments.selectedStatus else {
            state.status = StatusMessage("no environment selected (the environments are still being read)", .info)
            return []
        }
        guard !state.inFlight.contains(.verifyingEnvironment) else { return [] }
        begin(.verifyingEnvironment, &state)
        state.status = StatusMessage("verifying \(status.name): its version, the service's and the rollback checks", .info)
        return [.verifyEnvironment(status.name)]
    }

    static func moveEnvironment(by delta: Int, _ state: inout ConsoleState) -> [ConsoleEffect] {
        let count = state.environments.statuses.count
        let onRollback = state.panel == .rollback
        // On the Rollback panel j/k choose the environment; a page or g/G scroll its checklist.
        if onRollback, abs(delta) > 1 {
            state.environments.rollbackScroll = scrolled(state.environments.rollbackScroll, by: delta,
                                                         lines: RollbackPanel.lines(state, width: state.width).count, state)
            return []
        }
        if onRollback { state.environments.rollbackScroll = 0 }
        guard count > 0, let current = onRollback ? state.environments.rollbackIndex : state.environments.selectedIndex else { return [] }
        // On the Environments panel a find leaves some out: j/k move among those shown.
        let shown = onRollback ? Array(0..<count) : state.environments.shownIndices
        guard !shown.isEmpty else { return [] }
        let position = shown.firstIndex(of: current) ?? 0
        let last = shown.count - 1
        let target = shown[delta == -Int.max / 2 ? 0 : delta == Int.max / 2 ? last : min(last, max(0, position + delta))]
        if onRollback { state.environments.rollbackSelected = target } else { state.environments.selected = target }
        return loadRollbackIfShown(&state)
    }

    /// `p`: plans a promotion of the selected environment; the plan comes back as a confirmation.
    static func startPromotion(_ state: inout ConsoleState) -> [ConsoleEffect] {
        // From another panel (the palette): show the panel, and promote once the environments are read.
        if state.panel != .environments { return showThenRun(.environments, .promote, &state) }
        guard state.environments.running == nil else {
            state.status = StatusMessage("wait for the \(state.environments.running?.action ?? "action") to finish", .warn)
            return []
        }
        guard let status = state.environments.selectedStatus else {
            state.status = StatusMessage("no environment selected (the environments are still being read)", .info)
            return []
        }
        if status.settings.auto {
            state.status = StatusMessage("\(status.name) is deployed by CI on every merge to main: Slipway does not promote it", .warn)
            return []
        }
        begin(.planningPromotion, &state)
        return [.planPromotion(environment: status.name)]
    }

    /// `R`: asks to roll the selected environment back to the version its plan names.
    static func startRollback(_ state: inout ConsoleState) -> [ConsoleEffect] {
        if state.panel != .rollback { return showThenRun(.rollback, .rollback, &state) }
        guard state.environments.running == nil else {
            state.status = StatusMessage("wait for the \(state.environments.running?.action ?? "action") to finish", .warn)
            return []
        }
        switch state.environments.rollback {
        case .loaded(let readiness, let plan, let problem):
            guard let plan else {
                state.status = StatusMessage("\(readiness.environment) cannot be rolled back: \(problem ?? "no earlier version")", .warn)
                return []
            }
            state.overlay = .confirmEnvironment(rollbackDialog(plan, state))
        case .failed(_, let message):
            state.status = StatusMessage("cannot roll back: \(message)", .error)
        case .notLoaded, .loading:
            state.status = StatusMessage("the rollback plan is still being read", .info)
        }
        return []
    }

    /// `D`: a rollback drill on the selected (non-production) environment: rolled back, timed, and put back.
    static func startDrill(_ state: inout ConsoleState) -> [ConsoleEffect] {
        if state.panel != .rollback { return showThenRun(.rollback, .drill, &state) }
        guard state.environments.running == nil else {
            state.status = StatusMessage("wait for the \(state.environments.running?.action ?? "action") to finish", .warn)
            return []
        }
        guard let status = state.environments.rollbackStatus else {
            state.status = StatusMessage("no environment selected (the environments are still being read)", .info)
            return []
        }
        if status.settings.protected {
            state.status = StatusMessage("drills run on non-production environments; \(status.name) is protected (choose another with j/k)", .warn)
            return []
        }
        begin(.planningRollback, &state)
        return [.planRollback(environment: status.name, to: nil, drill: true)]
    }

    /// The rollback (or drill) confirmation of `plan`: why this target, what readiness fails on, the other targets.
    static func rollbackDialog(_ plan: RollbackPlan, _ state: ConsoleState) -> EnvironmentConfirmDialog {
        var detail = plan.drill ? "a drill: \(plan.current ?? "the current version") is put back right after, and the time is recorded"
            : plan.choice
        if let revision = plan.target.revision { detail += ", revision \(revision)" }
        if case .loaded(let readiness, _, _) = state.environments.rollback, readiness.environment == plan.environment.name {
            let failing = readiness.items.filter { $0.state == .fail }
            if !failing.isEmpty { detail += "\nreadiness fails on:" }
            for item in failing { detail += "\n✗ " + item.title }
        }
        var offered = plan.offered
        if !offered.contains(plan.target.version) { offered.insert(plan.target.version, at: 0) }
        var dialog = EnvironmentConfirmDialog(
            kind: .rollback, environment: plan.environment.name, current: plan.current, target: plan.target.version,
            offered: offered, commits: plan.commits.map { $0.shortSHA + "  " + $0.message.subject }, detail: detail, needsName: true)
        dialog.drill = plan.drill
        return dialog
    }

    /// A re-planned confirmation keeps what was typed in the one it replaces.
    static func keepTyped(_ dialog: inout EnvironmentConfirmDialog, _ state: ConsoleState) {
        if case .confirmEnvironment(let open) = state.overlay, open.kind == dialog.kind, open.environment == dialog.environment {
            dialog.typed = open.typed
        }
    }

    /// `h`: clears the selected environment's holds.
    static func clearHold(_ state: inout ConsoleState) -> [ConsoleEffect] {
        guard let status = state.environments.selectedStatus else {
            state.status = StatusMessage("no environment selected", .info)
            return []
        }
        guard !status.holds.isEmpty else {
            state.status = StatusMessage("\(status.name) has no hold to clear", .info)
            return []
        }
        if state.dryRun {
            state.status = StatusMessage("dry-run: would clear the hold on \(status.holds.map(\.version).joined(separator: ", "))", .warn)
            return []
        }
        begin(.clearingHolds, &state)
        return [.clearHolds(environment: status.name)]
    }

    /// Keys in the promotion or rollback confirmation.
    static func handle(_ key: Key, confirming dialog: EnvironmentConfirmDialog, _ state: inout ConsoleState) -> [ConsoleEffect] {
        var dialog = dialog
        switch key {
        case .escape:
            state.overlay = nil
            state.status = StatusMessage(dialog.kind == .promote ? "nothing promoted" : "nothing rolled back", .info)
        case .left, .right, .up, .down:
            // Another version: planned again (its commits and CHANGELOG differ); the dialog stays until it comes.
            guard let version = dialog.chosen(key == .left || key == .up ? -1 : 1), version != dialog.target else { return [] }
            switch dialog.kind {
            case .promote:
                begin(.planningPromotion, &state)
                return [.planPromotion(environment: dialog.environment, version: version)]
            case .rollback:
                begin(.planningRollback, &state)
                return [.planRollback(environment: dialog.environment, to: version, drill: dialog.drill)]
            }
        case .enter:
            switch dialog.validated() {
            case .failure(let problem):
                dialog.error = problem.description
                state.overlay = .confirmEnvironment(dialog)
            case .success(let confirmation):
                state.overlay = nil
                let action = dialog.kind == .promote ? "promotion" : dialog.drill ? "drill" : "rollback"
                if state.dryRun {
                    state.status = StatusMessage("dry-run: would \(dialog.kind == .promote ? "promote" : dialog.drill ? "drill a rollback of" : "roll back") \(dialog.environment) to \(dialog.target)", .warn)
                    return []
                }
                let targetSeconds = dialog.kind == .rollback ? rollbackTargetSeconds(state, dialog.environment) : nil
                state.environments.running = EnvironmentsPanelState.Running(environment: dialog.environment, action: action,
                                                                            target: dialog.target, targetSeconds: targetSeconds)
                state.environments.outcome = nil
                begin(.deploying, &state)
                switch dialog.kind {
                case .promote:
                    return [.promote(environment: dialog.environment, version: dialog.target, confirmation: confirmation)]
                case .rollback:
                    return [.rollback(environment: dialog.environment, to: dialog.target, confirmation: confirmation ?? dialog.environment,
                                      drill: dialog.drill)]
                }
            }
        case .character("y") where !dialog.needsName:
            return handle(.enter, confirming: dialog, &state)
        case .character("n") where !dialog.needsName:
            return handle(.escape, confirming: dialog, &state)
        default:
            guard dialog.needsName else { break }
            edit(&dialog.typed, with: key)
            dialog.error = nil
            state.overlay = .confirmEnvironment(dialog)
        }
        return []
    }

    static func rollbackTargetSeconds(_ state: ConsoleState, _ environment: String) -> Double? {
        if case .loaded(_, let plan?, _) = state.environments.rollback, plan.environment.name == environment {
            return plan.targetSeconds
        }
        return state.environments.statuses.first { $0.name == environment }.map { $0.settings.rollback.targetMinutes * 60 }
    }

    /// Shows `panel` and runs `command` there: at once when its data is in, else when it arrives.
    static func showThenRun(_ panel: PanelID, _ command: ConsoleCommand, _ state: inout ConsoleState) -> [ConsoleEffect] {
        let effects = show(panel, &state)
        let ready: Bool
        switch panel {
        case .rollback: if case .loaded = state.environments.rollback, effects.isEmpty { ready = true } else { ready = false }
        default: if case .loaded = state.environments.load, effects.isEmpty { ready = true } else { ready = false }
        }
        if ready { return effects + run(command, &state) }
        state.pendingCommand = command
        return effects
    }

    /// The pending command, if it is one of `commands` and `panel` is still shown.
    static func runPending(_ commands: [ConsoleCommand], on panel: PanelID, _ state: inout ConsoleState) -> [ConsoleEffect] {
        guard let pending = state.pendingCommand, commands.contains(pending) else { return [] }
        state.pendingCommand = nil
        return state.panel == panel ? run(pending, &state) : []
    }
}
