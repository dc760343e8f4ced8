import SlipwayKit

/// The Hotfixes panel: the board, the selection, the hotfix opened with Enter, and the action being confirmed.
public struct HotfixPanelState: Sendable {
    public enum Load: Sendable {
        case notLoaded
        case loading
        case loaded(HotfixBoard)
        case failed(String)
    }

    /// The action waiting for y/n, with the commands its dry run listed.
    public struct Confirm: Sendable, Hashable {
        public var request: HotfixRequest
        public var commands: [String]
        public var message: String
    }

    /// A backport that stopped on a conflict: its files, shown in the hotfix's view.
    public struct Conflict: Sendable, Hashable {
        public var version: SemanticVersion
        public var message: String
        public var files: [String]
    }

    public var load: Load = .notLoaded
    public var selected = 0
    public var top = 0
    /// The hotfix opened with Enter; `nil` shows the board.
    public var opened: SemanticVersion?
    public var detailScroll = 0
    public var confirm: Confirm?
    public var conflict: Conflict?
    /// `s`: the release lines a hotfix can start from (←/→ in its confirm); empty for the other actions.
    public var startChoices: [HotfixRequest] = []

    public init() {}

    public var board: HotfixBoard? {
        if case .loaded(let board) = load { return board }
        return nil
    }

    /// `/` on the board: only the hotfixes whose version, branch, base, state or next step contain it.
    public var find = ""

    public var rows: [HotfixBoardRow] {
        let all = board?.rows ?? []
        guard !find.isEmpty else { return all }
        let wanted = find.lowercased()
        return all.filter { row in
            [row.version.description, row.tag, row.branch ?? "", row.baseTag ?? "", row.attention.key, row.next]
                .contains { $0.lowercased().contains(wanted) }
        }
    }

    /// The opened hotfix, or on the board the selected one.
    public var current: HotfixBoardRow? {
        if let opened { return rows.first { $0.version == opened } }
        return rows.indices.contains(selected) ? rows[selected] : nil
    }
}
