/// Everything the console can do, by name: keys map to these and the command palette lists them all.
public enum ConsoleCommand: String, Sendable, CaseIterable, Hashable {
    case showChanges = "show-changes"
    case showVersion = "show-version"
    case showRelease = "show-release"
    case showApprovals = "show-approvals"
    case showEnvironments = "show-environments"
    case showRollback = "show-rollback"
    case showHotfixes = "show-hotfixes"
    case nextPanel = "next-panel"
    case previousPanel = "previous-panel"
    case moveUp = "move-up"
    case moveDown = "move-down"
    case pageUp = "page-up"
    case pageDown = "page-down"
    case top
    case bottom
    case open
    case filter
    case clearFilter = "clear-filter"
    case find
    case classifyCommit = "classify-commit"
    case clearCommitOverride = "clear-commit-override"
    case overrideVersion = "override-version"
    case clearVersionOverride = "clear-version-override"
    case writeReleaseFiles = "write-release-files"
    case runNextStep = "run-next-step"
    case approveRelease = "approve-release"
    case promote
    case rollback
    case drill
    case clearHold = "clear-hold"
    case verifyArtefacts = "verify-artefacts"
    case notifyStakeholders = "notify"
    case verifyEnvironment = "verify-environment"
    case hotfixStart = "hotfix-start"
    case hotfixPrepare = "hotfix-prepare"
    case hotfixApprove = "hotfix-approve"
    case hotfixMerge = "hotfix-merge"
    case hotfixTag = "hotfix-tag"
    case hotfixBackport = "hotfix-backport"
    case hotfixApproveBackport = "hotfix-approve-backport"
    case hotfixMergeBackport = "hotfix-merge-backport"
    case closeHotfix = "close-hotfix"
    case copy
    case openInBrowser = "open-in-browser"
    case toggleDryRun = "toggle-dry-run"
    case reload
    case commandLog = "command-log"
    case messages
    case history
    case help
    case palette
    case quit

    /// What it does, in the palette and the help overlay.
    public var title: String {
        switch self {
        case .showChanges: return "Show the Changes panel"
        case .showVersion: return "Show the Version panel"
        case .showRelease: return "Show the Release panel"
        case .showApprovals: return "Show the Approvals panel"
        case .showEnvironments: return "Show the Environments panel"
        case .showRollback: return "Show the Rollback panel"
        case .showHotfixes: return "Show the Hotfixes panel"
        case .nextPanel: return "Next panel"
        case .previousPanel: return "Previous panel"
        case .moveUp: return "Move up"
        case .moveDown: return "Move down"
        case .pageUp: return "Page up"
        case .pageDown: return "Page down"
        case .top: return "Go to the top"
        case .bottom: return "Go to the bottom"
        case .open: return "Open the selected commit or hotfix"
        case .filter: return "Filter commits (text, type:feat, scope:api, level:minor)"
        case .clearFilter: return "Clear the filter"
        case .find: return "Find in the hotfix board or the environments (and, inside them, the log, the help and the history)"
        case .classifyCommit: return "Classify the commit / override its level"
        case .clearCommitOverride: return "Remove the commit's classification"
        case .overrideVersion: return "Override the next version"
        case .clearVersionOverride: return "Remove the version override"
        case .writeReleaseFiles: return "Write the release files"
        case .runNextStep: return "Run the next release step (after a confirm)"
        case .approveRelease: return "Approve the release PR as your git identity"
        case .promote: return "Promote the selected environment (←/→ picks the version)"
        case .rollback: return "Roll the selected environment back (←/→ picks the version)"
        case .drill: return "Drill a rollback: roll back, time it, put the version back (not production)"
        case .clearHold: return "Clear the selected environment's hold"
        case .verifyArtefacts: return "Verify the artefacts in their registries again"
        case .notifyStakeholders: return "Send the last release's notice to its channels (after a confirm)"
        case .verifyEnvironment: return "Verify the selected environment now (version, service, checks)"
        case .hotfixStart: return "Start a hotfix (←/→ picks the release line)"
        case .hotfixPrepare: return "Prepare the hotfix (version and CHANGELOG)"
        case .hotfixApprove: return "Approve the hotfix (a tech lead's is enough)"
        case .hotfixMerge: return "Merge the hotfix into its maintenance branch"
        case .hotfixTag: return "Tag the merged hotfix and push the tag"
        case .hotfixBackport: return "Backport the hotfix to main"
        case .hotfixApproveBackport: return "Review the hotfix's backport PR into main (not as its author)"
        case .hotfixMergeBackport: return "Merge the approved backport into main"
        case .closeHotfix: return "Back to the hotfix board"
        case .copy: return "Copy the selected sha, version or command to the clipboard (OSC 52)"
        case .openInBrowser: return "Open the selected commit, compare or PR in the browser"
        case .toggleDryRun: return "Toggle dry-run"
        case .reload: return "Reload from git"
        case .commandLog: return "Show the command log"
        case .messages: return "Show this session's messages in full"
        case .history: return "Past releases (lead time, rollbacks) and the audit trail"
        case .help: return "Show the keys"
        case .palette: return "Command palette"
        case .quit: return "Quit"
        }
    }

    /// The panel a `show-…` command opens.
    var panel: PanelID? {
        switch self {
        case .showChanges: return .changes
        case .showVersion: return .version
        case .showRelease: return .release
        case .showApprovals: return .approvals
        case .showEnvironments: return .environments
        case .showRollback: return .rollback
        case .showHotfixes: return .hotfixes
        default: return nil
        }
    }
}
