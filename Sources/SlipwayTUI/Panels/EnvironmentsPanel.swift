import Foundation
import SlipwayKit

/// The Environments panel: each environment in order with its version, since when, by whom, backend, the CI
/// marker, holds and the difference to the next one; `p` promotes the selected one, `h` clears its hold.
public enum EnvironmentsPanel {
    public static func render(_ state: ConsoleState, in area: Rect, into buffer: inout ScreenBuffer) {
        buffer.draw(lines(state, width: area.width), in: area)
    }

    static let reading = StyledLine(" Reading the environments…", .muted)

    /// Said above what the team shares when it could not be fetched: the holds, verdicts and trail shown are old.
    static func staleness(_ state: ConsoleState, width: Int) -> [StyledLine] {
        guard let stale = state.sharedStaleness else { return [] }
        return TextFit.wrap("⚠ " + stale, to: max(1, width - 2)).map { StyledLine(" " + $0, .warn) }
    }

    /// What both environment panels say when the environments cannot be read.
    static func failure(_ message: String, width: Int) -> [StyledLine] {
        PanelText.failure("Could not read the environments:", message, width: width)
    }

    // Long because each environment's two lines and its comparison with the one before are drawn in one pass.
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
            let selected = panel.selectedIndex
            lines += EnvironmentsPanel.staleness(state, width: width)
            let shown = Set(panel.shownIndices)
            if shown.isEmpty {
                return lines + [StyledLine(" No environment of \(statuses.count) has '\(panel.find)'. / then Esc shows them all.", .warn)]
            }
            for (index, status) in statuses.enumerated() where shown.contains(index) {
                let marker = index == selected ? "▸ " : "  "
                var line = StyledLine(" " + marker, .accent)
                line.append(TextFit.pad(status.name, to: 12), index == selected ? .selection : .title)
                if let problem = status.problem {
                    line.append("?  " + problem, .error)
                    lines.append(line)
                    continue
                }
                line.append(TextFit.pad(status.version ?? "—", to: 10), .accent)
                if let since = status.state?.since { line.append("since " + day(since) + "  ", .text) }
                if let by = status.state?.by {
                    // Narrow: the name without the address.
                    let name = width < 100 ? (by.components(separatedBy: " <").first ?? by) : by
                    line.append("by " + name, .muted)
                }
                lines.append(line)
                var detail = StyledLine("     " + status.settings.backend.kind, .muted)
                if status.settings.auto { detail.append("  auto: deployed by CI", .muted) }
                if status.settings.protected { detail.append("  protected", .warn) }
                if let pending = status.state?.status, status.state?.isPending == true { detail.append("  " + pending, .error) }
                if !status.holds.isEmpty { detail.append("  held: " + status.holds.map(\.version).joined(separator: ", "), .warn) }
                if let verdict = status.lastVerdict {
                    let role: StyleRole = verdict.verdict == .healthy ? .ok : verdict.verdict == .breach ? .error : .warn
                    detail.append("  \(verdict.verdict.symbol) \(verdict.verdict.rawValue) on \(verdict.version ?? "?") \(day(verdict.time))", role)
                }
                lines.append(detail)
                if let recovery = status.state?.recovery { lines.append(StyledLine("     recovery: " + recovery, .warn)) }
                if let interrupted = status.interrupted {
                    lines += TextFit.wrap("interrupted: " + interrupted.warning, to: max(1, width - 6)).map { StyledLine("     " + $0, .error) }
                }
                if index + 1 < statuses.count {
                    lines.append(difference(status, statuses[index + 1]))
                }
            }
            lines.append(StyledLine())
            if let running = panel.running {
                lines.append(StyledLine(" \(running.action) of \(running.environment) to \(running.target) running: "
                                        + EnvironmentsPanelState.clock(running.elapsedSeconds), .accent))
            } else if let outcome = panel.outcome {
                lines += TextFit.wrap(outcome.text, to: max(1, width - 2)).map { StyledLine(" " + $0, FooterBar.role(of: outcome.kind)) }
                lines += outputLines(panel.failureOutput, width: width)
            }
            if let status = panel.selectedStatus {
                lines.append(StyledLine(" " + hint(status), .muted))
            }
            return lines
        }
    }

    /// The arrow between two neighbours: what the next one would gain.
    static func difference(_ status: EnvironmentStatus, _ next: EnvironmentStatus) -> StyledLine {
        guard let version = status.version, let nextVersion = next.version else { return StyledLine("     │", .muted) }
        if version == nextVersion { return StyledLine("     │ same as \(next.name)", .muted) }
        if let promotable = next.promotable {
            return StyledLine("     │ \(next.name) is behind: \(nextVersion) → \(promotable) can be promoted", .ok)
        }
        return StyledLine("     │ \(next.name) runs \(nextVersion), \(status.name) runs \(version)", .muted)
    }

    static func hint(_ status: EnvironmentStatus) -> String {
        if status.settings.auto { return "\(status.name) is deployed by CI on every merge to main." }
        if !status.holds.isEmpty { return "h clears the hold on \(status.name); p promotes it." }
        return "p promotes \(status.name)\(status.promotable.map { " to \($0)" } ?? "")."
    }

    static func outputLines(_ output: String, width: Int) -> [StyledLine] {
        guard !output.isEmpty else { return [] }
        return [StyledLine(" backend output:", .muted)]
            + output.split(separator: "\n").suffix(6).map { StyledLine("   " + TextFit.truncate(String($0), to: max(1, width - 4)), .error) }
    }

    static func day(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: date)
    }
}
