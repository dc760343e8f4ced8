import Foundation
import SlipwayKit

/// The Hotfixes panel: the leads' board sorted by what needs attention and, after Enter, one hotfix with its
/// commits (on main or not), its state and the actions that apply; the confirm dialog of an action on top.
public enum HotfixesPanel {
    /// Lines above the board's rows (the column titles).
    static let headerLines = 1
    /// Lines below them (the selected hotfix's next step).
    static let footerLines = 3

    public static func render(_ state: ConsoleState, in area: Rect, into buffer: inout ScreenBuffer) {
        let hotfixes = state.hotfixes
        if hotfixes.opened != nil, let row = hotfixes.current {
            let lines = detailLines(row, state: hotfixes, now: hotfixes.board?.now, width: area.width)
            let scroll = min(hotfixes.detailScroll, max(0, lines.count - area.height))
            for (offset, line) in lines.dropFirst(scroll).prefix(area.height).enumerated() {
                buffer.draw(line, x: area.x, y: area.y + offset, limit: area.maxX)
            }
        } else {
            renderBoard(state, in: area, into: &buffer)
        }
        if let confirm = hotfixes.confirm {
            OverlayView.box(confirmLines(confirm, choices: state.hotfixes.startChoices, dryRun: state.dryRun, width: min(area.width, 100) - 2),
                            title: "Confirm: \(confirm.request.commandLine)", width: 100, in: area, scroll: 0, into: &buffer)
        }
    }

    static func renderBoard(_ state: ConsoleState, in area: Rect, into buffer: inout ScreenBuffer) {
        let hotfixes = state.hotfixes
        switch hotfixes.load {
        case .notLoaded, .loading:
            buffer.write("Reading the hotfixes (fetching from the remote)…", x: area.x + 1, y: area.y, role: .muted, limit: area.maxX)
            return
        case .failed(let message):
            PanelText.draw(failure: "Could not read the hotfixes:", message, in: area, into: &buffer)
            return
        case .loaded(let board):
            guard !board.rows.isEmpty else {
                buffer.write("No hotfixes. s starts one from the latest release tag.", x: area.x + 1, y: area.y, role: .muted, limit: area.maxX)
                return
            }
            guard !hotfixes.rows.isEmpty else {
                buffer.write("No hotfix of \(board.rows.count) has '\(hotfixes.find)'. / then Esc shows them all.", x: area.x + 1, y: area.y,
                             role: .warn, limit: area.maxX)
                return
            }
            buffer.draw(headerLine(width: area.width), x: area.x, y: area.y, limit: area.maxX)
            let page = max(1, area.height - headerLines - footerLines)
            let rows = hotfixes.rows
            for (offset, index) in rows.indices.dropFirst(hotfixes.top).prefix(page).enumerated() {
                let y = area.y + headerLines + offset
                buffer.draw(line(for: rows[index], now: board.now, width: area.width), x: area.x, y: y, limit: area.maxX)
                if index == hotfixes.selected {
                    buffer.restyle(Rect(x: area.x, y: y, width: area.width, height: 1), role: .selection)
                }
            }
            if let row = hotfixes.current {
                let shown = min(page, rows.count - hotfixes.top)
                let y = area.y + headerLines + shown + 1
                var text = "\(row.version) next: \(KeyHints.keyed(row.next))"
                if !hotfixes.find.isEmpty { text = "\(rows.count) of \(board.rows.count) with '\(hotfixes.find)'. " + text }
                let next = TextFit.wrap(text, to: max(1, area.width - 2))
                for (offset, text) in next.prefix(max(0, area.maxY - y)).prefix(footerLines - 1).enumerated() {
                    buffer.write(" " + text, x: area.x, y: y + offset, role: .muted, limit: area.maxX)
                }
            }
        }
    }

    /// One column of the board; `drop` orders which go first when the screen is narrow (1 first, 0 never).
    struct Column {
        let id: String
        let title: String
        let width: Int
        let drop: Int
    }

