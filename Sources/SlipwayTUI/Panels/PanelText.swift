/// What every panel shows while it reads and when reading failed, written once.
enum PanelText {
    /// `heading` in the error colour, then the problem wrapped to `width`, then how to try again when `retry`.
    static func failure(_ heading: String, _ message: String, width: Int, retry: Bool = false) -> [StyledLine] {
        [StyledLine(" " + heading, .error)]
            + TextFit.wrap(message, to: max(1, width - 2)).map { StyledLine(" " + $0) }
            + (retry ? [StyledLine(), StyledLine(" r tries again.", .muted)] : [])
    }

    /// The same drawn straight into `area` (for the panels that draw rows rather than lines).
    static func draw(failure heading: String, _ message: String, in area: Rect, into buffer: inout ScreenBuffer) {
        for (offset, line) in failure(heading, message, width: area.width).prefix(area.height).enumerated() {
            buffer.draw(line, x: area.x, y: area.y + offset, limit: area.maxX)
        }
    }
}
