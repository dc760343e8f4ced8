import SlipwayKit

/// The console's only state change: `reduce(&state, action)` updates the state and returns the work to do.
/// Pure: no terminal, no subprocess, no clock.
public enum ConsoleReducer {
    // Long because it is the router of every action to its handler, one line each.
    public static func reduce(_ state: inout ConsoleState, _ action: ConsoleAction) -> [ConsoleEffect] {
        if let effects = reduceEnvironments(&state, action) { return effects }
        if let effects = reduceBrowsing(&state, action) { return effects }
        switch action {
        case .key(let key):
            return handle(key, &state)
        case .command(let command):
            return run(command, &state)
        case .resized(let width, let height):
            state.width = max(0, width)
            state.height = max(0, height)
            keepSelectionVisible(&state)
            return []
        case .sharedSynced(let staleness, let migrated):
            state.sharedStaleness = staleness
            if !migrated.isEmpty { state.status = StatusMessage("moved into the shared records: " + migrated.joined(separator: "; "), .info) }
            return []
        case .tick:
            if state.isBusy { state.spinnerFrame = (state.spinnerFrame + 1) % 10 }
            state.environments.running?.ticks += 1
            return []
        case .workspaceLoaded(let workspace):
            finish(.loadingCommits, &state)
            let previousSha = state.selectedCommit?.sha
            state.load = .loaded(workspace)
            state.streamingCommits = []
            // While a save is queued, the overrides in the state are newer than the ones this load used.
            if !state.inFlight.contains(.savingOverrides) { state.overrides = workspace.overrides }
            state.decidingCommits = workspace.proposal.decidingCommits
            state.unclassifiedCount = workspace.proposal.commits.reduce(0) { $0 + ($1.group == .notConventional ? 1 : 0) }
            rebuildRows(&state, keeping: previousSha)
            if case .loaded = state.releaseFiles { state.releaseFiles = .notLoaded }
            if case .failed = state.releaseFiles { state.releaseFiles = .notLoaded }
            return previewIfShown(&state)
        case .workspaceFailed(let message):
            finish(.loadingCommits, &state)
            state.load = .failed(message)
            state.rows = []
            state.shownCommitCount = 0
            state.status = StatusMessage(message, .error)
            return []
        case .commitDetailLoaded(let sha, let text):
            finish(.readingCommit, &state)
            state.commitDetails[sha] = text
            return []
        case .commitDetailFailed(let sha, let message):
            finish(.readingCommit, &state)
            state.commitDetails[sha] = "git show failed: " + message
            state.status = StatusMessage(message, .error)
            return []
        case .overridesSaved(_, let message):
            // `state.overrides` already holds this save and any made after it.
            finish(.savingOverrides, &state)
            state.status = StatusMessage(message, .ok)
            // The proposal is read again by the save itself; the release's version and steps follow it.
            return refresh(after: .overridesSaved, &state)
        case .overridesFailed(let message):
            finish(.savingOverrides, &state)
            finish(.loadingCommits, &state)
            state.status = StatusMessage(message, .error)
            // What is saved is no longer what the state holds: read it back.
            begin(.loadingCommits, &state)
            return [.loadWorkspace(overrides: nil)]
        case .commandLogUpdated(let records):
            state.commandLog = records
            return []
        case .previewsLoaded(let diffs):
            finish(.previewingFiles, &state)
            state.releaseFiles = .loaded(diffs)
            return []
        case .previewsFailed(let message):
            finish(.previewingFiles, &state)
            state.releaseFiles = .failed(message)
            return []
        case .releaseFilesWritten(let paths):
            finish(.writingFiles, &state)
            state.lastWritten = paths
            state.status = StatusMessage("wrote \(paths.joined(separator: ", "))", .ok)
            state.releaseFiles = .notLoaded
            // The working tree changed: the previews, and the release's preconditions.
            return previewIfShown(&state) + refresh(after: .releaseFilesWritten, &state)
        case .releaseFilesFailed(let message):
            finish(.writingFiles, &state)
            state.status = StatusMessage("writing the release files failed: \(message)", .error)
            return []
        case .hotfixes(let result):
            return reduceHotfix(result, &state)
        case .releaseLoaded, .releaseFailed, .releasePlanned, .releasePlanFailed, .releaseActionDone, .releaseActionFailed:
            return reduceRelease(action, &state)
        default:
            return []
        }
    }

    /// The first action: load the repository.
    public static func start(_ state: inout ConsoleState) -> [ConsoleEffect] {
        begin(.loadingCommits, &state)
        return [.loadWorkspace(overrides: nil)]
    }

    // MARK: Keys