    /// The board's columns at `width`: from 100 columns wider cells and the attention state; below 80 the
    /// columns a lead needs least (base, age, published, backported) are dropped, in that order, until it fits.
    static func columns(width: Int) -> [Column] {
        if width >= 100 {
            return [Column(id: "mark", title: "", width: 2, drop: 0), Column(id: "version", title: "VERSION", width: 9, drop: 0),
                    Column(id: "base", title: "BASE", width: 9, drop: 1), Column(id: "patch", title: "PATCH", width: 11, drop: 0),
                    Column(id: "lead", title: "LEAD APPROVAL", width: 20, drop: 0), Column(id: "merged", title: "MERGED", width: 8, drop: 0),
                    Column(id: "tagged", title: "TAGGED", width: 8, drop: 0), Column(id: "published", title: "PUBLISHED", width: 11, drop: 3),
                    Column(id: "backported", title: "BACKPORTED", width: 16, drop: 4), Column(id: "age", title: "AGE", width: 5, drop: 2),
                    Column(id: "needs", title: "NEEDS", width: max(0, width - 99), drop: 0)]
        }
        var columns = [Column(id: "mark", title: "", width: 2, drop: 0), Column(id: "version", title: "VERSION", width: 8, drop: 0),
                       Column(id: "base", title: "BASE", width: 8, drop: 1), Column(id: "patch", title: "PATCH", width: 9, drop: 0),
                       Column(id: "lead", title: "LEAD", width: 11, drop: 0), Column(id: "merged", title: "MERGED", width: 7, drop: 0),
                       Column(id: "tagged", title: "TAGGED", width: 7, drop: 0), Column(id: "published", title: "PUBLISHED", width: 10, drop: 3),
                       Column(id: "backported", title: "BACKPORTED", width: 13, drop: 4), Column(id: "age", title: "AGE", width: 5, drop: 2)]
        for rank in 1...4 where columns.reduce(0, { $0 + $1.width }) > width {
            columns.removeAll { $0.drop == rank }
        }
        return columns
    }

    public static func headerLine(width: Int) -> StyledLine {
        StyledLine(columns(width: width).map { (TextFit.pad($0.title, to: $0.width), StyleRole.title) })
    }

    /// One hotfix on the board: pure, so that the screen tests and the renderer agree.
    public static func line(for row: HotfixBoardRow, now: Date, width: Int) -> StyledLine {
        let wide = width >= 100
        let lead: (String, StyleRole) = row.techLeadApproval.map { ("✓ " + name(of: $0), .ok) }
            ?? (row.prepared && !row.tagged ? ("needed", .warn) : ("—", .muted))
        let backported: (String, StyleRole) = row.commits.isEmpty ? ("—", .muted) : row.backported ? ("yes", .ok)
            : (row.missingOnMain.map { ("no (\($0) " + (wide ? "missing)" : "miss)"), .warn) } ?? ("?", .muted))
        let cells: [String: (String, StyleRole)] = [
            "mark": marker(row.attention),
            "version": (row.version.description, .accent),
            "base": (row.baseTag ?? "?", .text),
            "patch": (row.patchOnly, row.patchOnly == "ok" ? .ok : (row.patchOnly == "overridden" ? .marked : .error)),
            "lead": lead,
            "merged": (row.merged ? "yes" : "no", row.merged ? .ok : .muted),
            "tagged": (row.tagged ? "yes" : "no", row.tagged ? .ok : .muted),
            "published": (row.published, row.published == "done" ? .ok : (row.published == "failed" ? .error : .muted)),
            "backported": backported,
            "age": (HotfixBoardRow.ageText(row.age(now: now)), .muted),
            "needs": (row.attention.key, role(of: row.attention)),
        ]
        // A cut cell ends in an ellipsis and keeps the space before the next column.
        return StyledLine(columns(width: width).map { column in
            let (text, role) = cells[column.id] ?? ("", .text)
            let fitted = column.id == "needs" || column.width < 2 ? TextFit.pad(text, to: column.width)
                : TextFit.pad(text, to: column.width - 1) + " "
            return (fitted, role)
        })
    }

