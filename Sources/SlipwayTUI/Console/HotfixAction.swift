import SlipwayKit

/// A hotfix step the console can run (`slipway hotfix …`), always after a confirm dialog that lists its commands.
public enum HotfixAction: String, Sendable, CaseIterable, Hashable {
    case start, prepare, approve, merge, tag, backport
    case approveBackport = "approve-backport"
    case mergeBackport = "merge-backport"

    /// The key that runs it on the Hotfixes panel.
    public var key: Character {
        switch self {
        case .start: return "s"
        case .prepare: return "p"
        case .approve: return "a"
        case .merge: return "m"
        case .tag: return "t"
        case .backport: return "b"
        case .approveBackport: return "A"
        case .mergeBackport: return "B"
        }
    }

    /// What it does, for the confirm dialog and the detail view.
    public var title: String {
        switch self {
        case .start: return "start a hotfix from the latest release tag"
        case .prepare: return "commit the version and CHANGELOG section"
        case .approve: return "approve as yourself (a tech lead's counts)"
        case .merge: return "merge into the maintenance branch"
        case .tag: return "tag the release and push it"
        case .backport: return "cherry-pick what main lacks onto backport/"
        case .approveBackport: return "review the backport PR into main (not its author)"
        case .mergeBackport: return "merge the approved backport into main"
        }
    }

    /// The actions that apply to `row` now: the board's own, and a backport while main lacks a commit or the
    /// CHANGELOG section of a released hotfix.
    public static func applying(to row: HotfixBoardRow) -> [HotfixAction] {
        var actions = row.actions.compactMap(HotfixAction.init(rawValue:))
        let mainLacks = (row.missingOnMain ?? 0) > 0 || (row.tagged && !row.changelogOnMain)
        if row.attention != .problem, mainLacks, !actions.contains(.backport) { actions.append(.backport) }
        // A backport branch on the remote is reviewed and merged into main from here too.
        if row.attention != .problem, row.backportBranchOpen, mainLacks { actions += [.approveBackport, .mergeBackport] }
        return actions
    }
}

/// One hotfix action on one hotfix; for start, the tag to start from and the version (both `nil`: the engine's
/// defaults, the latest release tag's next PATCH).
public struct HotfixRequest: Sendable, Hashable {
    public var action: HotfixAction
    public var version: SemanticVersion?
    /// start: the release tag to branch from.
    public var from: String?

    public init(_ action: HotfixAction, version: SemanticVersion?, from: String? = nil) {
        self.action = action
        self.version = version
        self.from = from
    }

    /// `hotfix backport 1.2.1`: the action in the status line (where a full command would be read as a hint).
    public var label: String { String(commandLine.dropFirst("slipway ".count)) }

    /// `slipway hotfix backport 1.2.1`: the headless command that does the same.
    public var commandLine: String {
        if action == .start {
            return "slipway hotfix start" + (from.map { " --from \($0)" } ?? "") + (version.map { " --version \($0)" } ?? "")
        }
        return "slipway hotfix \(action.rawValue)" + (version.map { " \($0)" } ?? "")
    }

    /// Start on the line of `base` (the last release) at the first PATCH no hotfix on the board holds, from the
    /// line's latest tagged hotfix below it (or `base`).
    public static func start(base: ReleaseTag?, board: [HotfixBoardRow]) -> HotfixRequest {
        guard let base else { return HotfixRequest(.start, version: nil) }
        let taken = Set(board.map(\.version))
        var version = base.version.core.bumped(.patch)
        while taken.contains(version) { version = version.bumped(.patch) }
        let below = board.filter { $0.tagged && $0.version.major == version.major && $0.version.minor == version.minor && $0.version < version }
        let from = below.max { $0.version < $1.version }.map(\.tag) ?? base.name
        return HotfixRequest(.start, version: version, from: from)
    }

    /// The starts a lead can choose between: one per release line (`1.2.x`), newest line first, each from its
    /// latest tag; the line of `base` (the last release) comes first.
    public static func starts(base: ReleaseTag?, board: HotfixBoard?, limit: Int = 8) -> [HotfixRequest] {
        let rows = board?.rows ?? []
        var lines: [ReleaseTag] = []
        for tag in board?.releaseTags ?? [] where !lines.contains(where: { $0.version.major == tag.version.major && $0.version.minor == tag.version.minor }) {
            lines.append(tag)
        }
        if let base, let index = lines.firstIndex(where: { $0.version.major == base.version.major && $0.version.minor == base.version.minor }) {
            lines.insert(lines.remove(at: index), at: 0)
        }
        let choices = lines.prefix(limit).map { start(base: $0, board: rows) }
        return choices.isEmpty ? [start(base: base, board: rows)] : Array(choices)
    }
}
