import SlipwayKit

/// The Release and Approvals panels: loading the release status, the confirm-then-run of a release action.
extension ConsoleReducer {
    static func reduceRelease(_ action: ConsoleAction, _ state: inout ConsoleState) -> [ConsoleEffect] {
        switch action {
        case .releaseLoaded(let snapshot):
            finish(.readingRelease, &state)
            state.release.load = .loaded(snapshot)
            if state.status == .verifyingRelease {
                let status = snapshot.status
                let tagged = status.started && status.state(of: .tag)?.isDone == true
                let version = tagged ? status.tagName : status.lastRelease?.tag
                state.status = .artefacts(tagged ? status.artefacts : status.lastRelease?.artefacts ?? [], of: version ?? "the release")
            }
        case .releaseFailed(let message):
            finish(.readingRelease, &state)
            state.release.load = .failed(message)
        case .releasePlanned(.notify, let report) where !report.commands.isEmpty && report.commands.allSatisfy({ $0.hasPrefix("already-sent") }):
            finish(.planningRelease, &state)
            state.status = StatusMessage("every channel has the notice of \(report.version) already "
                                         + "(slipway release notify --resend CHANNEL sends it again)", .info)
        case .releasePlanned(let action, let report):
            finish(.planningRelease, &state)
            guard state.overlay == nil, state.release.running == nil else {
                state.status = StatusMessage("\(action.rawValue) not shown: another window was open; ask again", .info)
                return []
            }
            state.overlay = .confirmRelease(ReleaseConfirmation(action: action, report: report, dryRun: state.dryRun))
        case .releasePlanFailed(let action, let message):
            finish(.planningRelease, &state)
            state.status = StatusMessage("\(action.rawValue): \(message)", .error)
        case .releaseActionDone(let action, let report):
            finish(.runningRelease, &state)
            state.release.running = nil
            state.status = StatusMessage("\(action.rawValue): \(report.message)", .ok)
            return refresh(after: .releaseAction(action), &state)
        case .releaseActionFailed(let action, let message):
            finish(.runningRelease, &state)
            state.release.running = nil
            state.status = StatusMessage("\(action.rawValue) failed: \(message)", .error)
            return refresh(after: .releaseAction(action), &state)
        default:
            break
        }
        return []
    }

    /// `v`: the registries are asked again — step 8's artefacts on the Release panel, the rollback target's on
    /// the Rollback panel.
    static func verifyArtefacts(_ state: inout ConsoleState) -> [ConsoleEffect] {
        if state.panel == .rollback {
            state.environments.rollback = .notLoaded
            state.status = .verifyingRollback
            return loadRollbackIfShown(&state)
        }
        if state.panel != .release && state.panel != .approvals { state.panel = .release }
        state.status = .verifyingRelease
        if case .notLoaded = state.release.load { return loadReleaseIfShown(&state) }
        return loadRelease(&state)
    }

    /// On the Release or Approvals panel, reads the release status the first time it is shown.
    static func loadReleaseIfShown(_ state: inout ConsoleState) -> [ConsoleEffect] {
        guard state.panel == .release || state.panel == .approvals, case .notLoaded = state.release.load else { return [] }
        return loadRelease(&state)
    }

    static func loadRelease(_ state: inout ConsoleState) -> [ConsoleEffect] {
        guard !state.inFlight.contains(.readingRelease) else { return [] }
        if case .loaded = state.release.load {} else { state.release.load = .loading }
        begin(.readingRelease, &state)
        return [.loadRelease]
    }

    /// `r`: the release status is read again once it has been shown.
    static func reloadRelease(_ state: inout ConsoleState) -> [ConsoleEffect] {
        if case .notLoaded = state.release.load { return loadReleaseIfShown(&state) }
        return loadRelease(&state)
    }

    /// The release read again when it was read before (shown now or not): nothing on screen stays stale.
    static func reloadReleaseIfRead(_ state: inout ConsoleState) -> [ConsoleEffect] {
        switch state.release.load {
        case .loaded, .failed: return loadRelease(&state)
        default: return []
        }
    }

    /// Enter on the Release panel: a dry run of the next step's action, whose commands fill the confirm dialog.
    static func runNextStep(_ state: inout ConsoleState) -> [ConsoleEffect] {
        guard let snapshot = state.release.snapshot else {
            state.status = StatusMessage("the release status is still loading", .info)
            return []
        }
        guard let next = ReleasePanelState.nextRunnable(snapshot.status) else {
            // With nothing to release, Enter moves the last release on: its notice is the step a person runs.
            if snapshot.status.version == nil, let notified = snapshot.status.lastRelease?.postRelease.first(where: { $0.step == .notified }),
               case .ready = notified.state {
                return planRelease(.notify, &state)
            }
            state.status = StatusMessage(whyNothingRuns(snapshot.status), .warn)
            return []
        }
        return planRelease(next.action, &state)
    }

