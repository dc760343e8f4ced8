import Foundation
@preconcurrency import CNcursesw

/// The one place that talks to ncurses: starts and restores the terminal, reads keys, and flushes a
/// `ScreenBuffer`, writing only the cells that changed since the last frame.
final class TerminalBackend {
    /// What the keyboard and the terminal reported.
    enum Event: Equatable {
        case key(Key)
        case resized(width: Int, height: Int)
    }

    private let screen: OpaquePointer
    private let window: UnsafeMutablePointer<WINDOW>
    private let theme: Theme
    /// `false` in a non-UTF-8 locale: everything beyond ASCII is drawn as an ASCII stand-in.
    let unicode: Bool
    private var previous: ScreenBuffer?
    private var attributes: [StyleRole: (attr: attr_t, pair: Int16)] = [:]
    private var pairs: [PairKey: Int16] = [:]
    private var stopped = false

    private struct PairKey: Hashable {
        let foreground: Int16
        let background: Int16
    }

    /// Takes over the terminal on standard input and output.
    init(theme: Theme) throws(TerminalError) {
        unicode = String(cString: slipway_codeset()).uppercased().replacingOccurrences(of: "-", with: "") == "UTF8"
        guard let screen = newterm(nil, stdout, stdin) else {
            throw TerminalError("the terminal '\(ProcessInfo.processInfo.environment["TERM"] ?? "")' cannot be driven by ncurses")
        }
        self.screen = screen
        set_term(screen)
        guard let window = slipway_stdscr() else {
            endwin()
            throw TerminalError("ncurses gave no screen")
        }
        self.window = window
        self.theme = theme
        cbreak()
        noecho()
        nonl()
        keypad(window, true)
        // Clicks and the wheel; SLIPWAY_MOUSE=0 leaves the mouse to the terminal (its own text selection).
        if ProcessInfo.processInfo.environment["SLIPWAY_MOUSE"] != "0" { slipway_enable_mouse() }
        curs_set(0)
        set_escdelay(25)
        wtimeout(window, 0)
        if theme.usesColor, has_colors() {
            start_color()
            use_default_colors()
        }
        for role in StyleRole.allCases { attributes[role] = resolve(theme.style(role)) }
    }

    var size: (width: Int, height: Int) {
        (Int(slipway_max_x(window)), Int(slipway_max_y(window)))
    }

    /// Gives the terminal back: leaves curses mode and the alternate screen. Safe to call twice.
    func stop() {
        guard !stopped else { return }
        stopped = true
        endwin()
        delscreen(screen)
    }

    /// For the crash handler: only `endwin`, which restores the tty modes and the screen.
    static let emergencyRestore: @convention(c) () -> Void = { _ = endwin() }

    // MARK: Input

    /// Every key waiting (without blocking). `nil` when input failed for a reason other than "nothing to read"
    /// and the caller saw the terminal as readable: the terminal is gone.
    func readEvents() -> [Event] {
        var events: [Event] = []
        while events.count < 256 {
            var character: wint_t = 0
            let result = wget_wch(window, &character)
            if result == ERR { break }
            if result == slipway_key_code_yes() {
                if Int32(character) == slipway_key_resize() {
                    // After a resize the terminal's picture and curses' idea of it may differ: repaint from clear.
                    invalidate()
                    let (width, height) = size
                    events.append(.resized(width: width, height: height))
                } else if Int32(character) == slipway_key_mouse() {
                    var x: Int32 = 0, y: Int32 = 0, button: Int32 = 0
                    if slipway_read_mouse(&x, &y, &button) == 1 {
                        switch button {
                        case 1: events.append(.key(.click(x: Int(x), y: Int(y))))
                        case 4: events.append(.key(.wheelUp))
                        case 5: events.append(.key(.wheelDown))
                        default: break
                        }
                    }
                } else if let key = Self.functionKey(Int32(character)) {
                    events.append(.key(key))
                }
            } else if let key = Self.characterKey(UInt32(character)) {
                events.append(.key(key))
            }
        }
        return events
    }

