/// `/` in the lists that are not the commits: the command log, the help, the history and the hotfix board.
/// A fresh prompt each time, readline keys, Enter keeps the text, Esc clears it; the list shows what contains
/// it (case-insensitive).
extension ConsoleReducer {
    /// Where `/` finds: the open read-only overlay, or the hotfix board.
    static func findsHere(_ state: ConsoleState) -> Bool {
        switch state.overlay {
        case .help, .commandLog, .history: return true
        case nil:
            if state.panel == .environments { return state.environments.running == nil }
            return state.panel == .hotfixes && state.hotfixes.opened == nil && state.hotfixes.confirm == nil
        default: return false
        }
    }

    /// `nil` when `key` is not the find's.
    static func handleFind(_ key: Key, _ state: inout ConsoleState) -> [ConsoleEffect]? {
        if state.findEditing {
            switch key {
            case .enter: state.findEditing = false
            case .escape:
                state.findEditing = false
                state.find = ""
            default: editPrompt(&state.find, cursor: &state.promptCursor, with: key)
            }
            if state.overlay == nil, state.panel == .hotfixes { state.hotfixes.find = state.find }
            if state.overlay == nil, state.panel == .environments { state.environments.find = state.find }
            scrollFoundToTop(&state)
            return []
        }
        guard key == .character("/"), findsHere(state) else { return nil }
        state.find = ""
        state.findEditing = true
        state.promptCursor = nil
        return []
    }

    static func clearFind(_ state: inout ConsoleState) {
        state.find = ""
        state.findEditing = false
        state.hotfixes.find = ""
        state.environments.find = ""
    }

    /// A new text shows the list from its top (the old scroll may be past the end of what is left).
    static func scrollFoundToTop(_ state: inout ConsoleState) {
        switch state.overlay {
        case .help: state.overlay = .help(scroll: 0)
        case .commandLog: state.overlay = .commandLog(scroll: 0)
        case .history: state.overlay = .history(scroll: 0)
        default:
            if state.panel == .environments {
                // A selection the find hides goes to the first one left, so that p and v act on one that is shown.
                let shown = state.environments.shownIndices
                if let first = shown.first, !shown.contains(state.environments.selectedIndex ?? -1) { state.environments.selected = first }
            } else {
                state.hotfixes.selected = 0
                state.hotfixes.top = 0
            }
        }
    }

    /// `text` contains what is being found (always, when nothing is).
    static func found(_ text: String, _ find: String) -> Bool {
        find.isEmpty || text.lowercased().contains(find.lowercased())
    }
}
