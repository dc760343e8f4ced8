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
            return PanelText.failure("Could not read the release:", message, width: width, retry: true)
        case .loaded(let snapshot):
            return EnvironmentsPanel.staleness(state, width: width)
                + lines(snapshot.status, running: state.release.running, dryRun: state.dryRun, width: width)
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
        if status.version == nil, let last = status.lastRelease { lines += lastReleaseLines(last, width: width) + [StyledLine()] }
        lines += stepLines(status, running: running, width: width)

        if !status.started, status.version != nil {
            lines.append(StyledLine())
            if status.preconditions.isEmpty, status.warnings.contains(where: { $0.contains("showing what was fetched from") }) {
                // Nothing can be said about the remote when it could not be reached: no "up to date".
                lines.append(StyledLine([(" Preconditions ", .title),
                                         ("met here: clean tree, on \(status.base), tag free; not checked against the remote (it could not be reached)", .warn)]))
            } else if status.preconditions.isEmpty {
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
        if status.version != nil, let last = status.lastRelease { lines += [StyledLine()] + lastReleaseLines(last, width: width) }
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

    static let titleWidth = 24
    static let stepIndent = 5 + titleWidth + 1

    /// The eight steps, each with its detail and fix; step 8 with its artefacts under it.
    static func stepLines(_ status: ReleaseStatus, running: ReleaseAction?, width: Int) -> [StyledLine] {
        var lines: [StyledLine] = []
        var previous: StepState?
        for (step, stepState) in status.steps {
            let shown = running.map { $0.steps.contains(step) } == true ? StepState.running("running…") : stepState
            // Later steps blocked for the same reason as the one above them do not repeat its fix.
            lines += stepLines(step, shown, width: width, showFix: shown != previous)
            previous = shown
            if step == .publish { lines += artefactLines(status.artefacts, width: width) }
        }
        return lines
    }

    static func stepLines(_ step: ReleaseStep, _ shown: StepState, width: Int, showFix: Bool = true) -> [StyledLine] {
        stepLines(number: step.rawValue, title: step.shortTitle, shown, width: width, showFix: showFix)
    }

    static func stepLines(number: Int, title: String, _ shown: StepState, width: Int, showFix: Bool = true) -> [StyledLine] {
        let detailWidth = max(10, width - stepIndent - 1)
        let (mark, role) = Self.mark(shown)
        // Steps 10 and 11 take a column more for their number, and their title one less.
        let numberText = "\(number) "
        var line = StyledLine([(" " + mark + " ", role), (numberText, .muted),
                               (TextFit.pad(title, to: titleWidth + 2 - numberText.count) + " ", shown.isDone ? .muted : .text)])
        let detail = TextFit.wrap(KeyHints.keyed(shown.detail), to: detailWidth)
        line.append(detail.first ?? "", detailRole(shown))
        var lines = [line]
        let pad = String(repeating: " ", count: stepIndent)
        for more in detail.dropFirst() { lines.append(StyledLine(pad + more, detailRole(shown))) }
        if let fix = shown.fix, showFix {
            // Continuation lines sit under the text after "fix: ", five columns in: wrapped to fit there.
            for (index, part) in TextFit.wrap("fix: " + KeyHints.keyed(fix), to: max(5, detailWidth - 5)).enumerated() {
                lines.append(StyledLine(pad + (index == 0 ? "" : "     ") + part, .accent))
            }
        }
        return lines
    }

    /// One row per artefact under step 8: mark, kind, status, reference and short digest; the reason under any
    /// that is not verified.
    static func artefactLines(_ checks: [ArtefactCheck], width: Int) -> [StyledLine] {
        var lines: [StyledLine] = []
        let indent = "     "
        for check in checks {
            let role: StyleRole = check.status == .verified ? .ok : (check.status == .missing || check.status == .mismatch ? .error : .warn)
            var line = StyledLine([(indent + check.status.symbol + " ", role), (TextFit.pad(check.kind.rawValue, to: 9) + " ", .muted),
                                   (TextFit.pad(check.status.rawValue, to: 11) + " ", role)])
            let digest = width >= 100 ? check.shortDigest.map { "  " + $0 } ?? "" : ""
            let room = max(8, width - DisplayWidth.of(line.plainText) - DisplayWidth.of(digest) - 1)
            line.append(TextFit.truncate(check.ref, to: room), .text)
            if !digest.isEmpty { line.append(digest, .muted) }
            lines.append(line)
            guard check.status != .verified else { continue }
            for part in TextFit.wrap(check.reason, to: max(10, width - indent.count - 5)).prefix(2) {
                lines.append(StyledLine(indent + "    " + part, .muted))
            }
        }
        return lines
    }

    /// The last release while no other is in progress: its tag (step 7) and what was published (step 8).
    static func lastReleaseLines(_ last: PublishedRelease, width: Int) -> [StyledLine] {
        var lines = [StyledLine([(" Last release ", .title), (last.tag, .accent),
                                 (last.tagPushed ? "  tag pushed" : "  tag not on the remote", last.tagPushed ? .muted : .warn)])]
        let tagState: StepState = last.tagPushed ? .done("\(last.tag) pushed") : .failed(reason: "\(last.tag) is not on the remote", fix: "git push origin refs/tags/\(last.tag)")
        lines += stepLines(.tag, tagState, width: width)
        lines += stepLines(.publish, last.publish, width: width)
        lines += artefactLines(last.artefacts, width: width)
        for (step, state) in last.postRelease {
            lines += stepLines(number: step.rawValue, title: step.title, state, width: width)
        }
        return lines
    }

    /// What Enter would do now.
    static func nextLines(_ status: ReleaseStatus, running: ReleaseAction?, dryRun: Bool, width: Int) -> [StyledLine] {
        if let running { return [StyledLine(" \(running.title): running…", .accent)] }
        if status.version == nil {
            return TextFit.wrap("Nothing to release: no commit since the last release asks for one (see step 1).", to: max(1, width - 2))
                .map { StyledLine(" " + $0, .muted) }
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
            let notify = confirmation.action == .notify
            lines.append(StyledLine(notify ? " Channel by channel:" : " It runs, in this order:", .muted))
            for command in confirmation.commands {
                for (index, part) in TextFit.wrap(command, to: max(1, width - 5)).enumerated() {
                    lines.append(StyledLine((index == 0 ? (notify ? "   · " : "   $ ") : "     ") + part, .accent))
                }
            }
        }
        if confirmation.action == .notify, !confirmation.message.isEmpty {
            lines.append(StyledLine())
            lines.append(StyledLine(" The notice:", .muted))
            for text in confirmation.message.split(separator: "\n", omittingEmptySubsequences: false).prefix(40) {
                for part in TextFit.wrap(String(text), to: max(1, width - 5)) { lines.append(StyledLine("   " + part, .text)) }
            }
        }
        lines.append(StyledLine())
        if confirmation.dryRun {
            lines.append(StyledLine(" dry-run: nothing will run. Enter or Esc closes.", .warn))
        } else {
            lines.append(StyledLine(confirmation.action == .notify ? " y sends it, n cancels" : " y runs these commands, n cancels", .text))
        }
        return lines
    }
}