    /// `n`: the last release's notice, after a confirm that shows it.
    static func notifyStakeholders(_ state: inout ConsoleState) -> [ConsoleEffect] {
        if state.panel != .release { state.panel = .release }
        guard state.release.snapshot?.status.lastRelease != nil else {
            state.status = StatusMessage("no release is tagged yet, so there is no notice to send", .warn)
            return loadReleaseIfShown(&state)
        }
        return planRelease(.notify, &state)
    }

    /// Asks for a dry run of `action`; the answer opens the confirm dialog.
    static func planRelease(_ action: ReleaseAction, _ state: inout ConsoleState) -> [ConsoleEffect] {
        if let running = state.release.running {
            state.status = StatusMessage("\(running.rawValue) is still running", .warn)
            return []
        }
        guard !state.inFlight.contains(.planningRelease) else { return [] }
        if action == .approve, let pullRequest = state.release.snapshot?.status.pullRequest, pullRequest.state != .open {
            state.status = StatusMessage("the release PR is \(pullRequest.state.rawValue): there is nothing to approve", .warn)
            return []
        }
        if action == .approve, let snapshot = state.release.snapshot, let identity = snapshot.identity,
           let pullRequest = snapshot.status.pullRequest, pullRequest.author.lowercased() == identity.email.lowercased() {
            state.status = StatusMessage("you (\(identity.email)) wrote the release commit: your approval would not count", .warn)
            return []
        }
        begin(.planningRelease, &state)
        state.status = nil
        return [.planRelease(action)]
    }

    static func whyNothingRuns(_ status: ReleaseStatus) -> String {
        if status.version == nil, let step = status.state(of: .version) {
            return "nothing to release: \(step.detail)" + (step.fix.map { "; " + $0 } ?? "")
        }
        guard let first = status.steps.first(where: { !$0.state.isDone && $0.step != .version }) else {
            return "the release of \(status.version.map(\.description) ?? "this version") is finished"
        }
        let step = "step \(first.step.rawValue) (\(first.step.title))"
        switch first.state {
        case .blocked(let reason, let fix): return "\(step) is blocked: \(reason); \(fix)"
        case .running(let detail): return "\(step) is running: \(detail); r refreshes"
        case .ready(let detail) where first.step == .publish: return "\(step): \(detail)"
        default: return "\(step) cannot be run from the console"
        }
    }

    /// Keys in the release confirm dialog: y/Enter runs (or, in dry-run, only closes), n/Esc cancels.
    static func confirmRelease(_ key: Key, _ confirmation: ReleaseConfirmation, _ state: inout ConsoleState) -> [ConsoleEffect] {
        switch key {
        case .character("y"), .enter:
            state.overlay = nil
            if confirmation.dryRun || state.dryRun {
                state.status = StatusMessage("dry-run: \(confirmation.action.rawValue) ran nothing "
                                             + "(\(confirmation.commands.count) command(s) shown)", .warn)
                return []
            }
            state.release.running = confirmation.action
            begin(.runningRelease, &state)
            return [.runRelease(confirmation.action)]
        case .character("n"), .escape, .character("q"):
            state.overlay = nil
            state.status = StatusMessage("\(confirmation.action.rawValue) cancelled: nothing ran", .info)
        default:
            break
        }
        return []
    }

    /// j/k and the page keys on the Release and Approvals panels.
    static func scrollRelease(by delta: Int, _ state: inout ConsoleState) {
        if state.panel == .approvals {
            state.release.approvalsScroll = scrolled(state.release.approvalsScroll, by: delta, lines: ApprovalsPanel.lines(state, width: state.width).count, state)
        } else {
            state.release.releaseScroll = scrolled(state.release.releaseScroll, by: delta, lines: ReleasePanel.lines(state, width: state.width).count, state)
        }
    }

    /// A scroll position moved by `delta`, kept between the top and the last page of `lines`, so that after
    /// `G` a page up moves at once.
    static func scrolled(_ position: Int, by delta: Int, lines: Int, _ state: ConsoleState) -> Int {
        let last = max(0, lines - state.bodyHeight)
        // g and G move by ±Int.max/2: the move is bounded first so that nothing overflows.
        let step = max(-last - 1, min(delta, last + 1))
        return max(0, min(min(position, last) + step, last))
    }
}
