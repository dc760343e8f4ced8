import SlipwayKit

/// Everything that can change the console's state: keys, commands, the terminal, and the results of
/// background work.
public enum ConsoleAction: Sendable {
    case key(Key)
    case command(ConsoleCommand)
    case resized(width: Int, height: Int)
    /// Time passed (the spinner turns).
    case tick
    case workspaceLoaded(Workspace)
    /// The newest commits while the history is still being read (shown until the workspace arrives).
    case commitsStreaming([ClassifiedCommit], base: String?)
    case workspaceFailed(String)
    case commitDetailLoaded(sha: String, text: String)
    case commitDetailFailed(sha: String, message: String)
    case overridesSaved(ReleaseOverrides, message: String)
    case overridesFailed(String)
    case commandLogUpdated([CommandRecord])
    case previewsLoaded([FileDiff])
    case previewsFailed(String)
    case releaseFilesWritten([String])
    case releaseFilesFailed(String)
    case releaseLoaded(ReleaseSnapshot)
    case releaseFailed(String)
    /// The dry run of `ReleaseAction` came back: its commands fill the confirm dialog.
    case releasePlanned(ReleaseAction, ActionReport)
    case releasePlanFailed(ReleaseAction, String)
    case releaseActionDone(ReleaseAction, ActionReport)
    case releaseActionFailed(ReleaseAction, String)
    case environmentsLoaded([EnvironmentStatus])
    case environmentsFailed(String)
    case rollbackLoaded(RollbackReadiness, plan: RollbackPlan?, planProblem: String?)
    case rollbackFailed(environment: String, message: String)
    case promotionPlanned(PromotionPlan)
    /// A rollback or drill re-planned to another version (←/→ in its confirm, or `D`).
    case rollbackPlanned(RollbackPlan)
    /// An environment action refused before anything ran.
    case environmentRefused(String)
    case deploymentFinished(DeploymentActionResult)
    case deploymentFailed(environment: String, message: String, output: String)
    case holdsCleared(environment: String, versions: [String])
    case environmentVerified(EnvironmentVerdict)
    case environmentVerifyFailed(environment: String, message: String)
    /// The rows a filter text gives (dropped when the text changed meanwhile).
    case commitsFiltered(String, [ChangeRow])
    case historyLoaded([ReleaseHistoryEntry], audit: [AuditEntry])
    case historyFailed(String)
    /// What opening a page in the browser did (or the address, when it could not).
    case linkOpened(StatusMessage)
    /// The Hotfixes panel's board and actions.
    case hotfixes(HotfixResult)
    /// The shared records were synchronised: how stale they are (`nil`: fresh) and what moved into them.
    case sharedSynced(staleness: String?, migrated: [String])
}
