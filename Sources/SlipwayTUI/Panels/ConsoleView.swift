/// The whole screen from the state: header, tabs, the panel, status line, footer and any overlay. Pure.
public enum ConsoleView {
    public static func render(_ state: ConsoleState) -> ScreenBuffer {
        var buffer = ScreenBuffer(width: state.width, height: state.height)
        render(state, into: &buffer)
        return buffer
    }

    public static func render(_ state: ConsoleState, into buffer: inout ScreenBuffer) {
        guard buffer.width > 0, buffer.height > 0 else { return }
        if state.isTooSmall {
            let message = "Terminal too small (\(buffer.width)×\(buffer.height)): slipway needs "
                + "\(ConsoleState.minimumWidth)×\(ConsoleState.minimumHeight). Enlarge it, or q quits."
            for (offset, line) in TextFit.wrap(message, to: buffer.width).prefix(buffer.height).enumerated() {
                buffer.write(line, x: 0, y: offset, role: offset == 0 ? .warn : .text)
            }
            return
        }
        HeaderBar.render(state, into: &buffer)
        let body = Rect(x: 0, y: 2, width: buffer.width, height: state.bodyHeight)
        switch state.panel {
        case .changes: ChangesPanel.render(state, in: body, into: &buffer)
        case .version: VersionPanel.render(state, in: body, into: &buffer)
        case .release: ReleasePanel.render(state, in: body, into: &buffer)
        case .approvals: ApprovalsPanel.render(state, in: body, into: &buffer)
        case .environments: EnvironmentsPanel.render(state, in: body, into: &buffer)
        case .rollback: RollbackPanel.render(state, in: body, into: &buffer)
        case .hotfixes: HotfixesPanel.render(state, in: body, into: &buffer)
        }
        FooterBar.render(state, into: &buffer)
        if let overlay = state.overlay { OverlayView.render(overlay, state, in: body, into: &buffer) }
    }
}
