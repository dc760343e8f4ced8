/// The mouse: a click on a tab shows its panel, on a footer hint presses its key, on a row selects it; the
/// wheel scrolls what is under the keys (three lines a notch).
extension ConsoleReducer {
    /// `nil` when `key` is not the mouse's.
    static func handleMouse(_ key: Key, _ state: inout ConsoleState) -> [ConsoleEffect]? {
        switch key {
        case .wheelUp, .wheelDown:
            // In a dialog the arrows choose; the wheel only scrolls what reads.
            if let overlay = state.overlay, !scrolls(overlay) { return [] }
            let step: Key = key == .wheelUp ? .up : .down
            return (0..<3).flatMap { _ in handle(step, &state) }
        case .click(let x, let y):
            if y == state.height - 1, let hint = FooterBar.hintSpans(state, width: state.width).first(where: { $0.span.contains(x) })?.hint {
                return keyOf(hint: hint.key).map { handle($0, &state) } ?? []
            }
            guard state.overlay == nil, !state.isTooSmall else { return [] }
            if y == 1, let panel = HeaderBar.tabSpans(width: state.width).first(where: { $0.span.contains(x) })?.panel {
                return show(panel, &state)
            }
            if y >= 2, y < 2 + state.bodyHeight { selectRow(atBodyLine: y - 2, &state) }
            return []
        default:
            return nil
        }
    }

    static func scrolls(_ overlay: Overlay) -> Bool {
        switch overlay {
        case .help, .commandLog, .commandEntry, .messages, .history, .commitDetail: return true
        default: return false
        }
    }

    /// The key a footer hint names (`Enter`, `Esc`, `Tab`, `y`, the first of `a/Enter`); `nil` for `j/k`, `←/→`, `type`.
    static func keyOf(hint: String) -> Key? {
        let first = String(hint.split(separator: "/").first ?? "")
        switch first {
        case "Enter": return .enter
        case "Esc": return .escape
        case "Tab": return .tab
        default:
            guard first.count == 1, hint.count == 1 || hint.hasSuffix("/Enter") || hint.hasSuffix("/Esc"),
                  let character = first.first else { return nil }
            return .character(character)
        }
    }

    /// A click on the body of Changes or the hotfix board selects the row under it.
    static func selectRow(atBodyLine line: Int, _ state: inout ConsoleState) {
        switch state.panel {
        case .changes:
            let index = state.topRow + line
            guard state.rows.indices.contains(index), state.rows[index].commitIndex != nil else { return }
            state.selectedRow = index
        case .hotfixes where state.hotfixes.opened == nil:
            let index = state.hotfixes.top + line - HotfixesPanel.headerLines
            guard line >= HotfixesPanel.headerLines, state.hotfixes.rows.indices.contains(index) else { return }
            state.hotfixes.selected = index
        default:
            break
        }
    }
}
