import Foundation
import SlipwayKit

/// The Changes panel: commits since the last release grouped with counts, the selection, the filter.
/// Draws only the rows that fit, so a list of any length redraws in the same time.
public enum ChangesPanel {
    public static func render(_ state: ConsoleState, in area: Rect, into buffer: inout ScreenBuffer) {
        switch state.load {
        case .loading:
            // While git log streams: the newest commits as they came, grouped once the walk ends.
            let since = state.streamingBase.map { "since \($0)" } ?? "since the last release"
            let heading = state.streamingCommits.isEmpty ? "Reading the commits \(since)…"
                : "Reading the commits \(since)… the newest \(state.streamingCommits.count) so far:"
            buffer.write(heading, x: area.x + 1, y: area.y, role: .muted, limit: area.maxX)
            for (offset, commit) in state.streamingCommits.prefix(max(0, area.height - 1)).enumerated() {
                buffer.draw(commitLine(commit, marked: commit.override != nil, width: area.width), x: area.x, y: area.y + 1 + offset, limit: area.maxX)
            }
            return
        case .failed(let message):
            PanelText.draw(failure: "Could not read the repository:", message, in: area, into: &buffer)
            return
        case .loaded(let workspace):
            let proposal = workspace.proposal
            if proposal.commits.isEmpty {
                let since = proposal.baseTag?.name ?? "the start"
                buffer.write("No commits since \(since): nothing to release.", x: area.x + 1, y: area.y, role: .muted, limit: area.maxX)
                return
            }
            if state.rows.isEmpty {
                buffer.write("No commit matches the filter '\(state.filterText)'. \\ clears it.", x: area.x + 1, y: area.y,
                             role: .warn, limit: area.maxX)
                return
            }
            let visible = state.rows.indices.dropFirst(state.topRow).prefix(area.height)
            for (offset, index) in visible.enumerated() {
                let line = self.line(for: state.rows[index], in: proposal, width: area.width,
                                     overridden: state.overrides.commits)
                let y = area.y + offset
                buffer.draw(line, x: area.x, y: y, limit: area.maxX)
                if index == state.selectedRow {
                    buffer.restyle(Rect(x: area.x, y: y, width: area.width, height: 1), role: .selection)
                }
            }
        }
    }

    /// One row as styled text: pure, so the screen tests and the renderer agree.
    public static func line(for row: ChangeRow, in proposal: VersionProposal, width: Int,
                            overridden: [String: CommitOverride]) -> StyledLine {
        switch row {
        case .group(let group, let count):
            return StyledLine([(" \(group.title) (\(count))", role(of: group))])
        case .commit(let index):
            let commit = proposal.commits[index]
            return commitLine(commit, marked: commit.override != nil || overridden[commit.sha] != nil, width: width)
        }
    }

    /// sha, mark, subject (takes what is left), level; from 100 columns also author and date.
    static func commitLine(_ commit: ClassifiedCommit, marked: Bool, width: Int) -> StyledLine {
        var right = StyledLine("  " + TextFit.pad(commit.level == .none ? "—" : commit.level.name, to: 5), role(of: commit.level))
        if width >= 100 {
            right.append("  " + TextFit.pad(commit.commit.authorName, to: 16), .muted)
            right.append("  " + date(commit.commit.authorTime), .muted)
        }
        var line = StyledLine("   " + commit.commit.shortSHA + " ", .muted)
        line.append(marked ? "✎ " : "  ", .marked)
        let subjectWidth = max(0, width - DisplayWidth.of(line.plainText) - DisplayWidth.of(right.plainText))
        line.append(TextFit.pad(commit.subject, to: subjectWidth), .text)
        line.segments += right.segments
        return line
    }

    /// `2026-01-01`, in UTC so that every screen shows the same.
    public static func date(_ seconds: Int) -> String {
        var time = time_t(seconds)
        var parts = tm()
        gmtime_r(&time, &parts)
        return String(format: "%04d-%02d-%02d", Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1, Int(parts.tm_mday))
    }

    public static func role(of group: ChangeGroup) -> StyleRole {
        switch group {
        case .breaking: return .breaking
        case .features: return .feature
        case .fixes: return .fix
        case .other: return .accent
        case .notConventional: return .warn
        }
    }

    public static func role(of level: BumpLevel) -> StyleRole {
        switch level {
        case .major: return .breaking
        case .minor: return .feature
        case .patch: return .fix
        case .none: return .muted
        }
    }
}
