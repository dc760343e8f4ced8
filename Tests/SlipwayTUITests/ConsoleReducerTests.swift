import SlipwayKit
import Testing
@testable import SlipwayTUI

/// The reducer without a terminal or a subprocess: each action, what it changes, what work it asks for.
@Suite struct ConsoleReducerTests {
    typealias Fixture = ConsoleFixture

    @Test func startLoadsTheWorkspaceWithASpinner() {
        var state = ConsoleState(repositoryPath: "/r")
        let effects = ConsoleReducer.start(&state)
        #expect(effects == [.loadWorkspace(overrides: nil)])
        #expect(state.inFlight == [.loadingCommits])
        _ = ConsoleReducer.reduce(&state, .tick)
        #expect(state.spinnerFrame == 1)
    }

    @Test func tickDoesNothingWhenIdle() {
        var state = Fixture.state()
        _ = ConsoleReducer.reduce(&state, .tick)
        #expect(state.spinnerFrame == 0)
    }

    @Test func workspaceLoadedGroupsAndSelectsTheFirstCommit() {
        let state = Fixture.state()
        #expect(!state.isBusy)
        #expect(state.rows.first == .group(.breaking, count: 1))
        #expect(state.selectedRow == 1)
        #expect(state.selectedCommit?.subject == "feat!: drop the v1 API")
    }

    @Test func workspaceFailedIsShownAndTheConsoleStaysUp() {
        var state = ConsoleState(repositoryPath: "/r")
        _ = ConsoleReducer.start(&state)
        _ = ConsoleReducer.reduce(&state, .workspaceFailed("git exploded"))
        #expect(state.status == StatusMessage("git exploded", .error))
        #expect(!state.isBusy)
        #expect(ConsoleFixture.reduce(&state, keys: [.down, .enter, .character("c")]).isEmpty)
        #expect(state.overlay == nil)
        _ = ConsoleReducer.reduce(&state, .key(.character("q")))
        #expect(state.quitRequested)
    }

    @Test func movingSkipsGroupHeadingsAndStopsAtTheEnds() {
        var state = Fixture.state()
        _ = ConsoleReducer.reduce(&state, .key(.down))
        #expect(state.selectedCommit?.subject == "feat(api): add the search endpoint")
        _ = Fixture.reduce(&state, keys: [.character("k"), .character("k"), .up])
        #expect(state.selectedRow == 1)
        _ = ConsoleReducer.reduce(&state, .key(.character("G")))
        #expect(state.selectedCommit?.subject == "update stuff")
        _ = ConsoleReducer.reduce(&state, .key(.character("j")))
        #expect(state.selectedCommit?.subject == "update stuff")
        _ = ConsoleReducer.reduce(&state, .key(.character("g")))
        #expect(state.selectedRow == 1)
        #expect(state.topRow == 0)
    }

    @Test func pagingKeepsTheSelectionOnScreen() {
        var state = Fixture.state(height: 12, commitCount: 500)
        _ = ConsoleReducer.reduce(&state, .key(.pageDown))
        #expect(state.selectedRow >= state.bodyHeight)
        #expect(state.topRow <= state.selectedRow && state.selectedRow < state.topRow + state.bodyHeight)
        _ = ConsoleReducer.reduce(&state, .key(.end))
        #expect(state.selectedRow == state.rows.count - 1)
        #expect(state.topRow == state.rows.count - state.bodyHeight)
        _ = ConsoleReducer.reduce(&state, .key(.pageUp))
        #expect(state.topRow <= state.selectedRow)
    }

    @Test func resizedKeepsTheSelectionVisible() {
        var state = Fixture.state(height: 40, commitCount: 200)
        _ = Fixture.reduce(&state, keys: Array(repeating: .down, count: 30))
        _ = ConsoleReducer.reduce(&state, .resized(width: 60, height: 12))
        #expect(state.width == 60 && state.height == 12)
        #expect(state.selectedRow < state.topRow + state.bodyHeight)
        _ = ConsoleReducer.reduce(&state, .resized(width: 20, height: 8))
        #expect(state.isTooSmall)
        #expect(ConsoleReducer.reduce(&state, .key(.character("2"))).isEmpty)
        #expect(state.panel == .changes)
    }