    static func functionKey(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_NPAGE: return .pageDown
        case KEY_PPAGE: return .pageUp
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_BTAB: return .backTab
        case KEY_ENTER: return .enter
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        default: return nil
        }
    }

    static func characterKey(_ value: UInt32) -> Key? {
        switch value {
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        // Ctrl-A, Ctrl-E, Ctrl-K, Ctrl-U, Ctrl-W: the prompts' readline keys.
        case 1, 5, 11, 21, 23: return Unicode.Scalar(value).map { .character(Character($0)) }
        default:
            guard value >= 0x20, let scalar = Unicode.Scalar(value) else { return nil }
            return .character(Character(scalar))
        }
    }

    // MARK: Output

    /// Draws what changed since the last frame and shows it.
    func flush(_ buffer: ScreenBuffer) {
        let runs = buffer.changes(from: previous)
        var current: StyleRole?
        var wide: [wchar_t] = []
        wide.reserveCapacity(8)
        for run in runs {
            var x = run.x
            while x < run.x + run.count {
                let cell = buffer[x, run.y]
                if cell.isContinuation { x += 1; continue }
                if cell.role != current {
                    current = cell.role
                    let style = attributes[cell.role] ?? (attr: slipway_a_normal(), pair: 0)
                    wattr_set(window, style.attr, style.pair, nil)
                }
                wide.removeAll(keepingCapacity: true)
                if unicode {
                    for scalar in cell.text.unicodeScalars { wide.append(wchar_t(bitPattern: scalar.value)) }
                } else {
                    for scalar in Self.ascii(cell.text, width: Int(cell.width)).unicodeScalars {
                        wide.append(wchar_t(bitPattern: scalar.value))
                    }
                }
                if wide.isEmpty { wide.append(32) }
                mvwaddnwstr(window, Int32(run.y), Int32(x), wide, Int32(wide.count))
                x += max(1, Int(cell.width))
            }
        }
        wnoutrefresh(window)
        doupdate()
        previous = buffer
    }

    /// Draws everything again on the next flush.
    /// Bytes for the terminal itself (an OSC 52 clipboard sequence), after the frame: curses does not see them.
    func send(_ sequence: String) {
        let bytes = Array(sequence.utf8)
        _ = bytes.withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
    }

    func invalidate() {
        previous = nil
        clearok(window, true)
    }

    /// An ASCII stand-in of the same width for a non-UTF-8 terminal.
    static func ascii(_ text: String, width: Int) -> String {
        guard let scalar = text.unicodeScalars.first, scalar.value >= 0x80 else { return text }
        let map: [UInt32: String] = [0x2500: "-", 0x2502: "|", 0x250C: "+", 0x2510: "+", 0x2514: "+", 0x2518: "+",
                                     0x2192: ">", 0x2026: ".", 0x25B8: ">", 0x270E: "*", 0x2713: "+", 0x2717: "x",
                                     0x258F: "_", 0x2014: "-", 0x2191: "^", 0x2193: "v"]
        if let replacement = map[scalar.value] { return replacement }
        if (0x2800...0x28FF).contains(scalar.value) { return "*" }
        return String(repeating: "?", count: max(1, width))
    }

    private func resolve(_ style: RoleStyle) -> (attr: attr_t, pair: Int16) {
        var attr = slipway_a_normal()
        if style.bold { attr |= slipway_a_bold() }
        if style.underline { attr |= slipway_a_underline() }
        if style.reverse { attr |= slipway_a_reverse() }
        if style.dim { attr |= slipway_a_dim() }
        guard theme.usesColor, has_colors() else { return (attr, 0) }
        let colors = Int(slipway_colors())
        func number(_ color: ThemeColor) -> Int16 {
            switch color.limited(to: max(8, min(colors, 256))) {
            case .terminalDefault: return -1
            case .indexed(let index): return Int16(index)
            }
        }
        let key = PairKey(foreground: number(style.foreground), background: number(style.background))
        if key.foreground == -1 && key.background == -1 { return (attr, 0) }
        if let pair = pairs[key] { return (attr, pair) }
        let next = Int16(pairs.count + 1)
        guard Int32(next) < slipway_color_pairs() else { return (attr, 0) }
        init_pair(next, key.foreground, key.background)
        pairs[key] = next
        return (attr, next)
    }
}
