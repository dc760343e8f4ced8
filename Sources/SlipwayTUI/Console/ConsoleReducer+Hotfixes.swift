import SlipwayKit

/// The Hotfixes panel's part of the reducer: the board, Enter into one hotfix, and each action's dry run →
/// confirm → run → reload.
extension ConsoleReducer {
    static func reduceHotfix(_ result: HotfixResult, _ state: inout ConsoleState) -> [ConsoleEffect] {
        switch result {
        case .boardLoaded(let board):
            finish(.readingHotfixes, &state)
            let previous = state.hotfixes.rows.indices.contains(state.hotfixes.selected) ? state.hotfixes.rows[state.hotfixes.selected].version : nil
            state.hotfixes.load = .loaded(board)
            if let previous, let index = board.rows.firstIndex(where: { $0.version == previous }) {
                state.hotfixes.selected = index
            } else {
                state.hotfixes.selected = min(state.hotfixes.selected, max(0, board.rows.count - 1))
            }
            if let opened = state.hotfixes.opened, !board.rows.contains(where: { $0.version == opened }) { state.hotfixes.opened = nil }
            keepHotfixVisible(&state)
            if let warning = board.warnings.first, state.status == nil { state.status = StatusMessage("hotfix board: " + warning, .warn) }
        case .boardFailed(let message):
            finish(.readingHotfixes, &state)
            state.hotfixes.load = .failed(message)
            state.status = StatusMessage("the hotfix board could not be read: " + message, .error)
        case .planned(let request, let commands, let message):
            finish(.planningHotfix, &state)
            state.hotfixes.confirm = HotfixPanelState.Confirm(request: request, commands: commands, message: message)
            state.status = StatusMessage("\(request.label): y runs it, n cancels", .info)
        case .planFailed(let request, let message):
            finish(.planningHotfix, &state)
            state.status = StatusMessage("\(request.label): \(message)", .error)
        case .done(let request, let message):
            finish(.runningHotfix, &state)
            if state.hotfixes.conflict?.version == request.version, request.action == .backport { state.hotfixes.conflict = nil }
            state.status = StatusMessage(message, .ok)
            return refresh(after: .hotfixAction(request.action), &state)
        case .failed(let request, let message, let files):
            finish(.runningHotfix, &state)
            if request.action == .backport, let version = request.version, !files.isEmpty {
                state.hotfixes.conflict = HotfixPanelState.Conflict(version: version, message: message, files: files)
                state.hotfixes.opened = version
                state.hotfixes.detailScroll = 0
                state.status = StatusMessage("backport \(version) conflicts in \(files.count) file(s): see the hotfix", .error)
            } else {
                state.status = StatusMessage("\(request.label): \(message)", .error)
            }
            return refresh(after: .hotfixAction(request.action), &state)
        }
        return []
    }

    /// Reads the board unless it is being read.
    static func loadHotfixBoard(_ state: inout ConsoleState) -> [ConsoleEffect] {
        guard !state.inFlight.contains(.readingHotfixes) else { return [] }
        if state.hotfixes.board == nil { state.hotfixes.load = .loading }
        begin(.readingHotfixes, &state)
        return [.hotfixes(.loadBoard)]
    }

    /// On showing the panel: the board, once.
    static func hotfixBoardIfShown(_ state: inout ConsoleState) -> [ConsoleEffect] {
        guard state.panel == .hotfixes, case .notLoaded = state.hotfixes.load else { return [] }
        return loadHotfixBoard(&state)
    }

