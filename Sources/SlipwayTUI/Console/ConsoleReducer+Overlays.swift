import SlipwayKit

/// One handler per overlay: each takes a key and the overlay's own state, and updates only that.
extension ConsoleReducer {
    /// The help overlay scrolls; any other key closes it.
    static func handleHelp(_ key: Key, scroll: Int, _ state: inout ConsoleState) -> [ConsoleEffect] {
        switch key {
        case .up, .character("k"): state.overlay = .help(scroll: max(0, scroll - 1))
        case .down, .character("j"): state.overlay = .help(scroll: scroll + 1)
        case .pageDown, .character(" "): state.overlay = .help(scroll: scroll + state.bodyHeight)
        case .pageUp: state.overlay = .help(scroll: max(0, scroll - state.bodyHeight))
        default: state.overlay = nil
        }
        return []
    }

    /// The command palette: type to search, arrows to choose, Enter runs.
    static func handlePalette(_ key: Key, query: String, selection: Int, _ state: inout ConsoleState) -> [ConsoleEffect] {
        let matches = paletteMatches(query)
        switch key {
        case .escape:
            state.overlay = nil
        case .up:
            state.overlay = .palette(query: query, selection: max(0, selection - 1))
        case .down:
            state.overlay = .palette(query: query, selection: min(max(0, matches.count - 1), selection + 1))
        case .enter:
            state.overlay = nil
            guard selection < matches.count else {
                state.status = StatusMessage("no command matches '\(query)'", .warn)
                return []
            }
            return run(matches[selection], &state)
        default:
            var text = query
            edit(&text, with: key)
            state.overlay = .palette(query: text, selection: 0)
        }
        return []
    }

    /// The command log scrolls and closes.
    /// The `L` log: j/k choose a run, Enter opens it in full, Esc closes.
    static func handleCommandLog(_ key: Key, scroll: Int, _ state: inout ConsoleState) -> [ConsoleEffect] {
        let shown = commandLogShown(state)
        let position = commandLogSelection(state).flatMap { shown.firstIndex(of: $0) } ?? max(0, shown.count - 1)
        let select = { (wanted: Int, state: inout ConsoleState) in
            guard !shown.isEmpty else { return }
            let chosen = min(max(0, wanted), shown.count - 1)
            state.commandLogSelected = shown[chosen]
            state.overlay = .commandLog(scroll: commandLogScroll(state, shown: shown, position: chosen))
        }
        switch key {
        case .escape, .character("q"), .character("L"): state.overlay = nil
        case .up, .character("k"): select(position - 1, &state)
        case .down, .character("j"): select(position + 1, &state)
        case .pageUp: select(position - 10, &state)
        case .pageDown: select(position + 10, &state)
        case .character("g"), .home: select(0, &state)
        case .character("G"), .end: select(shown.count - 1, &state)
        case .enter:
            if shown.indices.contains(position) { state.overlay = .commandEntry(index: shown[position], scroll: 0) }
        default: break
        }
        return []
    }

    /// One run in full scrolls; Esc, q or Enter go back to the log.
    static func handleCommandEntry(_ key: Key, index: Int, scroll: Int, _ state: inout ConsoleState) -> [ConsoleEffect] {
        switch key {
        case .escape, .character("q"), .enter:
            let shown = commandLogShown(state)
            state.overlay = .commandLog(scroll: commandLogScroll(state, shown: shown, position: shown.firstIndex(of: index) ?? 0))
        case .up, .character("k"): state.overlay = .commandEntry(index: index, scroll: max(0, scroll - 1))
        case .down, .character("j"): state.overlay = .commandEntry(index: index, scroll: scroll + 1)
        case .character("g"), .home: state.overlay = .commandEntry(index: index, scroll: 0)
        default: break
        }
        return []
    }

    /// The runs the log lists (those with the find's text), as indices into `commandLog`.
    static func commandLogShown(_ state: ConsoleState) -> [Int] {
        state.commandLog.indices.filter { found(state.commandLog[$0].commandLine + " " + state.commandLog[$0].failureTail, state.find) }
    }

    /// The chosen run when it is listed, else the newest listed.
    static func commandLogSelection(_ state: ConsoleState) -> Int? {
        let shown = commandLogShown(state)
        if let selected = state.commandLogSelected, shown.contains(selected) { return selected }
        return shown.last
    }

    /// The scroll that puts the run at `position` among `shown` in the middle of the log's box.
    static func commandLogScroll(_ state: ConsoleState, shown: [Int], position: Int) -> Int {
        let before = OverlayView.commandLogLines(shown.prefix(position).map { state.commandLog[$0] }, width: state.width - 2).count
        return max(0, (position == 0 ? 0 : before) - max(1, state.bodyHeight / 2))
    }

    /// A commit's full text scrolls and closes.
    static func handleCommitDetail(_ key: Key, sha: String, scroll: Int, _ state: inout ConsoleState) -> [ConsoleEffect] {
        switch key {
        case .escape, .character("q"), .enter: state.overlay = nil
        case .up, .character("k"): state.overlay = .commitDetail(sha: sha, scroll: max(0, scroll - 1))
        case .down, .character("j"): state.overlay = .commitDetail(sha: sha, scroll: scroll + 1)
        case .pageUp: state.overlay = .commitDetail(sha: sha, scroll: max(0, scroll - state.bodyHeight))
        case .pageDown, .character(" "): state.overlay = .commitDetail(sha: sha, scroll: scroll + state.bodyHeight)
        case .character("g"), .home: state.overlay = .commitDetail(sha: sha, scroll: 0)
        default: break
        }
        return []
    }