    @Test func tabNumbersAndBackTabChangePanels() {
        var state = Fixture.state()
        _ = ConsoleReducer.reduce(&state, .key(.tab))
        #expect(state.panel == .version)
        _ = Fixture.reduce(&state, keys: [.backTab, .backTab])
        #expect(state.panel == .hotfixes)
        for panel in PanelID.allCases {
            _ = ConsoleReducer.reduce(&state, .key(.character(Character(String(panel.rawValue)))))
            #expect(state.panel == panel)
        }
    }

    @Test func enterOpensTheCommitAndLoadsItsDetailOnce() {
        var state = Fixture.state()
        let sha = Fixture.sha(4)
        #expect(ConsoleReducer.reduce(&state, .key(.enter)) == [.loadCommitDetail(sha: sha)])
        #expect(state.overlay == .commitDetail(sha: sha, scroll: 0))
        _ = ConsoleReducer.reduce(&state, .commitDetailLoaded(sha: sha, text: "commit \(sha)"))
        #expect(state.commitDetails[sha] == "commit \(sha)")
        _ = ConsoleReducer.reduce(&state, .key(.character("j")))
        #expect(state.overlay == .commitDetail(sha: sha, scroll: 1))
        _ = ConsoleReducer.reduce(&state, .key(.escape))
        #expect(ConsoleReducer.reduce(&state, .key(.enter)).isEmpty, "the detail is cached")
    }

    @Test func commitDetailFailedSaysWhy() {
        var state = Fixture.state()
        _ = ConsoleReducer.reduce(&state, .key(.enter))
        _ = ConsoleReducer.reduce(&state, .commitDetailFailed(sha: Fixture.sha(4), message: "bad object"))
        #expect(state.commitDetails[Fixture.sha(4)] == "git show failed: bad object")
        #expect(state.status?.kind == .error)
        #expect(!state.isBusy)
    }

    @Test func filterByTextTypeScopeAndLevel() {
        var state = Fixture.state()
        _ = Fixture.reduce(&state, keys: [.character("/")] + Fixture.type("type:fix"))
        #expect(state.rows == [.group(.fixes, count: 1), .commit(5)])
        _ = Fixture.reduce(&state, keys: Array(repeating: .backspace, count: 8) + Fixture.type("scope:api") + [.enter])
        #expect(state.overlay == nil)
        #expect(state.rows.compactMap(\.commitIndex) == [6])
        #expect(state.status?.text == "filter 'scope:api': 1 commit(s)")
        _ = Fixture.reduce(&state, keys: [.character("/")] + Array(repeating: .backspace, count: 9) + Fixture.type("level:patch"))
        #expect(state.rows.compactMap(\.commitIndex) == [0, 5])
        _ = ConsoleReducer.reduce(&state, .key(.escape))
        #expect(state.filterText.isEmpty)
        #expect(state.rows.count == 12)
    }

    @Test func clearFilterCommand() {
        var state = Fixture.state()
        _ = Fixture.reduce(&state, keys: [.character("/")] + Fixture.type("hopper") + [.enter])
        #expect(state.rows.compactMap(\.commitIndex) == [0, 5])
        _ = ConsoleReducer.reduce(&state, .key(.character("\\")))
        #expect(state.filterText.isEmpty && state.rows.count == 12)
    }

    @Test func classifyNeedsAReasonThenSavesAndReloads() {
        var state = Fixture.state()
        _ = Fixture.reduce(&state, keys: [.character("G"), .character("c")])
        guard case .classify(let dialog) = state.overlay else { Issue.record("no dialog"); return }
        #expect(dialog.sha == Fixture.sha(2))
        #expect(Fixture.reduce(&state, keys: [.down, .enter]).isEmpty)
        guard case .classify(let refused) = state.overlay else { Issue.record("dialog closed"); return }
        #expect(refused.error == "a reason is required (type it, then Enter)")
        let effects = Fixture.reduce(&state, keys: Fixture.type("fixes CI") + [.enter])
        var expected = ReleaseOverrides(base: "v1.4.0")
        expected.commits[Fixture.sha(2)] = CommitOverride(level: .patch, type: "fix", reason: "fixes CI")
        #expect(effects == [.saveOverrides(expected, persist: true, message: "3a5e402 counts as fix: a bug fix (patch)")])
        #expect(state.overlay == nil)
        #expect(state.inFlight.contains(.savingOverrides) && state.inFlight.contains(.loadingCommits))

        _ = ConsoleReducer.reduce(&state, .overridesSaved(expected, message: "3a5e402 counts as fix"))
        _ = ConsoleReducer.reduce(&state, .workspaceLoaded(Fixture.workspace(Fixture.proposal(overrides: expected), overrides: expected)))
        #expect(!state.isBusy)
        #expect(state.status == StatusMessage("3a5e402 counts as fix", .ok))
        #expect(state.selectedCommit?.sha == Fixture.sha(2), "the selection follows the commit into its new group")
        #expect(state.selectedCommit?.group == .fixes)
        #expect(ConsoleView.render(state).text.contains("3a5e402 ✎ update stuff"))
    }

