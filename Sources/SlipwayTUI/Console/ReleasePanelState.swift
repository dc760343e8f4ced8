import SlipwayKit

/// The Release and Approvals panels' part of the console state.
public struct ReleasePanelState: Sendable {
    /// Where reading the release status stands.
    public enum Load: Sendable {
        case notLoaded
        case loading
        case loaded(ReleaseSnapshot)
        case failed(String)
    }

    /// Kept while a refresh reads the status again, so the screen does not blank.
    public var load: Load = .notLoaded
    /// The action running now, if any: its steps show as running.
    public var running: ReleaseAction?
    public var releaseScroll = 0
    public var approvalsScroll = 0

    public init() {}

    public var snapshot: ReleaseSnapshot? {
        if case .loaded(let snapshot) = load { return snapshot }
        return nil
    }

    public var isLoading: Bool {
        if case .loading = load { return true }
        return false
    }

    /// The step Enter runs: the first not done that is ready, or a failed one to resume. `nil` when the first
    /// step not done is blocked or running (nothing can run yet), or the release is finished. Step 1 is
    /// decided by the commits and carried out by prepare, so prepare's own steps say whether it can run.
    public static func nextRunnable(_ status: ReleaseStatus) -> (step: ReleaseStep, action: ReleaseAction)? {
        guard status.version != nil,
              let first = status.steps.first(where: { !$0.state.isDone && $0.step != .version }) else { return nil }
        switch first.state {
        case .ready, .failed:
            return ReleaseAction.moving(first.step).map { (first.step, $0) }
        case .blocked, .running, .done:
            return nil
        }
    }
}
