/// Hotfix work the reducer asks `EffectRunner` for.
public enum HotfixEffect: Sendable, Hashable {
    /// Fetch and read the leads' board.
    case loadBoard
    /// The action's dry run, for the confirm dialog.
    case plan(HotfixRequest)
    /// The action itself.
    case run(HotfixRequest)
}
