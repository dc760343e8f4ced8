import SlipwayKit

/// The Release panel: the eight steps as a checklist with each state's detail and fix, the release's version,
/// branch and base, the preconditions before it starts, and the warnings.
public enum ReleasePanel {
    public static func render(_ state: ConsoleState, in area: Rect, into buffer: inout ScreenBuffer) {
        let lines = self.lines(state, width: area.width)
        let scroll = min(state.release.releaseScroll, max(0, lines.count - area.height))
        for (offset, line) in lines.dropFirst(scroll).prefix(area.height).enumerated() {
            buffer.draw(line, x: area.x, y: area.y + offset, limit: area.maxX)
        }
    }

    /// The panel's text, top to bottom: pure.
    public static func lines(_ state: ConsoleState, width: Int) -> [StyledLine] {
        switch state.release.load {
        case .notLoaded, .loading:
            return [StyledLine(" Reading where the release stands (fetching from the remote)…", .muted)]
        case .failed(let message):
            return [StyledLine(" Could not read the release:", .error)]
                + TextFit.wrap(message, to: max(1, width - 2)).map { StyledLine(" " + $0) }
                + [StyledLine(), StyledLine(" r tries again.", .muted)]
        case .loaded(let snapshot):
            return lines(snapshot.status, running: state.release.running, dryRun: state.dryRun, width: width)
        }
    }

    static func lines(_ status: ReleaseStatus, running: ReleaseAction?, dryRun: Bool, width: Int) -> [StyledLine] {
        var lines: [StyledLine] = []
        let label = { (text: String) in TextFit.pad(" " + text, to: 10) }
        if let version = status.version {
            var line = StyledLine([(label("Release"), .muted), (version.description, .accent)])
            if let tag = status.tagName { line.append("  tag " + tag, .muted) }
            if status.steps.allSatisfy({ $0.state.isDone }) {
                line.append("  released", .ok)
            } else {
                line.append(status.started ? "  in progress" : "  not started", status.started ? .warn : .muted)
            }
            lines.append(line)
        } else {
            lines.append(StyledLine([(label("Release"), .muted), ("nothing to release", .muted)]))
        }
        let branch = status.branch ?? status.version.map { "release/\(status.tagName ?? "v\($0)") (not cut yet)" } ?? "no release branch"
        lines.append(StyledLine([(label("Branch"), .muted), (branch, .text), ("  into ", .muted), (status.base, .text)]))
        lines += nextLines(status, running: running, dryRun: dryRun, width: width)
        lines.append(StyledLine())

        let titleWidth = 24
        let indent = 5 + titleWidth + 1
        let detailWidth = max(10, width - indent - 1)
        var previous: StepState?
        for (step, stepState) in status.steps {
            let shown = running.map { $0.steps.contains(step) } == true ? StepState.running("running…") : stepState
            let (mark, role) = Self.mark(shown)
            var line = StyledLine([(" " + mark + " ", role), ("\(step.rawValue) ", .muted),
                                   (TextFit.pad(step.title, to: titleWidth) + " ", shown.isDone ? .muted : .text)])
            let detail = TextFit.wrap(shown.detail, to: detailWidth)
            line.append(detail.first ?? "", detailRole(shown))
            lines.append(line)
            for more in detail.dropFirst() { lines.append(StyledLine(String(repeating: " ", count: indent) + more, detailRole(shown))) }
            defer { previous = shown }
            // Later steps blocked for the same reason as the one above them do not repeat its fix.
            if let fix = shown.fix, shown != previous {
                for (index, part) in TextFit.wrap("fix: " + fix, to: detailWidth).enumerated() {
                    lines.append(StyledLine(String(repeating: " ", count: indent) + (index == 0 ? "" : "     ") + part, .accent))
                }
            }
        }

        if !status.started, status.version != nil {
            lines.append(StyledLine())
            if status.preconditions.isEmpty {
                lines.append(StyledLine([(" Preconditions ", .title), ("all met: clean tree, on \(status.base), up to date, tag free", .ok)]))
            } else {
                lines.append(StyledLine(" Preconditions not met", .title))
                for problem in status.preconditions {
                    for (index, part) in TextFit.wrap(problem.detail, to: max(1, width - 5)).enumerated() {
                        lines.append(StyledLine((index == 0 ? "   · " : "     ") + part, .warn))
                    }
                    if let fix = problem.fix {
                        for part in TextFit.wrap("fix: " + fix, to: max(1, width - 7)) { lines.append(StyledLine("       " + part, .accent)) }
                    }
                }
            }
        }
        if !status.warnings.isEmpty {
            lines.append(StyledLine())
            for warning in status.warnings {
                for (index, part) in TextFit.wrap(warning, to: max(1, width - 12)).enumerated() {
                    lines.append(StyledLine((index == 0 ? " warning: " : "          ") + part, .warn))
                }
            }
        }
        return lines
    }

    /// What Enter would do now.
    static func nextLines(_ status: ReleaseStatus, running: ReleaseAction?, dryRun: Bool, width: Int) -> [StyledLine] {
        if let running { return [StyledLine(" \(running.title): running…", .accent)] }
        if status.version == nil {
            return [StyledLine(" Nothing to release: no commit since the last release asks for one (see step 1).", .muted)]
        }
        guard let next = ReleasePanelState.nextRunnable(status) else {
            guard let waiting = status.steps.first(where: { !$0.state.isDone && $0.step != .version }) else {
                return [StyledLine(" The release of \(status.version.map(\.description) ?? "this version") is finished.", .ok)]
            }
            return [StyledLine(" Waiting on step \(waiting.step.rawValue) (\(waiting.step.title)): \(waiting.state.name), see below", .warn)]
        }
        var line = StyledLine([(" Enter ", .key), ("runs step \(next.step.rawValue): slipway release \(next.action.rawValue)", .text)])
        if dryRun { line.append(" (dry-run: shows the commands only)", .warn) }
        return [line]
    }

    static func mark(_ state: StepState) -> (String, StyleRole) {
        switch state {
        case .done: return ("✓", .ok)
        case .ready: return ("→", .accent)
        case .blocked: return ("·", .muted)
        case .running: return ("…", .warn)
        case .failed: return ("✗", .error)
        }
    }

    static func detailRole(_ state: StepState) -> StyleRole {
        switch state {
        case .done, .blocked: return .muted
        case .ready: return .text
        case .running: return .warn
        case .failed: return .error
        }
    }

    /// The confirm dialog's text: the action, the exact commands, and what confirming does.
    public static func confirmationLines(_ confirmation: ReleaseConfirmation, width: Int) -> [StyledLine] {
        var lines = [StyledLine([(" " + confirmation.action.title, .text), (" — " + confirmation.version, .accent)])]
        if confirmation.commands.isEmpty {
            lines.append(StyledLine())
            for part in TextFit.wrap(confirmation.message, to: max(1, width - 3)) { lines.append(StyledLine("   " + part, .muted)) }
        } else {
            lines.append(StyledLine(" It runs, in this order:", .muted))
            for command in confirmation.commands {
                for (index, part) in TextFit.wrap(command, to: max(1, width - 5)).enumerated() {
                    lines.append(StyledLine((index == 0 ? "   $ " : "     ") + part, .accent))
                }
            }
        }
        lines.append(StyledLine())
        if confirmation.dryRun {
            lines.append(StyledLine(" dry-run: nothing will run. Enter or Esc closes.", .warn))
        } else {
            lines.append(StyledLine(" y runs these commands, n cancels", .text))
        }
        return lines
    }
}