    @Test func twoClassificationsInQuickSuccessionAreBothKept() {
        var state = Fixture.state()
        _ = Fixture.reduce(&state, keys: [.character("G"), .character("c")] + Fixture.type("first") + [.enter])
        let second = Fixture.reduce(&state, keys: [.character("k"), .character("c")] + Fixture.type("second") + [.enter])
        guard case .saveOverrides(let both, true, _)? = second.first else { Issue.record("\(second)"); return }
        #expect(Set(both.commits.keys) == [Fixture.sha(2), Fixture.sha(1)])
        // The first save's reload comes back while the second is queued: it must not forget the second.
        var first = ReleaseOverrides(base: "v1.4.0")
        first.commits[Fixture.sha(2)] = both.commits[Fixture.sha(2)]
        _ = ConsoleReducer.reduce(&state, .overridesSaved(first, message: "first"))
        _ = ConsoleReducer.reduce(&state, .workspaceLoaded(Fixture.workspace(Fixture.proposal(overrides: first), overrides: first)))
        #expect(state.overrides == both)
        _ = ConsoleReducer.reduce(&state, .overridesSaved(both, message: "second"))
        _ = ConsoleReducer.reduce(&state, .workspaceLoaded(Fixture.workspace(Fixture.proposal(overrides: both), overrides: both)))
        #expect(state.overrides == both)
        #expect(!state.isBusy)
    }

    @Test func clearingAClassification() {
        var overrides = ReleaseOverrides(base: "v1.4.0")
        overrides.commits[Fixture.sha(4)] = CommitOverride(level: .minor, reason: "not really breaking")
        var state = Fixture.state(overrides: overrides)
        #expect(state.selectedCommit?.sha == Fixture.sha(4))
        let effects = ConsoleReducer.reduce(&state, .key(.character("x")))
        #expect(effects == [.saveOverrides(ReleaseOverrides(base: "v1.4.0"), persist: true, message: "3a60624 classification removed")])
        var clean = Fixture.state()
        #expect(ConsoleReducer.reduce(&clean, .key(.character("x"))).isEmpty)
    }

    @Test func overridesFailedIsAnErrorAndEndsTheWork() {
        var state = Fixture.state()
        _ = Fixture.reduce(&state, keys: [.character("c")] + Fixture.type("why") + [.enter])
        #expect(ConsoleReducer.reduce(&state, .overridesFailed("disk full")) == [.loadWorkspace(overrides: nil)])
        #expect(state.status == StatusMessage("disk full", .error))
        #expect(state.inFlight == [.loadingCommits], "only the reload of what is really saved is left")
    }

    @Test func versionOverrideIsValidatedAndNeedsAReason() throws {
        var state = Fixture.state()
        _ = Fixture.reduce(&state, keys: [.character("2"), .character("o"), .down, .down])
        guard case .versionOverride(var dialog) = state.overlay else { Issue.record("no dialog"); return }
        #expect(dialog.option == .prerelease && dialog.focus == .value)
        _ = Fixture.reduce(&state, keys: Fixture.type("r c") + [.enter])
        guard case .versionOverride(let refused) = state.overlay else { Issue.record("dialog closed"); return }
        #expect(refused.error?.contains("not a pre-release identifier") == true)
        _ = Fixture.reduce(&state, keys: [.backspace, .backspace, .character("c"), .enter])
        guard case .versionOverride(let noReason) = state.overlay else { Issue.record("dialog closed"); return }
        #expect(noReason.error == "a reason is required")
        let effects = Fixture.reduce(&state, keys: [.tab] + Fixture.type("soak in staging") + [.enter])
        var expected = ReleaseOverrides(base: "v1.4.0")
        expected.version = VersionOverride(choice: .prerelease("rc"), reason: "soak in staging")
        #expect(effects == [.saveOverrides(expected, persist: true, message: "next version overridden (pre-release rc)")])
        dialog = VersionOverrideDialog()
        dialog.option = .exact
        dialog.value = "v3.0.0"
        dialog.reason = "marketing"
        #expect(try dialog.validated().get() == VersionOverride(choice: .exact(SemanticVersion(major: 3, minor: 0, patch: 0)), reason: "marketing"))
    }

