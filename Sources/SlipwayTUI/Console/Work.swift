/// Background work in flight, named for the spinner.
public enum Work: Sendable, Hashable {
    case loadingCommits
    case readingCommit
    case savingOverrides
    case previewingFiles
    case writingFiles
    case readingHotfixes
    case planningHotfix
    case runningHotfix

    public var label: String {
        switch self {
        case .loadingCommits: return "reading commits"
        case .readingCommit: return "reading the commit"
        case .savingOverrides: return "saving the override"
        case .previewingFiles: return "previewing release files"
        case .writingFiles: return "writing release files"
        case .readingHotfixes: return "reading hotfixes"
        case .planningHotfix: return "listing the hotfix commands"
        case .runningHotfix: return "running the hotfix action"
        }
    }
}
