/// One key (or several) bound to a command, where it works, and whether the footer shows it.
public struct KeyBinding: Sendable {
    public let keys: [Key]
    /// How the help overlay and the footer write the keys: `j/↓`.
    public let label: String
    public let command: ConsoleCommand
    /// `nil`: everywhere.
    public let panels: Set<PanelID>?
    public let inFooter: Bool

    init(_ keys: [Key], _ label: String, _ command: ConsoleCommand, panels: Set<PanelID>? = nil, footer: Bool = false) {
        self.keys = keys
        self.label = label
        self.command = command
        self.panels = panels
        inFooter = footer
    }

    public func applies(to panel: PanelID) -> Bool { panels?.contains(panel) ?? true }

    static let lists: Set<PanelID> = [.changes, .version, .release, .approvals, .environments, .rollback, .hotfixes]

    /// Every panel binding. The help overlay, the footer on a panel and the key handling all read this one table;
    /// an open overlay (a dialog, the log, the palette) handles its own keys, which `FooterBar.hints` lists with it.
    public static let all: [KeyBinding] = [
        KeyBinding([.down, .character("j")], "j/↓", .moveDown, panels: lists),
        KeyBinding([.up, .character("k")], "k/↑", .moveUp, panels: lists),
        KeyBinding([.pageDown, .character(" ")], "PgDn", .pageDown, panels: lists),
        KeyBinding([.pageUp], "PgUp", .pageUp, panels: lists),
        KeyBinding([.character("g"), .home], "g", .top, panels: lists),
        KeyBinding([.character("G"), .end], "G", .bottom, panels: lists),
        KeyBinding([.enter], "Enter", .open, panels: [.changes, .hotfixes], footer: true),
        KeyBinding([.escape], "Esc", .closeHotfix, panels: [.hotfixes], footer: true),
        KeyBinding([.character("b")], "b", .hotfixBackport, panels: [.hotfixes], footer: true),
        KeyBinding([.character("a")], "a", .hotfixApprove, panels: [.hotfixes], footer: true),
        KeyBinding([.character("m")], "m", .hotfixMerge, panels: [.hotfixes], footer: true),
        KeyBinding([.character("t")], "t", .hotfixTag, panels: [.hotfixes], footer: true),
        KeyBinding([.character("p")], "p", .hotfixPrepare, panels: [.hotfixes]),
        KeyBinding([.character("s")], "s", .hotfixStart, panels: [.hotfixes], footer: true),
        KeyBinding([.character("A")], "A", .hotfixApproveBackport, panels: [.hotfixes]),
        KeyBinding([.character("B")], "B", .hotfixMergeBackport, panels: [.hotfixes]),
        KeyBinding([.character("/")], "/", .find, panels: [.hotfixes, .environments]),
        KeyBinding([.character("/")], "/", .filter, panels: [.changes], footer: true),
        KeyBinding([.character("\\")], "\\", .clearFilter, panels: [.changes]),
        KeyBinding([.character("c")], "c", .classifyCommit, panels: [.changes], footer: true),
        KeyBinding([.character("x")], "x", .clearCommitOverride, panels: [.changes]),
        KeyBinding([.character("o")], "o", .overrideVersion, panels: [.version], footer: true),
        KeyBinding([.character("X")], "X", .clearVersionOverride, panels: [.version]),
        KeyBinding([.character("w")], "w", .writeReleaseFiles, panels: [.version], footer: true),
        KeyBinding([.enter], "Enter", .runNextStep, panels: [.release], footer: true),
        KeyBinding([.character("a"), .enter], "a/Enter", .approveRelease, panels: [.approvals], footer: true),
        KeyBinding([.character("p")], "p", .promote, panels: [.environments], footer: true),
        KeyBinding([.character("h")], "h", .clearHold, panels: [.environments], footer: true),
        KeyBinding([.character("R")], "R", .rollback, panels: [.rollback], footer: true),
        KeyBinding([.character("D")], "D", .drill, panels: [.rollback], footer: true),
        KeyBinding([.character("v")], "v", .verifyArtefacts, panels: [.release, .rollback], footer: true),
        KeyBinding([.character("n")], "n", .notifyStakeholders, panels: [.release], footer: true),
        KeyBinding([.character("v")], "v", .verifyEnvironment, panels: [.environments], footer: true),
        KeyBinding([.tab], "Tab", .nextPanel, footer: true),
        KeyBinding([.backTab], "S-Tab", .previousPanel),
        KeyBinding([.character("1")], "1", .showChanges),
        KeyBinding([.character("2")], "2", .showVersion),
        KeyBinding([.character("3")], "3", .showRelease),
        KeyBinding([.character("4")], "4", .showApprovals),
        KeyBinding([.character("5")], "5", .showEnvironments),
        KeyBinding([.character("6")], "6", .showRollback),
        KeyBinding([.character("7")], "7", .showHotfixes),
        KeyBinding([.character("y")], "y", .copy),
        KeyBinding([.character("O")], "O", .openInBrowser),
        KeyBinding([.character("d")], "d", .toggleDryRun),
        KeyBinding([.character("r")], "r", .reload),
        KeyBinding([.character("L")], "L", .commandLog, footer: true),
        KeyBinding([.character("M")], "M", .messages),
        KeyBinding([.character("H")], "H", .history),
        KeyBinding([.character(":")], ":", .palette, footer: true),
        KeyBinding([.character("?")], "?", .help, footer: true),
        KeyBinding([.character("q")], "q", .quit, footer: true),
    ]

    /// The command `key` runs on `panel`, if any.
    public static func command(for key: Key, on panel: PanelID) -> ConsoleCommand? {
        all.first { $0.keys.contains(key) && $0.applies(to: panel) }?.command
    }

    /// The bindings that work on `panel`, panel-specific ones first.
    public static func bindings(on panel: PanelID) -> [KeyBinding] {
        all.filter { $0.applies(to: panel) && $0.panels != nil } + all.filter { $0.panels == nil }
    }

    /// The first key label of `command`, for the palette.
    public static func label(of command: ConsoleCommand) -> String? {
        all.first { $0.command == command }?.label
    }
}