    static func handle(_ key: Key, _ state: inout ConsoleState) -> [ConsoleEffect] {
        if state.isTooSmall {
            if key == .character("q") { state.quitRequested = true }
            return []
        }
        if let effects = handleMouse(key, &state) { return effects }
        if let effects = handleFind(key, &state) { return effects }
        if let overlay = state.overlay { return handle(key, in: overlay, &state) }
        if let effects = handleHotfixConfirm(key, &state) { return effects }
        guard let command = KeyBinding.command(for: key, on: state.panel) else {
            if case .character(let character) = key, character != " ", character.unicodeScalars.first.map({ $0.value >= 0x20 }) == true {
                state.status = StatusMessage("\(character) does nothing here: ? lists the keys", .info)
            }
            return []
        }
        return run(command, &state)
    }

    /// Routes a key to the open overlay's handler: each overlay updates only itself.
    static func handle(_ key: Key, in overlay: Overlay, _ state: inout ConsoleState) -> [ConsoleEffect] {
        switch overlay {
        case .help(let scroll): return handleHelp(key, scroll: scroll, &state)
        case .palette(let query, let selection): return handlePalette(key, query: query, selection: selection, &state)
        case .commandLog(let scroll): return handleCommandLog(key, scroll: scroll, &state)
        case .commandEntry(let index, let scroll): return handleCommandEntry(key, index: index, scroll: scroll, &state)
        case .messages(let scroll):
            if key == .character("y") { return copySelection(&state) }
            return scrollOverlay(key, scroll, closing: "M", &state) { .messages(scroll: $0) }
        case .history(let scroll): return scrollOverlay(key, scroll, closing: "H", &state) { .history(scroll: $0) }
        case .commitDetail(let sha, let scroll): return handleCommitDetail(key, sha: sha, scroll: scroll, &state)
        case .filterInput: return handleFilterInput(key, &state)
        case .classify(let dialog): return handleClassify(key, dialog, &state)
        case .versionOverride(let dialog): return handleVersionOverride(key, dialog, &state)
        case .confirmWrite: return handleConfirmWrite(key, &state)
        case .confirmEnvironment(let dialog): return handle(key, confirming: dialog, &state)
        case .confirmRelease(let confirmation): return confirmRelease(key, confirmation, &state)
        }
    }

    /// Typing into a one-line text field.
    static func edit(_ text: inout String, with key: Key) {
        switch key {
        case .backspace, .delete:
            if !text.isEmpty { text.removeLast() }
        case .character("\u{15}"):
            // Ctrl-U: the whole line.
            text = ""
        case .character("\u{17}"):
            // Ctrl-W: the word before the end, and the spaces after it.
            while text.last == " " { text.removeLast() }
            while let last = text.last, last != " " { _ = last; text.removeLast() }
        case .character(let character):
            if let scalar = character.unicodeScalars.first, scalar.value >= 0x20, scalar.value != 0x7F, text.count < 200 {
                text.append(character)
            }
        default:
            break
        }
    }

    /// Readline keys in a prompt with a cursor (the filter, the find): Ctrl-A/Home and Ctrl-E/End, ←/→, Backspace
    /// and Delete around the cursor, Ctrl-U to the start, Ctrl-K to the end, Ctrl-W the word before it.
    static func editPrompt(_ text: inout String, cursor: inout Int?, with key: Key) {
        var characters = Array(text)
        var at = min(cursor ?? characters.count, characters.count)
        switch key {
        case .character("\u{01}"), .home: at = 0
        case .character("\u{05}"), .end: at = characters.count
        case .left: at = max(0, at - 1)
        case .right: at = min(characters.count, at + 1)
        case .backspace where at > 0:
            characters.remove(at: at - 1)
            at -= 1
        case .delete where at < characters.count: characters.remove(at: at)
        case .character("\u{15}"):
            characters.removeSubrange(0..<at)
            at = 0
        case .character("\u{0B}"): characters.removeSubrange(at...)
        case .character("\u{17}"):
            var start = at
            while start > 0, characters[start - 1] == " " { start -= 1 }
            while start > 0, characters[start - 1] != " " { start -= 1 }
            characters.removeSubrange(start..<at)
            at = start
        case .character(let character):
            guard let scalar = character.unicodeScalars.first, scalar.value >= 0x20, scalar.value != 0x7F, characters.count < 200 else { break }
            characters.insert(character, at: at)
            at += 1
        default:
            break
        }
        text = String(characters)
        cursor = at == characters.count ? nil : at
    }

    /// `text` with the cursor drawn where it is.
    public static func withCursor(_ text: String, _ cursor: Int?) -> String {
        let characters = Array(text)
        let at = min(cursor ?? characters.count, characters.count)
        return String(characters[..<at]) + "▏" + String(characters[at...])
    }

