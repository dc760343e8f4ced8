/// One source of truth for what is on screen: what each finished action may have changed, and the reading
/// again of everything that shows it. Whatever was read is read again (shown now or not); what was never read
/// stays unread and is read when its panel opens.
public enum ConsoleData: String, Sendable, CaseIterable, Hashable {
    /// The commits and the proposal (Changes, Version, the header).
    case workspace
    /// The release's steps, preconditions and last release (Release, Approvals).
    case release
    /// Every environment's state and holds (Environments).
    case environments
    /// The selected environment's readiness and plan (Rollback).
    case rollback
    /// The hotfix board (Hotfixes).
    case hotfixes
    /// Past releases and the audit trail (`H`).
    case history
}

/// An action that changed the repository, an environment, the overrides or the holds.
public enum ConsoleMutation: Sendable, Hashable {
    case overridesSaved
    case releaseFilesWritten
    case releaseAction(ReleaseAction)
    case deployment
    case holdsCleared
    case environmentVerified
    case hotfixAction(HotfixAction)
}

extension ConsoleReducer {
    /// The dependency map: what `mutation` may have changed.
    public static func changes(after mutation: ConsoleMutation) -> Set<ConsoleData> {
        switch mutation {
        // The version follows the overrides; the release's version and steps follow the version.
        case .overridesSaved: return [.workspace, .release]
        // The working tree changed (not the commits): the release's clean-tree precondition; the Version panel's
        // previews are read again where they are written.
        case .releaseFilesWritten: return [.release]
        // A notice changes the release's post-release steps and the audit trail only.
        case .releaseAction(.notify): return [.release, .history]
        // Branches, the PR, tags: the proposal, every step, a hotfix's base line, and the trail.
        case .releaseAction: return [.workspace, .release, .hotfixes, .history]
        // What runs where, the holds, readiness, "verified where it runs", and the trail.
        case .deployment: return [.environments, .rollback, .release, .history]
        case .holdsCleared: return [.environments, .rollback, .history]
        // A verdict changes the environment's line, the criteria "now" under readiness, step 9, and the trail.
        case .environmentVerified: return [.environments, .rollback, .release, .history]
        // Hotfix branches and tags: the board, the proposal (a new tag), the last release, and the trail.
        case .hotfixAction: return [.hotfixes, .workspace, .release, .history]
        }
    }

    /// Reads again everything `mutation` may have changed that has been read.
    static func refresh(after mutation: ConsoleMutation, _ state: inout ConsoleState) -> [ConsoleEffect] {
        var effects: [ConsoleEffect] = []
        for data in ConsoleData.allCases where changes(after: mutation).contains(data) {
            effects += refresh(data, &state)
        }
        return effects
    }

    static func refresh(_ data: ConsoleData, _ state: inout ConsoleState) -> [ConsoleEffect] {
        switch data {
        case .workspace:
            // The previews follow when it arrives (`workspaceLoaded`).
            return workspaceAgain(&state)
        case .release:
            return reloadReleaseIfRead(&state)
        case .environments:
            switch state.environments.load {
            case .loaded, .failed: return reloadEnvironments(&state)
            case .notLoaded, .loading: return []
            }
        case .rollback:
            // Read again after the environments come back (`loadRollbackIfShown`).
            state.environments.rollback = .notLoaded
            return []
        case .hotfixes:
            guard state.hotfixes.board != nil else { return [] }
            return loadHotfixBoard(&state)
        case .history:
            guard case .history = state.overlay else {
                if case .loaded = state.history { state.history = .notLoaded }
                return []
            }
            return openHistory(&state)
        }
    }

    /// The proposal read again, unless a read is already under way.
    static func workspaceAgain(_ state: inout ConsoleState) -> [ConsoleEffect] {
        guard !state.inFlight.contains(.loadingCommits) else { return [] }
        begin(.loadingCommits, &state)
        return [.loadWorkspace(overrides: state.dryRun ? state.overrides : nil)]
    }
}
