/// The answers of the reading-only work: the streamed first commits, a filter's rows, the history, an opened
/// link. Each only updates what it shows.
extension ConsoleReducer {
    /// `nil` when `action` is not one of these.
    static func reduceBrowsing(_ state: inout ConsoleState, _ action: ConsoleAction) -> [ConsoleEffect]? {
        switch action {
        case .commitsFiltered(let text, let rows):
            // Only the answer for the text on screen counts; an older one is dropped.
            guard text == state.filterText, state.proposal != nil else { return [] }
            finish(.filtering, &state)
            apply(rows, &state, keeping: nil)
            return []
        case .commitsStreaming(let commits, let base):
            guard case .loading = state.load else { return [] }
            state.streamingCommits = commits
            state.streamingBase = base
            return []
        case .linkOpened(let message):
            state.status = message
            return []
        case .historyLoaded(let entries, let audit):
            finish(.readingHistory, &state)
            state.history = .loaded(entries, audit: audit)
            return []
        case .historyFailed(let message):
            finish(.readingHistory, &state)
            state.history = .failed(message)
            return []
        default:
            return nil
        }
    }
}
