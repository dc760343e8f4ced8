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
    /// Fetch and read where the release stands, and the current git identity.
    case loadRelease
    /// A dry run of the action: the exact commands, nothing changed.
    case planRelease(ReleaseAction)
    case runRelease(ReleaseAction)
    /// Every environment's status, in order.
    case loadEnvironments
    /// The rollback readiness and plan of one environment.
    case loadRollback(environment: String)
    /// A promotion's plan: of `version` (one of the versions offered), or of what the previous environment runs.
    case planPromotion(environment: String, version: String? = nil)
    /// A rollback's (or drill's) plan to `to`, or to the last good version.
    case planRollback(environment: String, to: String?, drill: Bool)
    case promote(environment: String, version: String, confirmation: String?)
    case rollback(environment: String, to: String, confirmation: String, drill: Bool = false)
    case clearHolds(environment: String)
    /// `env verify` on one environment: its version, the service's, and the rollback checks now.
    case verifyEnvironment(String)
    /// The Changes rows for a filter text, worked out off the UI thread on a long list.
    case filterCommits(String, CommitSearchIndex)
    /// The past releases and the audit trail.
    case loadHistory
    /// The page in the browser (`xdg-open`/`open`), or its address said when there is no browser.
    case openLink(LinkTarget)
    /// The Hotfixes panel's board and actions.
    case hotfixes(HotfixEffect)
}
