import SlipwayKit

/// Work the reducer asks for; `EffectRunner` does it off the UI thread and answers with an action.
public enum ConsoleEffect: Sendable, Hashable {
    /// Open the repository and propose the next version; with `overrides`, use those instead of the saved ones.
    case loadWorkspace(overrides: ReleaseOverrides?)
    /// `git show --stat` of one commit.
    case loadCommitDetail(sha: String)
    /// Save (unless `persist` is false, in dry-run) and reload the proposal with them.
    case saveOverrides(ReleaseOverrides, persist: Bool, message: String)
    case previewReleaseFiles(SemanticVersion)
    case writeReleaseFiles(SemanticVersion)
    /// The Hotfixes panel's board and actions.
    case hotfixes(HotfixEffect)
}