    /// Palette commands whose name or title contains every word of `query`.
    public static func paletteMatches(_ query: String) -> [ConsoleCommand] {
        let words = query.lowercased().split(separator: " ")
        return ConsoleCommand.allCases.filter { command in
            let text = (command.rawValue + " " + command.title).lowercased()
            return words.allSatisfy { text.contains($0) }
        }
    }

    // MARK: Commands

    // Long because it is the router of every command to its handler, a line or two each.
    /// Routes a command (a key, or the palette) to what does it; each does one thing.
    static func run(_ command: ConsoleCommand, _ state: inout ConsoleState) -> [ConsoleEffect] {
        if let panel = command.panel { return show(panel, &state) }
        switch command {
        case .nextPanel: return show(state.panel.next(), &state)
        case .previousPanel: return show(state.panel.previous(), &state)
        case .moveUp: return move(by: -1, &state)
        case .moveDown: return move(by: 1, &state)
        case .pageUp: return move(by: -state.bodyHeight, &state)
        case .pageDown: return move(by: state.bodyHeight, &state)
        case .top: return move(by: -Int.max / 2, &state)
        case .bottom: return move(by: Int.max / 2, &state)
        case .open: return openSelected(&state)
        case .filter: return startFilter(&state)
        case .clearFilter: return clearFilter(&state)
        case .classifyCommit: return openClassify(&state)
        case .clearCommitOverride: return clearCommitOverride(&state)
        case .overrideVersion: return openVersionOverride(&state)
        case .clearVersionOverride: return clearVersionOverride(&state)
        case .writeReleaseFiles: return confirmWriteReleaseFiles(&state)
        case .runNextStep: return runNextStep(&state)
        case .approveRelease: return planRelease(.approve, &state)
        case .promote: return startPromotion(&state)
        case .rollback: return startRollback(&state)
        case .drill: return startDrill(&state)
        case .find:
            let effects = [.hotfixes, .environments].contains(state.panel) ? [] : show(.hotfixes, &state)
            clearFind(&state)
            state.findEditing = true
            return effects
        case .copy: return copySelection(&state)
        case .openInBrowser: return openSelection(&state)
        case .clearHold: return clearHold(&state)
        case .toggleDryRun: return toggleDryRun(&state)
        case .reload: return reload(&state)
        case .verifyArtefacts: return verifyArtefacts(&state)
        case .notifyStakeholders: return notifyStakeholders(&state)
        case .verifyEnvironment: return verifyEnvironment(&state)
        case .hotfixStart: return requestHotfix(.start, &state)
        case .hotfixPrepare: return requestHotfix(.prepare, &state)
        case .hotfixApprove: return requestHotfix(.approve, &state)
        case .hotfixMerge: return requestHotfix(.merge, &state)
        case .hotfixTag: return requestHotfix(.tag, &state)
        case .hotfixBackport: return requestHotfix(.backport, &state)
        case .hotfixApproveBackport: return requestHotfix(.approveBackport, &state)
        case .hotfixMergeBackport: return requestHotfix(.mergeBackport, &state)
        case .closeHotfix: closeHotfix(&state)
        case .commandLog:
            clearFind(&state)
            state.commandLogSelected = nil
            state.overlay = .commandLog(scroll: Int.max / 2)
        case .messages: state.overlay = .messages(scroll: Int.max / 2)
        case .history:
            clearFind(&state)
            return openHistory(&state)
        case .help:
            clearFind(&state)
            state.overlay = .help(scroll: 0)
        case .palette: state.overlay = .palette(query: "", selection: 0)
        case .quit: state.quitRequested = true
        default: break
        }
        return []
    }

    static func show(_ panel: PanelID, _ state: inout ConsoleState) -> [ConsoleEffect] {
        if panel != state.panel { clearFind(&state) }
        state.panel = panel
        state.status = nil
        return previewIfShown(&state) + loadReleaseIfShown(&state) + loadEnvironmentsIfShown(&state) + hotfixBoardIfShown(&state)
    }

    /// On the Version panel, loads the release-file previews once the proposal is there.
    static func previewIfShown(_ state: inout ConsoleState) -> [ConsoleEffect] {
        guard state.panel == .version, state.releaseFiles == .notLoaded, let proposal = state.proposal else { return [] }
        state.releaseFiles = .loading
        begin(.previewingFiles, &state)
        return [.previewReleaseFiles(proposal.next)]
    }

