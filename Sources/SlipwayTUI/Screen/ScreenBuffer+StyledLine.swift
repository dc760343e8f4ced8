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
}
