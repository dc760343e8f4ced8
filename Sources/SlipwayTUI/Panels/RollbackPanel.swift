import SlipwayKit

/// The Rollback panel: for the selected environment (production unless another was chosen) the readiness
/// checklist, the version it would go back to, and the rollback with its clock against the target.
public enum RollbackPanel {
    public static func render(_ state: ConsoleState, in area: Rect, into buffer: inout ScreenBuffer) {
        let lines = lines(state, width: area.width)
        let scroll = min(state.environments.rollbackScroll, max(0, lines.count - area.height))
        buffer.draw(Array(lines.dropFirst(scroll)), in: area)
    }

    // Long because the panel is drawn top to bottom as it reads: tabs, plan, criteria, readiness items.
    /// The panel's text, top to bottom: pure.
    public static func lines(_ state: ConsoleState, width: Int) -> [StyledLine] {
        let panel = state.environments
        switch panel.load {
        case .notLoaded, .loading:
            return [EnvironmentsPanel.reading]
        case .failed(let message):
            return EnvironmentsPanel.failure(message, width: width)
        case .loaded(let statuses):
            var lines: [StyledLine] = []
            var tabs = StyledLine(" ", .text)
            lines += EnvironmentsPanel.staleness(state, width: width)
            let selected = panel.rollbackIndex
            for (index, status) in statuses.enumerated() {
                tabs.append(index == selected ? "[\(status.name)]" : " \(status.name) ", index == selected ? .selection : .muted)
                tabs.append(" ", .text)
            }
            tabs.append("  j/k chooses", .muted)
            lines.append(tabs)
            lines.append(StyledLine())
            switch panel.rollback {
            case .notLoaded, .loading:
                lines.append(StyledLine(" Checking rollback readiness…", .muted))
            case .failed(let environment, let message):
                lines.append(StyledLine(" Could not judge \(environment)'s rollback readiness:", .error))
                lines += TextFit.wrap(message, to: max(1, width - 2)).map { StyledLine(" " + $0) }
            case .loaded(let readiness, let plan, let problem):
                var head = StyledLine(" \(readiness.environment) runs ", .text)
                head.append(readiness.deployed ?? "nothing", .accent)
                head.append(", would go back to ", .text)
                head.append(plan?.target.version ?? readiness.target ?? "nothing", .accent)
                lines.append(head)
                if let plan { lines += TextFit.wrap("(\(plan.choice))", to: max(1, width - 2)).map { StyledLine(" " + $0, .muted) } }
                if let problem { lines += TextFit.wrap(problem, to: max(1, width - 4)).map { StyledLine("   " + $0, .warn) } }
                if let plan { lines += actionLines(plan, readiness: readiness, running: panel.running, width: width) }
                lines += criteriaLines(readiness, width: width)
                lines.append(StyledLine(" Readiness", .title))
                // Wide: title and reason side by side; narrow: the reason under its title.
                let titleWidth = width >= 110 ? (readiness.items.map { DisplayWidth.of($0.title) }.max() ?? 0) + 2 : 0
                let indent = titleWidth > 0 ? 5 + titleWidth : 5
                for item in readiness.items {
                    let role: StyleRole = item.state == .pass ? .ok : item.state == .fail ? .error : .warn
                    // An item with rows of details (one per artefact) keeps its reason to one line.
                    let reason = KeyHints.keyed(item.reason)
                    let wrapped = item.details.isEmpty ? TextFit.wrap(reason, to: max(10, width - indent - 1))
                        : [TextFit.truncate(reason, to: max(10, width - indent - 1))]
                    var line = StyledLine("   " + item.state.symbol + " ", role)
                    if titleWidth > 0 {
                        line.append(TextFit.pad(item.title, to: titleWidth), .text)
                        line.append(wrapped.first ?? "", .muted)
                        lines.append(line)
                    } else {
                        line.append(item.title, .text)
                        lines.append(line)
                        if let first = wrapped.first { lines.append(StyledLine(String(repeating: " ", count: indent) + first, .muted)) }
                    }
                    for more in wrapped.dropFirst().prefix(2) { lines.append(StyledLine(String(repeating: " ", count: indent) + more, .muted)) }
                    for detail in item.details {
                        lines.append(StyledLine(String(repeating: " ", count: indent) + TextFit.truncate(detail, to: max(1, width - indent - 1)),
                                                detail.hasPrefix("✓") ? .ok : detail.hasPrefix("✗") ? .error : .warn))
                    }
                }
            }
            if panel.running == nil, let outcome = panel.outcome, panel.outcomeAction == "env.rollback" {
                lines.append(StyledLine())
                lines += TextFit.wrap(outcome.text, to: max(1, width - 2)).map { StyledLine(" " + $0, FooterBar.role(of: outcome.kind)) }
                lines += EnvironmentsPanel.outputLines(panel.failureOutput, width: width)
            }
            return lines
        }
    }

    /// What R does, or the running clock: right under the version it would go back to.
    static func actionLines(_ plan: RollbackPlan, readiness: RollbackReadiness, running: EnvironmentsPanelState.Running?,
                            width: Int) -> [StyledLine] {
        let target = EnvironmentsPanelState.clock(plan.targetSeconds)
        if let running, running.environment == readiness.environment {
            let elapsed = running.elapsedSeconds
            let over = running.targetSeconds.map { elapsed > $0 } ?? false
            return [StyledLine(" Rolling \(running.environment) back to \(running.target): " + EnvironmentsPanelState.clock(elapsed) + " of " + target,
                               over ? .error : .accent)]
        }
        let text = " R rolls \(readiness.environment) back to \(plan.target.version) (type its name to confirm); target \(target)"
        return TextFit.wrap(text, to: max(1, width - 1)).map { StyledLine($0.hasPrefix(" ") ? $0 : " " + $0, .muted) }
    }

    /// The rollback criteria's values now; a breach is said first, with what R does about it.
    static func criteriaLines(_ readiness: RollbackReadiness, width: Int) -> [StyledLine] {
        guard !readiness.criteria.isEmpty else { return [] }
        var lines: [StyledLine] = []
        if let breach = readiness.breaches.first {
            let text = " Breach: \(breach.check.name) is \(breach.detail) — R rolls \(readiness.environment) back"
            lines += TextFit.wrap(text, to: max(1, width - 1)).map { StyledLine($0.hasPrefix(" ") ? $0 : " " + $0, .error) }
        }
        lines.append(StyledLine(" Criteria now", .title))
        for result in readiness.criteria {
            let (mark, role): (String, StyleRole) = result.state == .pass ? ("✓", .ok) : result.state == .breach ? ("✗", .error) : ("?", .warn)
            var line = StyledLine("   " + mark + " ", role)
            line.append(result.check.name + "  ", .text)
            line.append(TextFit.truncate(result.detail, to: max(1, width - DisplayWidth.of(line.plainText) - 1)), result.state == .pass ? .muted : role)
            lines.append(line)
        }
        return lines
    }
}