    @Test func clearingTheVersionOverride() {
        var overrides = ReleaseOverrides(base: "v1.4.0")
        overrides.version = VersionOverride(choice: .level(.minor), reason: "not breaking for users")
        var state = Fixture.state(overrides: overrides)
        _ = ConsoleReducer.reduce(&state, .key(.character("2")))
        _ = ConsoleReducer.reduce(&state, .key(.character("o")))
        guard case .versionOverride(let dialog) = state.overlay else { Issue.record("no dialog"); return }
        #expect(dialog.option == .minor && dialog.reason == "not breaking for users", "the dialog starts from the override in force")
        _ = ConsoleReducer.reduce(&state, .key(.escape))
        #expect(ConsoleReducer.reduce(&state, .key(.character("X"))) ==
                [.saveOverrides(ReleaseOverrides(base: "v1.4.0"), persist: true, message: "version override removed")])
        #expect(state.overrides.version == nil)
    }

    @Test func dryRunKeepsOverridesInMemory() {
        var state = Fixture.state()
        _ = ConsoleReducer.reduce(&state, .key(.character("d")))
        #expect(state.dryRun)
        #expect(ConsoleView.render(state).line(0).contains("DRY-RUN"))
        let effects = Fixture.reduce(&state, keys: [.character("c")] + Fixture.type("test") + [.enter])
        guard case .saveOverrides(_, let persist, let message) = effects.first else { Issue.record("no save"); return }
        #expect(!persist)
        #expect(message.hasPrefix("dry-run: "))
        #expect(ConsoleReducer.reduce(&state, .key(.character("d"))) == [.loadWorkspace(overrides: nil)])
        #expect(!state.dryRun)
    }

    @Test func releaseFilesUnavailableSaysSo() {
        var state = Fixture.state()
        #expect(ConsoleReducer.reduce(&state, .key(.character("2"))).isEmpty)
        _ = ConsoleReducer.reduce(&state, .key(.character("w")))
        #expect(state.status == StatusMessage("release files cannot be written from the console yet", .warn))
    }

    @Test func releaseFilesPreviewConfirmAndWrite() {
        var state = ConsoleState(repositoryPath: "/r", releaseFilesAvailable: true)
        _ = ConsoleReducer.reduce(&state, .workspaceLoaded(Fixture.workspace(Fixture.proposal())))
        let next = SemanticVersion(major: 2, minor: 0, patch: 0)
        #expect(ConsoleReducer.reduce(&state, .key(.character("2"))) == [.previewReleaseFiles(next)])
        #expect(state.releaseFiles == .loading)
        let diffs = [FileDiff(path: "package.json", diff: "-  \"version\": \"1.4.0\"\n+  \"version\": \"2.0.0\""),
                     FileDiff(path: "CHANGELOG.md", diff: "+## [2.0.0]")]
        _ = ConsoleReducer.reduce(&state, .previewsLoaded(diffs))
        #expect(ConsoleView.render(state).text.contains("+  \"version\": \"2.0.0\""))
        _ = ConsoleReducer.reduce(&state, .key(.character("w")))
        #expect(state.overlay == .confirmWrite(files: ["package.json", "CHANGELOG.md"]))
        #expect(ConsoleReducer.reduce(&state, .key(.character("n"))).isEmpty)
        #expect(state.status?.text == "nothing written")
        _ = ConsoleReducer.reduce(&state, .key(.character("w")))
        #expect(ConsoleReducer.reduce(&state, .key(.character("y"))) == [.writeReleaseFiles(next)])
        _ = ConsoleReducer.reduce(&state, .releaseFilesWritten(["package.json", "CHANGELOG.md"]))
        #expect(state.status == StatusMessage("wrote package.json, CHANGELOG.md", .ok))
        #expect(state.releaseFiles == .loading, "the previews are refreshed after a write")
        _ = ConsoleReducer.reduce(&state, .previewsFailed("CHANGELOG.md has no Unreleased section"))
        #expect(state.releaseFiles == .failed("CHANGELOG.md has no Unreleased section"))
        _ = ConsoleReducer.reduce(&state, .releaseFilesFailed("permission denied"))
        #expect(state.status?.kind == .error)
    }

    @Test func dryRunDoesNotWriteReleaseFiles() {
        var state = ConsoleState(repositoryPath: "/r", dryRun: true, releaseFilesAvailable: true)
        _ = ConsoleReducer.reduce(&state, .workspaceLoaded(Fixture.workspace(Fixture.proposal())))
        _ = ConsoleReducer.reduce(&state, .key(.character("2")))
        _ = ConsoleReducer.reduce(&state, .previewsLoaded([FileDiff(path: "package.json", diff: "+x")]))
        _ = ConsoleReducer.reduce(&state, .key(.character("w")))
        #expect(ConsoleReducer.reduce(&state, .key(.character("y"))).isEmpty)
        #expect(state.status?.text == "dry-run: would write package.json")
    }

    @Test func commandLogUpdatedAndShown() {
        var state = Fixture.state()
        _ = ConsoleReducer.reduce(&state, .commandLogUpdated([]))
        _ = ConsoleReducer.reduce(&state, .key(.character("L")))
        #expect(ConsoleView.render(state).text.contains("No command has run yet."))
        _ = ConsoleReducer.reduce(&state, .key(.character("L")))
        #expect(state.overlay == nil)
    }

    @Test func paletteRunsCommandsByName() {
        var state = Fixture.state()
        _ = Fixture.reduce(&state, keys: [.character(":")] + Fixture.type("version") + [.down])
        #expect(state.overlay == .palette(query: "version", selection: 1))
        _ = Fixture.reduce(&state, keys: Array(repeating: .backspace, count: 7) + Fixture.type("show-ver") + [.enter])
        #expect(state.panel == .version)
        #expect(state.overlay == nil)
        _ = Fixture.reduce(&state, keys: [.character(":")] + Fixture.type("zzz") + [.enter])
        #expect(state.status?.text == "no command matches 'zzz'")
    }

    @Test func everyCommandIsInThePaletteAndRunsFromAnyPanel() {
        for command in ConsoleCommand.allCases {
            #expect(ConsoleReducer.paletteMatches(command.rawValue).contains(command))
            for panel in PanelID.allCases {
                var state = Fixture.state()
                state.panel = panel
                _ = ConsoleReducer.reduce(&state, .command(command))
                // Each command either does something you can see or says why it does nothing.
                let changed = state.panel != panel || state.overlay != nil || state.status != nil || !state.inFlight.isEmpty
                    || state.quitRequested || state.dryRun || state.selectedRow != 0
                #expect(changed || [.moveUp, .top, .pageUp, .clearFilter].contains(command), "\(command) on \(panel) showed nothing")
                ScreenChecks.expectWellFormed(ConsoleView.render(state), state, width: state.width, height: state.height)
            }
        }
    }

    @Test func unknownKeysSaySoInsteadOfNothing() {
        var state = Fixture.state()
        _ = ConsoleReducer.reduce(&state, .key(.character("z")))
        #expect(state.status?.text == "z does nothing here: ? lists the keys")
    }

    @Test func quitFromTheKeyboardAndThePalette() {
        var state = Fixture.state()
        _ = ConsoleReducer.reduce(&state, .key(.character("q")))
        #expect(state.quitRequested)
        var other = Fixture.state()
        _ = Fixture.reduce(&other, keys: [.character(":")] + Fixture.type("quit") + [.enter])
        #expect(other.quitRequested)
        var typing = Fixture.state()
        _ = Fixture.reduce(&typing, keys: [.character("/"), .character("q")])
        #expect(!typing.quitRequested, "q typed into the filter is a letter")
    }
}
