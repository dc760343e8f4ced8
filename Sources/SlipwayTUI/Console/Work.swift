/// Background work in flight, named for the spinner.
public enum Work: Sendable, Hashable {
    case loadingCommits
    case readingCommit
    case savingOverrides
    case previewingFiles
    case writingFiles
    case readingEnvironments
    case readingReadiness
    case planningPromotion
    case deploying
    case clearingHolds

    public var label: String {
        switch self {
        case .loadingCommits: return "reading commits"
        case .readingCommit: return "reading the commit"
        case .savingOverrides: return "saving the override"
        case .previewingFiles: return "previewing release files"
        case .writingFiles: return "writing release files"
        case .readingEnvironments: return "reading the environments"
        case .readingReadiness: return "checking rollback readiness"
        case .planningPromotion: return "planning the promotion"
        case .deploying: return "deploying"
        case .clearingHolds: return "clearing the hold"
        }
    }
}
