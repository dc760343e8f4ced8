/// The bottom two rows: the status line (outcome of the last action, work in flight, the filter) and the
/// keys that work here.
public enum FooterBar {
    public static func render(_ state: ConsoleState, into buffer: inout ScreenBuffer) {
        let width = buffer.width
        let statusY = buffer.height - 2
        let footerY = buffer.height - 1
        var status = StyledLine()
        if state.overlay == .filterInput {
            status.append(" Filter: ", .accent)
            status.append(ConsoleReducer.withCursor(state.filterText, state.promptCursor), .input)
            status.append("  Enter keeps, Esc clears", .muted)
        } else if state.findEditing {
            status.append(" Find: ", .accent)
            status.append(ConsoleReducer.withCursor(state.find, state.promptCursor), .input)
            status.append("  Enter keeps, Esc clears", .muted)
        } else if let message = state.status {
            // Cut with an ellipsis and a way to read it whole.
            let room = max(1, width - (state.isBusy ? 24 : 0) - 1)
            let text = " " + message.text
            status.append(DisplayWidth.of(text) > room ? TextFit.truncate(text, to: max(1, room - 10)) + " M: all" : text, role(of: message.kind))
        } else if !state.filterText.isEmpty, state.panel == .changes {
            let count = state.shownCommitCount
            status.append(" filter '\(state.filterText)': \(count) commit(s)   \\ clears", .accent)
        } else if let proposal = state.proposal, state.panel == .changes {
            status.append(" \(proposal.commits.count) commit(s) in \(proposal.range)", .muted)
        }
        if state.isBusy {
            let labels = Array(Set(state.inFlight.map(\.label))).sorted().joined(separator: ", ")
            let text = " " + HeaderBar.spinner(state.spinnerFrame) + " " + labels + "… "
            let x = max(0, width - DisplayWidth.of(text))
            buffer.draw(status, x: 0, y: statusY, limit: x)
            buffer.write(text, x: x, y: statusY, role: .accent)
        } else {
            buffer.draw(status, x: 0, y: statusY, limit: width)
        }

        buffer.fill(Rect(x: 0, y: footerY, width: width, height: 1), role: .footer)
        for (hint, span) in hintSpans(state, width: width) {
            buffer.write(hint.key + " " + hint.text, x: span.lowerBound, y: footerY, role: .footer)
        }
    }

    /// The hints that fit on the last row and the columns each takes, for drawing and for a click.
    public static func hintSpans(_ state: ConsoleState, width: Int) -> [(hint: (key: String, text: String), span: Range<Int>)] {
        var spans: [(hint: (key: String, text: String), span: Range<Int>)] = []
        var x = 0
        for (index, hint) in hints(state).enumerated() {
            let gap = index == 0 ? 1 : 2
            let text = DisplayWidth.of(hint.key + " " + hint.text)
            if x + gap + text > width { break }
            spans.append((hint, (x + gap)..<(x + gap + text)))
            x += gap + text
        }
        return spans
    }

    static func role(of kind: StatusMessage.Kind) -> StyleRole {
        switch kind {
        case .info: return .text
        case .ok: return .ok
        case .warn: return .warn
        case .error: return .error
        }
    }

