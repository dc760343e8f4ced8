extension ScreenBuffer {
    /// Draws `line` from column `x` of row `y`, clipped at `limit`.
    @discardableResult
    public mutating func draw(_ line: StyledLine, x: Int, y: Int, limit: Int? = nil) -> Int {
        var column = x
        for segment in line.segments {
            column = write(segment.text, x: column, y: y, role: segment.role, limit: limit)
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
