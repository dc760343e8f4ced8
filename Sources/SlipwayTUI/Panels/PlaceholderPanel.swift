/// A panel of a later issue: it says plainly that it is not built yet and what it will hold.
public enum PlaceholderPanel {
    public static func render(_ panel: PanelID, in area: Rect, into buffer: inout ScreenBuffer) {
        buffer.write("The \(panel.title) panel is not built yet.", x: area.x + 1, y: area.y, role: .warn, limit: area.maxX)
        for (offset, line) in TextFit.wrap("It will show \(panel.plannedContent).", to: area.width - 2).enumerated()
        where offset + 2 < area.height {
            buffer.write(line, x: area.x + 1, y: area.y + 2 + offset, role: .muted, limit: area.maxX)
        }
    }
}
