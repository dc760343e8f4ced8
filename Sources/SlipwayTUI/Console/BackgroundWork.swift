/// Background work in flight, named for the spinner.
public enum BackgroundWork: Sendable, Hashable {
    case loadingCommits
    case readingCommit
    case savingOverrides
    case previewingFiles
    case writingFiles
    case readingRelease
    case planningRelease
    case runningRelease
    case readingEnvironments
    case readingReadiness
    case planningPromotion
    case planningRollback
    case readingHistory
    case filtering
    case deploying
    case clearingHolds
    case readingHotfixes
    case planningHotfix
    case runningHotfix
    case verifyingEnvironment

    public var label: String {
        switch self {
        case .loadingCommits: return "reading commits"
        case .readingCommit: return "reading the commit"
        case .savingOverrides: return "saving the override"
        case .previewingFiles: return "previewing release files"
        case .writingFiles: return "writing release files"
        case .readingRelease: return "reading the release"
        case .planningRelease: return "working out the commands"
        case .runningRelease: return "running the release step"
        case .readingEnvironments: return "reading the environments"
        case .readingReadiness: return "checking rollback readiness"
        case .planningPromotion: return "planning the promotion"
        case .planningRollback: return "planning the rollback"
        case .readingHistory: return "reading the history"
        case .filtering: return "filtering"
        case .deploying: return "deploying"
        case .clearingHolds: return "clearing the hold"
        case .readingHotfixes: return "reading hotfixes"
        case .planningHotfix: return "listing the hotfix commands"
        case .runningHotfix: return "running the hotfix action"
        case .verifyingEnvironment: return "verifying the environment"
        }
    }
}
