import SlipwayKit

/// The commands of the Changes and Version panels and the console's own, one function each.
extension ConsoleReducer {
    /// Enter: a hotfix's detail, or the selected commit's whole text (read when first opened).
    static func openSelected(_ state: inout ConsoleState) -> [ConsoleEffect] {
        if state.panel == .hotfixes { openHotfix(&state) }
        guard state.panel == .changes else { return [] }
        guard let commit = state.selectedCommit else {
            state.status = StatusMessage("no commit selected", .info)
            return []
        }
        state.overlay = .commitDetail(sha: commit.sha, scroll: 0)
        if state.commitDetails[commit.sha] == nil {
            begin(.readingCommit, &state)
            return [.loadCommitDetail(sha: commit.sha)]
        }
        return []
    }

    /// `/`: the filter line on the Changes panel.
    static func startFilter(_ state: inout ConsoleState) -> [ConsoleEffect] {
        if state.panel != .changes { _ = show(.changes, &state) }
        // A fresh prompt each time: the old filter goes.
        if !state.filterText.isEmpty {
            state.filterText = ""
            rebuildRows(&state, keeping: state.selectedCommit?.sha)
        }
        state.overlay = .filterInput
        state.promptCursor = nil
        return []
    }

    /// `\\`: the whole list again, the selection kept.
    static func clearFilter(_ state: inout ConsoleState) -> [ConsoleEffect] {
        state.filterText = ""
        rebuildRows(&state, keeping: state.selectedCommit?.sha)
        state.status = StatusMessage("filter cleared", .info)
        return []
    }

    /// `c`: the classify dialog for the selected commit, filled from its classification if it has one.
    static func openClassify(_ state: inout ConsoleState) -> [ConsoleEffect] {
        if state.panel != .changes { _ = show(.changes, &state) }
        guard let commit = state.selectedCommit else {
            state.status = StatusMessage("select a commit to classify", .info)
            return []
        }
        var dialog = ClassifyDialog(sha: commit.sha, subject: commit.subject)
        if let existing = commit.override,
           let index = ClassifyDialog.choices.firstIndex(where: { $0.type == existing.type && $0.level == existing.level }) {
            dialog.choice = index
            dialog.reason = existing.reason
        }
        state.overlay = .classify(dialog)
        return []
    }

    /// `x`: the selected commit's classification removed.
    static func clearCommitOverride(_ state: inout ConsoleState) -> [ConsoleEffect] {
        guard let commit = state.selectedCommit, state.overrides.commits[commit.sha] != nil else {
            state.status = StatusMessage("the selected commit has no classification to remove", .info)
            return []
        }
        var overrides = state.overrides
        overrides.commits[commit.sha] = nil
        return save(overrides, message: "\(commit.commit.shortSHA) classification removed", &state)
    }

    /// `o`: the version override dialog, filled from the override if there is one.
    static func openVersionOverride(_ state: inout ConsoleState) -> [ConsoleEffect] {
        if state.panel != .version { _ = show(.version, &state) }
        guard state.proposal != nil else {
            state.status = StatusMessage("the version cannot be overridden until the commits are loaded", .warn)
            return []
        }
        var dialog = VersionOverrideDialog()
        if let existing = state.overrides.version {
            dialog.reason = existing.reason
            switch existing.choice {
            case .level(let level):
                dialog.option = level == .major ? .major : level == .minor ? .minor : .patch
            case .prerelease(let identifier):
                dialog.option = .prerelease
                dialog.value = identifier
            case .exact(let version):
                dialog.option = .exact
                dialog.value = version.description
            }
        }
        state.overlay = .versionOverride(dialog)
        return []
    }

    /// The version override removed.
    static func clearVersionOverride(_ state: inout ConsoleState) -> [ConsoleEffect] {
        guard state.overrides.version != nil else {
            state.status = StatusMessage("the version is not overridden", .info)
            return []
        }
        var overrides = state.overrides
        overrides.version = nil
        return save(overrides, message: "version override removed", &state)
    }

    /// `w`: the files to write, to confirm, or why there is nothing to write.
    static func confirmWriteReleaseFiles(_ state: inout ConsoleState) -> [ConsoleEffect] {
        switch state.releaseFiles {
        case .unavailable:
            state.status = StatusMessage("release files cannot be written from the console yet", .warn)
        case .loaded(let diffs) where !diffs.isEmpty:
            state.overlay = .confirmWrite(files: diffs.map(\.path))
        case .loaded:
            state.status = StatusMessage("the release files need no change", .info)
        case .loading, .notLoaded:
            state.status = StatusMessage("the previews are still loading", .info)
        case .failed(let message):
            state.status = StatusMessage("cannot write: \(message)", .error)
        }
        return []
    }

    /// `D`: dry-run on (nothing is written) or off (the saved classifications again).
    static func toggleDryRun(_ state: inout ConsoleState) -> [ConsoleEffect] {
        state.dryRun.toggle()
        if state.dryRun {
            state.status = StatusMessage("dry-run on: classifications are kept in memory, nothing is written", .warn)
            if state.panel == .release || state.panel == .approvals {
                state.status = StatusMessage("dry-run on: Enter shows a step's commands and runs nothing", .warn)
            }
        } else {
            state.status = StatusMessage("dry-run off: classifications made in dry-run are dropped", .info)
            begin(.loadingCommits, &state)
            return [.loadWorkspace(overrides: nil)]
        }
        return []
    }

    /// `r`: everything read again.
    static func reload(_ state: inout ConsoleState) -> [ConsoleEffect] {
        begin(.loadingCommits, &state)
        state.commitDetails = [:]
        state.status = StatusMessage("reloading", .info)
        let environments = state.panel == .environments || state.panel == .rollback ? reloadEnvironments(&state) : []
        return [.loadWorkspace(overrides: state.dryRun ? state.overrides : nil)] + reloadRelease(&state) + environments
            + (state.panel == .hotfixes ? loadHotfixBoard(&state) : [])
        return []
    }
}