    static func save(_ overrides: ReleaseOverrides, message: String, _ state: inout ConsoleState) -> [ConsoleEffect] {
        // The next classification builds on this one even before the save has come back.
        state.overrides = overrides
        begin(.savingOverrides, &state)
        begin(.loadingCommits, &state)
        let text = state.dryRun ? "dry-run: \(message) (not saved)" : message
        return [.saveOverrides(overrides, persist: !state.dryRun, message: text)]
    }

    static func describe(_ choice: VersionOverride.Choice) -> String {
        switch choice {
        case .level(let level): return "\(level) bump"
        case .prerelease(let identifier): return "pre-release \(identifier)"
        case .exact(let version): return "exactly \(version)"
        }
    }

    static func filesToWrite(_ state: ConsoleState) -> [String] {
        if case .loaded(let diffs) = state.releaseFiles { return diffs.map(\.path) }
        return []
    }

    static func filterStatus(_ state: ConsoleState) -> StatusMessage? {
        guard !state.filterText.isEmpty else { return nil }
        let count = state.shownCommitCount
        return StatusMessage("filter '\(state.filterText)': \(count) commit(s)", .info)
    }

    // MARK: Lists

    @discardableResult
    static func move(by delta: Int, _ state: inout ConsoleState) -> [ConsoleEffect] {
        switch state.panel {
        case .changes:
            guard !state.rows.isEmpty else { return [] }
            var target = min(state.rows.count - 1, max(0, state.selectedRow + delta))
            // Land on a commit, not a heading: step on in the direction of travel, or back.
            let step = delta >= 0 ? 1 : -1
            var probe = target
            while probe >= 0, probe < state.rows.count, state.rows[probe].commitIndex == nil { probe += step }
            if probe < 0 || probe >= state.rows.count {
                probe = target
                while probe >= 0, probe < state.rows.count, state.rows[probe].commitIndex == nil { probe -= step }
            }
            if probe >= 0, probe < state.rows.count { target = probe }
            state.selectedRow = target
            keepSelectionVisible(&state)
            if delta == -Int.max / 2 { state.topRow = 0 }
        case .version:
            state.versionScroll = scrolled(state.versionScroll, by: delta, lines: VersionPanel.lines(state, width: state.width).count, state)
        case .release, .approvals:
            scrollRelease(by: delta, &state)
        case .environments, .rollback:
            return moveEnvironment(by: delta, &state)
        case .hotfixes:
            moveHotfix(by: delta, &state)
        }
        return []
    }

    static func keepSelectionVisible(_ state: inout ConsoleState) {
        let page = state.bodyHeight
        if state.selectedRow < state.topRow { state.topRow = state.selectedRow }
        if state.selectedRow >= state.topRow + page { state.topRow = state.selectedRow - page + 1 }
        // A heading just above the first commit stays in view.
        if state.topRow > 0, state.topRow == state.selectedRow, state.rows.indices.contains(state.topRow - 1),
           state.rows[state.topRow - 1].commitIndex == nil {
            state.topRow -= 1
        }
        state.topRow = max(0, min(state.topRow, max(0, state.rows.count - page)))
    }

    static func rebuildRows(_ state: inout ConsoleState, keeping sha: String?) {
        guard let proposal = state.proposal else {
            state.rows = []
            state.shownCommitCount = 0
            return
        }
        apply(ChangeRow.rows(for: proposal.commits, filter: ChangeFilter(parsing: state.filterText)), &state, keeping: sha)
    }

    /// A list with more commits than this is filtered off the UI thread.
    public static let backgroundFilterThreshold = 5_000

    /// `rows` in the Changes list, the selection kept on `sha` or put on the first commit.
    static func apply(_ rows: [ChangeRow], _ state: inout ConsoleState, keeping sha: String?) {
        guard let proposal = state.proposal else { return }
        state.rows = rows
        state.shownCommitCount = state.rows.reduce(0) { $0 + ($1.commitIndex == nil ? 0 : 1) }
        var selected = 0
        if let sha, let index = state.rows.firstIndex(where: { row in
            row.commitIndex.map { proposal.commits[$0].sha == sha } ?? false
        }) {
            selected = index
        } else if let first = state.rows.firstIndex(where: { $0.commitIndex != nil }) {
            selected = first
        }
        state.selectedRow = selected
        if sha == nil { state.topRow = 0 }
        keepSelectionVisible(&state)
    }

    // MARK: Background work

    static func begin(_ work: BackgroundWork, _ state: inout ConsoleState) {
        state.inFlight.append(work)
    }

    static func finish(_ work: BackgroundWork, _ state: inout ConsoleState) {
        if let index = state.inFlight.firstIndex(of: work) { state.inFlight.remove(at: index) }
    }
}