    /// The keys that work in the current context, most useful first.
    public static func hints(_ state: ConsoleState) -> [(key: String, text: String)] {
        if state.isTooSmall { return [("q", "quit")] }
        if state.findEditing { return [("Enter", "keep"), ("Esc", "clear"), ("C-u", "erase")] }
        switch state.overlay {
        case .help: return [("j/k", "scroll"), ("/", "find"), ("any other key", "closes")]
        case .palette: return [("type", "to search"), ("↑↓", "choose"), ("Enter", "run"), ("Esc", "close")]
        case .commandLog: return [("j/k", "choose"), ("Enter", "open"), ("/", "find"), ("g/G", "first/last"), ("Esc", "close")]
        case .commandEntry: return [("j/k", "scroll"), ("Esc", "back to the log")]
        case .history: return [("j/k", "scroll"), ("/", "find"), ("g/G", "top/end"), ("Esc", "close")]
        case .messages: return [("j/k", "scroll"), ("y", "copy the last"), ("g/G", "top/end"), ("Esc", "close")]
        case .commitDetail: return [("j/k", "scroll"), ("Esc", "close")]
        case .filterInput: return [("type", "text, type:feat, scope:api"), ("Enter", "keep"), ("Esc", "clear")]
        case .classify: return [("↑↓", "choose"), ("type", "the reason"), ("Enter", "save"), ("Esc", "cancel")]
        case .versionOverride: return [("↑↓", "choose"), ("Tab", "field"), ("type", "value/reason"), ("Enter", "save"), ("Esc", "cancel")]
        case .confirmWrite: return [("y", "write"), ("n", "cancel")]
        case .confirmRelease(let confirmation):
            return confirmation.dryRun ? [("Enter", "close (dry-run)"), ("Esc", "cancel")] : [("y", "run"), ("n", "cancel")]
        case .confirmEnvironment(let dialog):
            let choose: [(String, String)] = dialog.offered.count > 1 ? [("←/→", "version")] : []
            return choose + (dialog.needsName ? [("type", dialog.environment), ("Enter", "confirm"), ("Esc", "cancel")]
                             : [("y/Enter", "confirm"), ("n/Esc", "cancel")])
        case nil: break
        }
        if state.panel == .hotfixes, let confirm = state.hotfixes.confirm {
            let choose: [(String, String)] = confirm.request.action == .start && state.hotfixes.startChoices.count > 1 ? [("←/→", "release line")] : []
            return choose + [("y", "run"), ("n", "cancel")]
        }
        // Panel keys first, then help and quit, then the rest: what does not fit is cut from the end.
        var hints: [(key: String, text: String)] = []
        for binding in KeyBinding.bindings(on: state.panel) where binding.inFooter && binding.panels != nil {
            if binding.command == .writeReleaseFiles, state.releaseFiles == .unavailable { continue }
            if binding.command == (state.hotfixes.opened == nil ? .closeHotfix : .open) { continue }
            hints.append((binding.label, shortName(binding.command)))
            if binding.command == .classifyCommit, state.selectedCommit?.override != nil { hints.append(("x", "unclassify")) }
        }
        if state.panel == .release || state.panel == .approvals { hints += [("d", "dry-run"), ("r", "refresh")] }
        hints += [("?", "help"), ("q", "quit"), ("Tab", "panel"), ("L", "log"), (":", "commands")]
        if KeyBinding.lists.contains(state.panel) { hints.append(("j/k", "move")) }
        return hints
    }

    static func shortName(_ command: ConsoleCommand) -> String {
        switch command {
        case .open: return "open"
        case .filter: return "filter"
        case .classifyCommit: return "classify"
        case .overrideVersion: return "override"
        case .writeReleaseFiles: return "write"
        case .runNextStep: return "run next step"
        case .approveRelease: return "approve"
        case .promote: return "promote"
        case .rollback: return "roll back"
        case .clearHold: return "clear hold"
        case .verifyArtefacts, .verifyEnvironment: return "verify"
        case .notifyStakeholders: return "notify"
        case .hotfixStart: return "start"
        case .hotfixPrepare: return "prepare"
        case .hotfixApprove: return "approve"
        case .hotfixMerge: return "merge"
        case .hotfixTag: return "tag"
        case .hotfixBackport: return "backport"
        case .hotfixApproveBackport: return "approve backport"
        case .hotfixMergeBackport: return "merge backport"
        case .closeHotfix: return "board"
        case .nextPanel: return "panel"
        case .commandLog: return "log"
        case .palette: return "commands"
        case .help: return "help"
        case .quit: return "quit"
        default: return command.rawValue
        }
    }
}