    static func marker(_ attention: HotfixBoardRow.Attention) -> (String, StyleRole) {
        switch attention {
        case .problem, .notPatchOnly: return ("!", .error)
        case .awaitingLeadApproval, .readyToMerge, .readyToTag, .notBackported: return ("•", .warn)
        case .inProgress: return ("·", .muted)
        case .done: return ("✓", .ok)
        }
    }

    static func role(of attention: HotfixBoardRow.Attention) -> StyleRole {
        switch attention {
        case .problem, .notPatchOnly: return .error
        case .awaitingLeadApproval, .readyToMerge, .readyToTag, .notBackported: return .warn
        case .inProgress: return .muted
        case .done: return .ok
        }
    }

    /// `Lin Lead` from `Lin Lead <lead@acme.example>`.
    static func name(of identity: String) -> String {
        guard let open = identity.firstIndex(of: "<"), open > identity.startIndex else { return identity }
        return String(identity[..<open]).trimmingCharacters(in: .whitespaces)
    }

    // Long because a hotfix's detail is drawn top to bottom: base, commits, checks, approvals, state.
    /// One hotfix, top to bottom: its state, commits and actions, and a backport conflict's files.
    public static func detailLines(_ row: HotfixBoardRow, state: HotfixPanelState, now: Date?, width: Int) -> [StyledLine] {
        let label = { (text: String) in TextFit.pad(" " + text, to: 13) }
        let room = max(1, width - 14)
        var lines: [StyledLine] = []
        lines.append(StyledLine([(" Hotfix ", .title), (row.version.description, .accent), ("  " + row.attention.key, role(of: row.attention))]))
        let branch = row.branch.map { "\($0) (open)" } ?? "hotfix/\(row.tag) (gone)"
        lines.append(StyledLine([(label("Branch"), .muted), ("\(branch) from \(row.baseTag ?? "an unknown tag")", .text)]))
        var patch = StyledLine([(label("PATCH only"), .muted), (row.patchOnly, row.patchOnly == "ok" ? .ok : .error)])
        if let reason = row.overrideReason { patch.append("  override: " + reason, .marked) }
        lines.append(patch)
        for flagged in row.flaggedCommits {
            lines += TextFit.wrap(flagged, to: room).map { StyledLine(String(repeating: " ", count: 13) + $0, .error) }
        }
        lines.append(StyledLine([(label("Tech lead"), .muted),
                                 row.techLeadApproval.map { ($0, .ok) } ?? (row.tagged ? ("not recorded", .muted) : ("no approval yet", .warn))]))
        if !row.otherApprovals.isEmpty {
            lines.append(StyledLine([(label("Others"), .muted), (TextFit.truncate(row.otherApprovals.joined(separator: ", "), to: room), .text)]))
        }
        lines.append(StyledLine([(label("Merged"), .muted), (row.merged ? "yes" : "no", row.merged ? .ok : .text),
                                 ("   Tagged ", .muted), (row.tagged ? row.tag : "no", row.tagged ? .ok : .text),
                                 ("   Published ", .muted), (row.published, row.published == "failed" ? .error : .text)]))
        let missing = row.missingOnMain.map { "main lacks \($0) of \(row.commitCount) commit(s)" } ?? "cannot tell"
        let backportBranch = "backport/\(row.tag)"
        lines.append(StyledLine([(label("Backported"), .muted), (row.backported ? "yes" : "no: " + missing, row.backported ? .ok : .warn)]))
        let onMain = "CHANGELOG on main: \(row.changelogOnMain ? "yes" : "no") · \(backportBranch): \(row.backportBranchOpen ? "pushed" : "not pushed")"
        lines += TextFit.wrap(onMain, to: room).map { StyledLine([(label(""), .muted), ($0, .muted)]) }
        lines.append(StyledLine([(label("Age"), .muted), (HotfixBoardRow.ageText(now.flatMap { row.age(now: $0) }), .text)]))
        for (index, text) in TextFit.wrap(KeyHints.keyed(row.next), to: room).enumerated() {
            lines.append(StyledLine([(label(index == 0 ? "Next" : ""), .muted), (text, .accent)]))
        }
        for problem in row.problems {
            lines += TextFit.wrap(problem, to: room).enumerated().map { StyledLine([(label($0.offset == 0 ? "Problem" : ""), .muted), ($0.element, .error)]) }
        }

        if let conflict = state.conflict, conflict.version == row.version {
            lines.append(StyledLine())
            lines.append(StyledLine(" Backport conflict in \(conflict.files.count) file(s):", .error))
            lines += conflict.files.map { StyledLine("   " + $0, .error) }
            lines.append(StyledLine(" backport/\(row.tag) is checked out mid-cherry-pick (main is unchanged); to finish:", .muted))
            for step in conflict.message.split(separator: "\n") {
                lines += TextFit.wrap(String(step), to: max(1, width - 5)).map { StyledLine("   $ " + $0, .accent) }
            }
        }

        lines.append(StyledLine())
        lines.append(StyledLine(" Commits (\(row.commitCount))", .title))
        if row.commits.isEmpty { lines.append(StyledLine("   none yet: commit the fix with its test on the hotfix branch", .muted)) }
        let onMainWidth = width >= 100 ? 44 : 24
        for commit in row.commits {
            var line = StyledLine("   " + String(commit.sha.prefix(7)) + "  ", .muted)
            line.append(TextFit.pad(commit.subject, to: max(1, width - 12 - onMainWidth)), .text)
            line.append(" " + TextFit.truncate(commit.onMain.map { "on main: " + $0 } ?? "not on main", to: onMainWidth - 1),
                        commit.onMain == nil ? .warn : .ok)
            lines.append(line)
        }

        lines.append(StyledLine())
        lines.append(StyledLine(" Actions (each asks first, listing the commands)", .title))
        let actions = HotfixAction.applying(to: row)
        if actions.isEmpty { lines.append(StyledLine("   nothing to do on this hotfix now", .muted)) }
        let nameWidth = max(10, (actions + [.start]).map { $0.rawValue.count + 1 }.max() ?? 10)
        for action in actions + [.start] {
            if action == .approve, let refusal = state.board?.approvalRefusal(row) {
                lines.append(StyledLine([("   " + String(action.key) + "  ", .muted), (TextFit.pad(action.rawValue, to: nameWidth), .muted),
                                         (TextFit.truncate("disabled: " + refusal, to: max(1, width - 6 - nameWidth)), .warn)]))
                continue
            }
            let title = action == .backport ? action.title + row.tag : action.title
            lines.append(StyledLine([("   " + String(action.key) + "  ", .key), (TextFit.pad(action.rawValue, to: nameWidth), .text), (title, .muted)]))
        }
        return lines
    }

