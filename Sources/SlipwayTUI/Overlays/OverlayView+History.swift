import Foundation
import SlipwayKit

/// The history overlay: one row per past release, then the audit trail, newest first.
extension OverlayView {
    /// With `find`, only the releases and audit entries whose line contains it (the headings stay).
    static func historyLines(_ history: HistoryLoad, width: Int, find: String = "") -> [StyledLine] {
        switch history {
        case .notLoaded, .loading:
            return [StyledLine(" Reading the tags, production's deployments and the audit trail…", .muted)]
        case .failed(let message):
            return [StyledLine(" Could not read the history:", .error)] + TextFit.wrap(message, to: max(10, width - 2)).map { StyledLine(" " + $0, .error) }
        case .loaded(let releases, let audit):
            let releases = releaseLines(releases, width: width), audit = auditLines(audit, width: width)
            let keep = { (lines: [StyledLine], heading: Int) in
                Array(lines.prefix(heading)) + lines.dropFirst(heading).filter { ConsoleReducer.found($0.plainText, find) }
            }
            return keep(releases, 2) + [StyledLine()] + keep(audit, 1)
        }
    }

    static func day(_ date: Date?) -> String {
        date.map { String(ISO8601DateFormatter().string(from: $0).prefix(10)) } ?? "?"
    }

    /// `VERSION TAGGED BY LEAD TIME ROLLED BACK`; the tagger and the rollbacks go first on a narrow screen.
    static func releaseLines(_ releases: [ReleaseHistoryEntry], width: Int) -> [StyledLine] {
        var lines = [StyledLine(" Releases (\(releases.count)): first commit to production", .title)]
        guard !releases.isEmpty else { return lines + [StyledLine("   no release tag yet", .muted)] }
        let wide = width >= 90
        var header = StyledLine(" " + TextFit.pad("VERSION", to: 10) + TextFit.pad("TAGGED", to: 12), .muted)
        if wide { header.append(TextFit.pad("BY", to: 18), .muted) }
        header.append(TextFit.pad("IN PRODUCTION", to: 15) + TextFit.pad("LEAD TIME", to: 11) + (width >= 60 ? "ROLLED BACK" : "ROLLBACK"), .muted)
        lines.append(header)
        for release in releases {
            var line = StyledLine(" " + TextFit.pad(release.version.description, to: 10), .accent)
            line.append(TextFit.pad(day(release.taggedAt), to: 12), .text)
            if wide { line.append(TextFit.pad(release.taggedBy ?? "?", to: 17) + " ", .muted) }
            line.append(TextFit.pad(release.inProductionAt == nil ? "not yet" : day(release.inProductionAt), to: 15),
                        release.inProductionAt == nil ? .muted : .text)
            line.append(TextFit.pad(release.leadTimeSeconds.map(ReleaseHistory.duration) ?? "—", to: 11), .text)
            line.append(release.rolledBackIn.isEmpty ? "no" : "yes: " + release.rolledBackIn.joined(separator: ", "),
                        release.rolledBackIn.isEmpty ? .muted : .warn)
            lines.append(line)
        }
        return lines
    }

    /// The audit trail, newest first: time, outcome, action, version → environment, who.
    static func auditLines(_ audit: [AuditEntry], width: Int) -> [StyledLine] {
        var lines = [StyledLine(" Audit trail (\(audit.count)), newest first", .title)]
        guard !audit.isEmpty else { return lines + [StyledLine("   nothing recorded yet", .muted)] }
        let time = ISO8601DateFormatter()
        for entry in audit.reversed() {
            let role: StyleRole = entry.outcome == "ok" ? .ok : entry.outcome == "failed" ? .error : entry.outcome == "refused" ? .warn : .muted
            var what = entry.action + (entry.version.map { " " + $0 } ?? "") + (entry.target.map { " → " + $0 } ?? "")
            what += "  by " + HotfixesPanel.name(of: entry.identity)
            let stamp = String(time.string(from: entry.time).prefix(16)).replacingOccurrences(of: "T", with: " ")
            lines.append(StyledLine([(" " + stamp + "  ", .muted), (TextFit.pad(entry.outcome, to: 8), role),
                                     (TextFit.truncate(what, to: max(10, width - 27)), .text)]))
        }
        return lines
    }
}