    /// The y/n of the confirm dialog; `nil` when no confirm is open.
    static func handleHotfixConfirm(_ key: Key, _ state: inout ConsoleState) -> [ConsoleEffect]? {
        guard state.panel == .hotfixes, let confirm = state.hotfixes.confirm else { return nil }
        switch key {
        case .character("y"), .enter:
            state.hotfixes.confirm = nil
            if state.dryRun {
                state.status = StatusMessage("dry-run: would run \(confirm.request.label) (\(confirm.commands.count) command(s))", .warn)
                return []
            }
            begin(.runningHotfix, &state)
            state.status = StatusMessage("running \(confirm.request.label)…", .info)
            return [.hotfixes(.run(confirm.request))]
        case .left, .right, .up, .down:
            // A start chooses its release line; the dry run of the new choice replaces the confirm.
            let choices = state.hotfixes.startChoices
            guard confirm.request.action == .start, choices.count > 1,
                  let index = choices.firstIndex(where: { $0.from == confirm.request.from }) else { return [] }
            let step = key == .left || key == .up ? -1 : 1
            let next = choices[(index + step + choices.count) % choices.count]
            state.hotfixes.confirm = nil
            begin(.planningHotfix, &state)
            state.status = StatusMessage("working out the commands of \(next.label)…", .info)
            return [.hotfixes(.plan(next))]
        case .character("n"), .escape, .character("q"):
            state.hotfixes.confirm = nil
            state.status = StatusMessage("\(confirm.request.label) cancelled: nothing ran", .info)
        default:
            break
        }
        return []
    }

    /// `s`, `p`, `a`, `m`, `t`, `b`: asks for the action's dry run, which opens the confirm dialog.
    static func requestHotfix(_ action: HotfixAction, _ state: inout ConsoleState) -> [ConsoleEffect] {
        if state.panel != .hotfixes { _ = show(.hotfixes, &state) }
        guard state.hotfixes.board != nil else {
            state.status = StatusMessage("the hotfix board is still loading", .info)
            return []
        }
        guard !state.inFlight.contains(.runningHotfix), !state.inFlight.contains(.planningHotfix) else {
            state.status = StatusMessage("a hotfix action is already running", .warn)
            return []
        }
        state.hotfixes.startChoices = action == .start ? HotfixRequest.starts(base: state.proposal?.baseTag, board: state.hotfixes.board) : []
        var request = state.hotfixes.startChoices.first ?? HotfixRequest.start(base: state.proposal?.baseTag, board: state.hotfixes.rows)
        if action != .start {
            guard let row = state.hotfixes.current else {
                state.status = StatusMessage("select a hotfix first", .info)
                return []
            }
            guard HotfixAction.applying(to: row).contains(action) else {
                state.status = StatusMessage("\(action.rawValue) does not apply to \(row.version) now (\(row.attention.key)): \(row.next)", .warn)
                return []
            }
            if action == .approve, let refusal = state.hotfixes.board?.approvalRefusal(row) {
                state.status = StatusMessage(refusal, .warn)
                return []
            }
            request = HotfixRequest(action, version: row.version)
        }
        begin(.planningHotfix, &state)
        state.status = StatusMessage("working out the commands of \(request.label)…", .info)
        return [.hotfixes(.plan(request))]
    }

    static func openHotfix(_ state: inout ConsoleState) {
        guard state.hotfixes.opened == nil else { return }
        guard state.hotfixes.rows.indices.contains(state.hotfixes.selected) else {
            state.status = StatusMessage("no hotfix selected", .info)
            return
        }
        state.hotfixes.opened = state.hotfixes.rows[state.hotfixes.selected].version
        state.hotfixes.detailScroll = 0
    }

    static func closeHotfix(_ state: inout ConsoleState) {
        state.hotfixes.opened = nil
    }

    static func moveHotfix(by delta: Int, _ state: inout ConsoleState) {
        if state.hotfixes.opened != nil {
            state.hotfixes.detailScroll = max(0, min(state.hotfixes.detailScroll + delta, 1_000))
            return
        }
        let count = state.hotfixes.rows.count
        guard count > 0 else { return }
        let target = Int(clamping: Int64(state.hotfixes.selected) + Int64(delta))
        state.hotfixes.selected = min(count - 1, max(0, target))
        keepHotfixVisible(&state)
    }

    /// The board's rows below its heading line.
    static func keepHotfixVisible(_ state: inout ConsoleState) {
        let page = max(1, state.bodyHeight - HotfixesPanel.headerLines - HotfixesPanel.footerLines)
        let selected = state.hotfixes.selected
        if selected < state.hotfixes.top { state.hotfixes.top = selected }
        if selected >= state.hotfixes.top + page { state.hotfixes.top = selected - page + 1 }
        state.hotfixes.top = max(0, min(state.hotfixes.top, max(0, state.hotfixes.rows.count - page)))
    }
}