    /// The filter line: typing filters at once, Enter keeps, Esc clears.
    static func handleFilterInput(_ key: Key, _ state: inout ConsoleState) -> [ConsoleEffect] {
        switch key {
        case .escape:
            state.overlay = nil
            state.filterText = ""
            rebuildRows(&state, keeping: state.selectedCommit?.sha)
            // A status that described the filter describes nothing now.
            if state.status?.text.hasPrefix("filter '") == true { state.status = StatusMessage("filter cleared", .info) }
        case .enter:
            state.overlay = nil
            state.status = filterStatus(state)
        default:
            var text = state.filterText
            editPrompt(&text, cursor: &state.promptCursor, with: key)
            if text != state.filterText {
                state.filterText = text
                // A long list is filtered off the UI thread: the prompt shows the key at once, the rows follow.
                if let index = state.workspace?.searchIndex {
                    if !state.inFlight.contains(.filtering) { begin(.filtering, &state) }
                    return [.filterCommits(text, index)]
                }
                rebuildRows(&state, keeping: nil)
            }
        }
        return []
    }

    /// Classifying a commit by hand: a level and a reason.
    static func handleClassify(_ key: Key, _ dialog: ClassifyDialog, _ state: inout ConsoleState) -> [ConsoleEffect] {
        var dialog = dialog
        switch key {
        case .escape:
            state.overlay = nil
        case .up:
            dialog.choice = max(0, dialog.choice - 1)
            state.overlay = .classify(dialog)
        case .down:
            dialog.choice = min(ClassifyDialog.choices.count - 1, dialog.choice + 1)
            state.overlay = .classify(dialog)
        case .enter:
            switch dialog.validated() {
            case .failure(let problem):
                dialog.error = problem.description
                state.overlay = .classify(dialog)
            case .success(let override):
                state.overlay = nil
                var overrides = state.overrides
                overrides.commits[dialog.sha] = override
                let short = String(dialog.sha.prefix(7))
                return save(overrides, message: "\(short) counts as \(ClassifyDialog.choices[dialog.choice].label)", &state)
            }
        default:
            edit(&dialog.reason, with: key)
            dialog.error = nil
            state.overlay = .classify(dialog)
        }
        return []
    }

    /// Overriding the next version: an option, its value and a reason.
    static func handleVersionOverride(_ key: Key, _ dialog: VersionOverrideDialog, _ state: inout ConsoleState) -> [ConsoleEffect] {
        var dialog = dialog
        switch key {
        case .escape:
            state.overlay = nil
        case .up, .down:
            let options = VersionOverrideDialog.Option.allCases
            let step = key == .up ? -1 : 1
            let index = min(options.count - 1, max(0, dialog.option.rawValue + step))
            dialog.option = options[index]
            dialog.focus = dialog.option.needsValue ? .value : .reason
            dialog.error = nil
            state.overlay = .versionOverride(dialog)
        case .tab, .backTab:
            if dialog.option.needsValue { dialog.focus = dialog.focus == .value ? .reason : .value }
            state.overlay = .versionOverride(dialog)
        case .enter:
            switch dialog.validated() {
            case .failure(let problem):
                dialog.error = problem.description
                state.overlay = .versionOverride(dialog)
            case .success(let override):
                state.overlay = nil
                var overrides = state.overrides
                overrides.version = override
                return save(overrides, message: "next version overridden (\(describe(override.choice)))", &state)
            }
        default:
            if dialog.focus == .value { edit(&dialog.value, with: key) } else { edit(&dialog.reason, with: key) }
            dialog.error = nil
            state.overlay = .versionOverride(dialog)
        }
        return []
    }

    /// Writing the release files: y writes (or says what a dry run would), n cancels.
    static func handleConfirmWrite(_ key: Key, _ state: inout ConsoleState) -> [ConsoleEffect] {
        switch key {
        case .character("y"), .enter:
            state.overlay = nil
            guard let proposal = state.proposal else { return [] }
            if state.dryRun {
                state.status = StatusMessage("dry-run: would write \(filesToWrite(state).joined(separator: ", "))", .warn)
                return []
            }
            begin(.writingFiles, &state)
            return [.writeReleaseFiles(proposal.next)]
        case .character("n"), .escape, .character("q"):
            state.overlay = nil
            state.status = StatusMessage("nothing written", .info)
        default:
            break
        }
        return []
    }

    /// A read-only overlay (the messages, the history) scrolls, and closes on Esc, q or its own key.
    static func scrollOverlay(_ key: Key, _ scroll: Int, closing: Character, _ state: inout ConsoleState,
                              _ make: (Int) -> Overlay) -> [ConsoleEffect] {
        switch key {
        case .escape, .character("q"), .character(closing): state.overlay = nil
        case .up, .character("k"): state.overlay = make(max(0, scroll - 1))
        case .down, .character("j"): state.overlay = make(scroll + 1)
        case .pageUp: state.overlay = make(max(0, scroll - state.bodyHeight))
        case .pageDown: state.overlay = make(scroll + state.bodyHeight)
        case .character("g"), .home: state.overlay = make(0)
        case .character("G"), .end: state.overlay = make(Int.max / 2)
        default: break
        }
        return []
    }

    /// `H`: the history overlay, read again each time it opens (an action may have added to it).
    static func openHistory(_ state: inout ConsoleState) -> [ConsoleEffect] {
        state.overlay = .history(scroll: 0)
        guard !state.inFlight.contains(.readingHistory) else { return [] }
        if case .loaded = state.history {} else { state.history = .loading }
        begin(.readingHistory, &state)
        return [.loadHistory]
    }
}
