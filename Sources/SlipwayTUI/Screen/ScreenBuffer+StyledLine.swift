extension ScreenBuffer {
    /// Draws `line` from column `x` of row `y`, clipped at `limit`; a line cut there (more than spaces past
    /// it) ends in `…`, so that nothing is cut without a sign.
    @discardableResult
    public mutating func draw(_ line: StyledLine, x: Int, y: Int, limit: Int? = nil) -> Int {
        var column = x
        for segment in line.segments {
            column = write(segment.text, x: column, y: y, role: segment.role, limit: limit)
        }
        let right = min(limit ?? width, width)
        var shown = line.plainText
        while shown.last == " " { shown.removeLast() }
        if y >= 0, y < height, right > x + 1, x + DisplayWidth.of(shown) > right {
            markCut(atColumn: right - 1, y: y)
        }
        return column
    }

    /// Draws `lines` top to bottom in `area`, as many as fit.
    public mutating func draw(_ lines: [StyledLine], in area: Rect) {
        for (offset, line) in lines.prefix(area.height).enumerated() {
            _ = draw(line, x: area.x, y: area.y + offset, limit: area.maxX)
        }
    }
}