    /// The confirm dialog: the commands the action runs (its dry run), and y/n.
    public static func confirmLines(_ confirm: HotfixPanelState.Confirm, choices: [HotfixRequest] = [], dryRun: Bool, width: Int) -> [StyledLine] {
        var lines = [StyledLine(" \(confirm.request.action.rawValue.capitalized) \(confirm.request.version.map { "hotfix \($0)" } ?? "a hotfix")? It runs:", .text)]
        if confirm.request.action == .start, choices.count > 1,
           let index = choices.firstIndex(where: { $0.from == confirm.request.from }) {
            let names = choices.map { $0.from ?? "?" }
            lines[0] = StyledLine(" Start hotfix \(confirm.request.version.map(\.description) ?? "?") from \(confirm.request.from ?? "?")? It runs:", .text)
            lines.insert(StyledLine([(" ←/→ ", .key), (TextFit.truncate("another release line (\(index + 1) of \(choices.count): \(names.joined(separator: ", ")))", to: max(1, width - 6)), .muted)]), at: 1)
        }
        if confirm.commands.isEmpty { lines.append(StyledLine("   no command: " + confirm.message, .muted)) }
        for command in confirm.commands {
            for (index, part) in TextFit.wrap(command, to: max(1, width - 6)).enumerated() {
                lines.append(StyledLine((index == 0 ? "   $ " : "     ") + part, .accent))
            }
        }
        lines.append(StyledLine())
        lines.append(StyledLine(dryRun ? " dry-run is on: nothing will run (d turns it off)" : " y runs it in the background, n cancels",
                                dryRun ? .warn : .muted))
        return lines
    }
}
