/// The top two rows: the repository, branch, last release, proposed version, forge and DRY-RUN marker;
/// then the tab bar of panels.
public enum HeaderBar {
    public static func render(_ state: ConsoleState, into buffer: inout ScreenBuffer) {
        let width = buffer.width
        buffer.fill(Rect(x: 0, y: 0, width: width, height: 1), role: .header)
        let name = state.workspace.map { lastComponent($0.root) } ?? lastComponent(state.repositoryPath)
        var facts: [String] = []
        if let workspace = state.workspace {
            let proposal = workspace.proposal
            facts.append(workspace.branch ?? "detached HEAD")
            facts.append("last " + (proposal.baseTag?.name ?? "none"))
            facts.append("next " + (proposal.isReleaseNeeded ? proposal.nextTagName : "none")
                         + (proposal.versionOverride != nil ? "✎" : ""))
            facts.append("forge " + workspace.forge)
        }
        var right = StyledLine()
        if state.isBusy { right.append(spinner(state.spinnerFrame) + " ", .header) }
        if state.dryRun { right.append(" DRY-RUN ", .dryRun) }
        let rightWidth = DisplayWidth.of(right.plainText)
        // The repository name gives way first, then the forge and the branch: the versions stay whole.
        let available = width - rightWidth - 1
        while facts.count > 2, DisplayWidth.of(" slipway │ " + facts.map { " │ " + $0 }.joined()) + 6 > available {
            facts.remove(at: facts.count == 4 ? 3 : 0)
        }
        let tail = facts.map { " │ " + $0 }.joined()
        let room = available - DisplayWidth.of(" slipway │ " + tail)
        let line = StyledLine(" slipway │ " + TextFit.truncate(name, to: max(6, room)) + tail, .header)
        buffer.draw(line, x: 0, y: 0, limit: max(0, width - rightWidth - 1))
        buffer.draw(right, x: max(0, width - rightWidth), y: 0)

        let useShort = shortTabs(width: width)
        for (panel, span) in tabSpans(width: width) {
            buffer.write(" \(panel.rawValue) \(useShort ? panel.shortTitle : panel.title)", x: span.lowerBound, y: 1, role: .tabInactive)
        }
        if let span = tabSpans(width: width).first(where: { $0.panel == state.panel })?.span {
            let title = useShort ? state.panel.shortTitle : state.panel.title
            buffer.write(" \(state.panel.rawValue) \(title) ", x: span.lowerBound, y: 1, role: .tabActive)
        }
    }

    /// Tabs share their padding spaces: " 1 Changes 2 Version … 7 Hotfixes " fits 80 columns; narrower, the short titles.
    static func shortTabs(width: Int) -> Bool {
        PanelID.allCases.map { " \($0.rawValue) \($0.title)" }.map { DisplayWidth.of($0) }.reduce(1, +) > width
    }

    /// The columns each tab takes on row 1, for drawing and for a click.
    public static func tabSpans(width: Int) -> [(panel: PanelID, span: Range<Int>)] {
        let useShort = shortTabs(width: width)
        var x = 0
        return PanelID.allCases.map { panel in
            let start = x
            x += DisplayWidth.of(" \(panel.rawValue) \(useShort ? panel.shortTitle : panel.title)")
            return (panel, start..<(x + 1))
        }
    }

    static func lastComponent(_ path: String) -> String {
        let trimmed = path.hasSuffix("/") && path.count > 1 ? String(path.dropLast()) : path
        return trimmed.split(separator: "/").last.map(String.init) ?? trimmed
    }

    static let spinnerFrames = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"]

    public static func spinner(_ frame: Int) -> String { spinnerFrames[abs(frame) % spinnerFrames.count] }
}
