/// A key press as the console understands it, independent of ncurses' key codes.
public enum Key: Sendable, Hashable {
    case character(Character)
    case up, down, left, right, pageUp, pageDown, home, end
    case enter, escape, tab, backTab, backspace, delete
    /// The left button pressed on a cell (column, row from the top left, 0-based).
    case click(x: Int, y: Int)
    case wheelUp, wheelDown
}
