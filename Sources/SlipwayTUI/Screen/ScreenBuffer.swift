/// The picture of the screen panels draw into: rows of cells that know display widths. Only the terminal
/// backend turns it into output; tests read it back as plain text.
public struct ScreenBuffer: Sendable, Equatable {
    public let width: Int
    public let height: Int
    private(set) var cells: [Cell]

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public subscript(x: Int, y: Int) -> Cell {
        cells[y * width + x]
    }

    /// Fills a rectangle with blanks of `role`.
    public mutating func fill(_ area: Rect, role: StyleRole) {
        let clipped = area.clipped(to: Rect(x: 0, y: 0, width: width, height: height))
        guard !clipped.isEmpty else { return }
        for y in clipped.y..<clipped.maxY {
            for x in clipped.x..<clipped.maxX { cells[y * width + x] = Cell(text: " ", width: 1, role: role) }
            repairRow(y)
        }
    }

    /// Writes `text` from column `x` of row `y`, clipped at `limit` (the right edge by default).
    /// Control characters are shown as `?`; a double-width grapheme that would not fit is replaced by a
    /// space. Returns the column after the last one written.
    @discardableResult
    public mutating func write(_ text: String, x: Int, y: Int, role: StyleRole, limit: Int? = nil) -> Int {
        guard y >= 0, y < height else { return x }
        let right = min(limit ?? width, width)
        var column = x
        for character in text {
            guard column < right else { break }
            var shown = character
            var columns = DisplayWidth.of(character)
            if let scalar = character.unicodeScalars.first, scalar.value < 0x20 || (scalar.value >= 0x7F && scalar.value < 0xA0) {
                shown = scalar == "\t" ? " " : "?"
                columns = 1
            }
            if columns == 0 { continue }
            if column < 0 { column += columns; continue }
            if columns == 2 && column + 1 >= right {
                cells[y * width + column] = Cell(text: " ", width: 1, role: role)
                column += 1
                break
            }
            cells[y * width + column] = Cell(text: String(shown), width: UInt8(columns), role: role)
            if columns == 2 { cells[y * width + column + 1] = Cell(text: "", width: 0, role: role) }
            column += columns
        }
        repairRow(y)
        return column
    }

    /// Changes the role of the cells in a rectangle, keeping their text (used for the selection bar).
    public mutating func restyle(_ area: Rect, role: StyleRole) {
        let clipped = area.clipped(to: Rect(x: 0, y: 0, width: width, height: height))
        guard !clipped.isEmpty else { return }
        for y in clipped.y..<clipped.maxY {
            for x in clipped.x..<clipped.maxX { cells[y * width + x].role = role }
        }
    }

    /// Draws a single-line box around `area` with an optional title on the top edge.
    public mutating func box(_ area: Rect, title: String? = nil, role: StyleRole = .border) {
        guard area.width >= 2, area.height >= 2 else { return }
        let top = area.y
        let bottom = area.maxY - 1
        fill(area, role: .overlay)
        write("┌" + String(repeating: "─", count: area.width - 2) + "┐", x: area.x, y: top, role: role)
        for y in (top + 1)..<bottom {
            write("│", x: area.x, y: y, role: role)
            write("│", x: area.maxX - 1, y: y, role: role)
        }
        write("└" + String(repeating: "─", count: area.width - 2) + "┘", x: area.x, y: bottom, role: role)
        if let title, area.width > 6 {
            write(" \(title) ", x: area.x + 2, y: top, role: .title, limit: area.maxX - 2)
        }
    }

    /// A half-overwritten double-width grapheme is blanked so that no row holds half a character.
    private mutating func repairRow(_ y: Int) {
        let start = y * width
        var x = 0
        while x < width {
            let cell = cells[start + x]
            if cell.width == 2 {
                if x + 1 < width, cells[start + x + 1].width == 0 {
                    x += 2
                    continue
                }
                cells[start + x] = Cell(text: " ", width: 1, role: cell.role)
            } else if cell.width == 0 {
                cells[start + x] = Cell(text: " ", width: 1, role: cell.role)
            }
            x += 1
        }
    }

    /// Row `y` as plain text, trailing spaces kept (the screen tests compare these).
    public func line(_ y: Int) -> String {
        var text = ""
        for x in 0..<width { text += cells[y * width + x].text }
        return text
    }

    /// The whole screen as text, one line per row, trailing spaces removed.
    public var text: String {
        (0..<height).map { y in
            var line = line(y)
            while line.last == " " { line.removeLast() }
            return line
        }.joined(separator: "\n")
    }

    /// Where two buffers of the same size differ, as runs of columns per row (what the backend redraws).
    public func changes(from previous: ScreenBuffer?) -> [(y: Int, x: Int, count: Int)] {
        guard let previous, previous.width == width, previous.height == height else {
            return (0..<height).map { (y: $0, x: 0, count: width) }
        }
        var runs: [(y: Int, x: Int, count: Int)] = []
        for y in 0..<height {
            var x = 0
            let start = y * width
            while x < width {
                guard cells[start + x] != previous.cells[start + x] else { x += 1; continue }
                var end = x
                while end < width, cells[start + end] != previous.cells[start + end] { end += 1 }
                // Start a run on the left half of a wide grapheme, end it after the right half.
                var runStart = x
                if runStart > 0, cells[start + runStart].width == 0 { runStart -= 1 }
                if end < width, cells[start + end].width == 0 { end += 1 }
                runs.append((y: y, x: runStart, count: end - runStart))
                x = end
            }
        }
        return runs
    }

    /// `…` in the last column of a cut line, over the second half of a wide character if need be.
    mutating func markCut(atColumn column: Int, y: Int) {
        guard column >= 0, column < width, y >= 0, y < height else { return }
        let cell = cells[y * width + column]
        if cell.width == 0, column > 0 {
            cells[y * width + column - 1] = Cell(text: "…", width: 1, role: cells[y * width + column - 1].role)
            cells[y * width + column] = Cell(text: " ", width: 1, role: cell.role)
        } else if cell.width == 2, column + 1 < width {
            cells[y * width + column] = Cell(text: "…", width: 1, role: cell.role)
            cells[y * width + column + 1] = Cell(text: " ", width: 1, role: cell.role)
        } else {
            cells[y * width + column] = Cell(text: "…", width: 1, role: cell.role)
        }
    }
}
