import Foundation
import SlipwayKit

/// The Approvals panel: the release PR (or the release branch on the local forge), required against given
/// approvals, each reviewer with state and time (stale ones and the author's own marked), and the checks.
public enum ApprovalsPanel {
    public static func render(_ state: ConsoleState, in area: Rect, into buffer: inout ScreenBuffer) {
        let lines = self.lines(state, width: area.width)
        let scroll = min(state.release.approvalsScroll, max(0, lines.count - area.height))
        for (offset, line) in lines.dropFirst(scroll).prefix(area.height).enumerated() {
            buffer.draw(line, x: area.x, y: area.y + offset, limit: area.maxX)
        }
    }

    // Long because the panel is drawn top to bottom as it reads: the PR, each review, the rules.
    /// The panel's text, top to bottom: pure.
    public static func lines(_ state: ConsoleState, width: Int) -> [StyledLine] {
        switch state.release.load {
        case .notLoaded, .loading:
            return [StyledLine(" Reading the release PR and its approvals…", .muted)]
        case .failed(let message):
            return PanelText.failure("Could not read the release:", message, width: width, retry: true)
        case .loaded(let snapshot):
            return lines(snapshot, forge: state.workspace?.forge, width: width)
        }
    }

    static func lines(_ snapshot: ReleaseSnapshot, forge: String?, width: Int) -> [StyledLine] {
        let status = snapshot.status
        let label = { (text: String) in TextFit.pad(" " + text, to: 13) }
        var lines: [StyledLine] = []
        guard let pullRequest = status.pullRequest else {
            lines.append(StyledLine(" No release PR yet.", .title))
            if let step = status.state(of: .pullRequest) {
                let text = step.detail + (step.fix.map { "; " + $0 } ?? "")
                lines += TextFit.wrap(text, to: max(1, width - 2)).map { StyledLine(" " + $0, .muted) }
            }
            lines.append(StyledLine())
            lines.append(StyledLine([(label("Required"), .muted), ("\(status.requiredApprovals) approval(s)", .text)]))
            lines += identityLines(snapshot, pullRequest: nil, width: width)
            return lines
        }
        let local = forge == "local"
        var title = StyledLine(label("Release PR"), .muted)
        if let number = pullRequest.number { title.append("#\(number) ", .accent) }
        title.append("\(status.branch ?? "release branch") → \(status.base)", .text)
        if local, pullRequest.number == nil { title.append("  (local forge: the pushed branch)", .muted) }
        lines.append(title)
        if let url = pullRequest.url, !local || pullRequest.number != nil {
            lines.append(StyledLine([(label("URL"), .muted), (url, .accent)]))
        }
        var stateLine = StyledLine([(label("State"), .muted), (pullRequest.state.rawValue, role(of: pullRequest.state))])
        stateLine.append("   head ", .muted)
        stateLine.append(String(pullRequest.headSHA.prefix(12)), .text)
        if let mergeable = pullRequest.mergeable { stateLine.append(mergeable ? "   mergeable" : "   conflicts", mergeable ? .ok : .error) }
        lines.append(stateLine)
        lines.append(StyledLine([(label("Author"), .muted), (pullRequest.author, .text)]))
        let given = pullRequest.countingApprovals
        let required = status.requiredApprovals
        var approvals = StyledLine([(label("Approvals"), .muted), ("\(given) of \(required)", given >= required ? .ok : .warn)])
        approvals.append(given >= required ? "  enough to merge" : "  \(required - given) more needed to merge", given >= required ? .ok : .warn)
        lines.append(approvals)
        lines.append(StyledLine())

        lines.append(StyledLine(" Reviews", .title))
        if pullRequest.reviews.isEmpty {
            lines.append(StyledLine("   No review yet.", .muted))
        }
        for review in pullRequest.reviews {
            let (mark, markRole) = self.mark(review)
            var line = StyledLine([("   " + mark + " ", markRole)])
            let who = review.name.isEmpty || review.name == review.reviewer ? review.reviewer : "\(review.name) <\(review.reviewer)>"
            line.append(TextFit.pad(TextFit.truncate(who, to: 36), to: 37), .text)
            line.append(TextFit.pad(review.state.rawValue, to: 18), review.state == .approved ? .ok : .warn)
            line.append(review.time.map(Self.time) ?? "", .muted)
            lines.append(line)
            var notes: [String] = []
            if review.isAuthor { notes.append("the author's own: does not count") }
            if review.stale { notes.append("stale: given before the last push") }
            if !notes.isEmpty { lines.append(StyledLine("       " + notes.joined(separator: "; "), .warn)) }
        }
        lines.append(StyledLine())
        lines.append(StyledLine(" Checks", .title))
        if pullRequest.checks.isEmpty {
            lines.append(StyledLine(local ? "   None: the local forge runs no checks." : "   No check reported.", .muted))
        }
        for check in pullRequest.checks {
            let (mark, markRole): (String, StyleRole) = check.failed ? ("✗", .error) : check.finished ? (check.succeeded ? "✓" : "·", check.succeeded ? .ok : .muted) : ("…", .warn)
            var line = StyledLine([("   " + mark + " ", markRole), (TextFit.pad(TextFit.truncate(check.name, to: 36), to: 37), .text)])
            line.append(check.conclusion.isEmpty ? check.status : check.conclusion, markRole)
            lines.append(line)
        }
        lines.append(StyledLine())
        lines += identityLines(snapshot, pullRequest: pullRequest, width: width)
        return lines
    }

    /// Who `a` approves as, and whether that approval would count.
    static func identityLines(_ snapshot: ReleaseSnapshot, pullRequest: PullRequestState?, width: Int) -> [StyledLine] {
        guard let identity = snapshot.identity else {
            return [StyledLine(" No git identity is set (user.name, user.email): approving needs one.", .warn)]
        }
        let line = StyledLine([(" You are ", .muted), (identity.description, .text)])
        guard let pullRequest, pullRequest.state == .open else { return [line] }
        let (note, role): (String, StyleRole)
        if pullRequest.author.lowercased() == identity.email.lowercased() {
            (note, role) = ("You wrote the release commit, so your approval would not count: another reviewer approves.", .warn)
        } else if pullRequest.reviews.contains(where: { $0.reviewer.lowercased() == identity.email.lowercased() && $0.counts }) {
            (note, role) = ("You have approved.", .ok)
        } else {
            (note, role) = ("a approves as you (after a confirm).", .key)
        }
        return [line] + TextFit.wrap(note, to: max(1, width - 2)).map { StyledLine(" " + $0, role) }
    }

    static func mark(_ review: ReviewApproval) -> (String, StyleRole) {
        if review.counts { return ("✓", .ok) }
        switch review.state {
        case .approved: return ("○", .muted)
        case .changesRequested: return ("✗", .error)
        case .commented, .dismissed: return ("·", .muted)
        }
    }

    static func role(of state: PullRequestState.State) -> StyleRole {
        switch state {
        case .open: return .accent
        case .merged: return .ok
        case .closed: return .error
        }
    }

    /// `2026-11-26 08:30 UTC`: the same in every time zone, so screens compare.
    static func time(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm 'UTC'"
        return formatter.string(from: date)
    }
}
