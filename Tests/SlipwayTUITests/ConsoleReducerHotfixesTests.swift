import SlipwayKit
import Testing
@testable import SlipwayTUI

/// The Hotfixes panel's reducer: loading the board, Enter/Esc, and an action's dry run → confirm → run → reload.
@Suite struct ConsoleReducerHotfixesTests {
    let v121 = HotfixFixture.version("1.2.1")

    @Test func showingThePanelReadsTheBoardOnce() {
        var state = ConsoleFixture.state()
        #expect(ConsoleReducer.reduce(&state, .key(.character("7"))) == [.hotfixes(.loadBoard)])
        #expect(state.inFlight == [.readingHotfixes])
        #expect(ConsoleReducer.reduce(&state, .key(.character("1"))).isEmpty)
        #expect(ConsoleReducer.reduce(&state, .key(.character("7"))).isEmpty, "read twice while reading")
        _ = ConsoleReducer.reduce(&state, .hotfixes(.boardLoaded(HotfixFixture.board)))
        #expect(!state.isBusy)
        #expect(state.hotfixes.current?.version.description == "1.0.2")
    }

    @Test func enterOpensTheSelectedHotfixAndEscGoesBack() {
        var state = HotfixFixture.state()
        _ = ConsoleFixture.reduce(&state, keys: [.down, .enter])
        #expect(state.hotfixes.opened == v121)
        _ = ConsoleFixture.reduce(&state, keys: [.escape])
        #expect(state.hotfixes.opened == nil && state.hotfixes.selected == 1)
    }

    @Test func anActionAsksForItsDryRunThenRunsOnlyAfterYes() {
        var state = HotfixFixture.state()
        let effects = ConsoleFixture.reduce(&state, keys: [.down, .character("b")])
        let request = HotfixRequest(.backport, version: v121)
        #expect(effects == [.hotfixes(.plan(request))])
        _ = ConsoleReducer.reduce(&state, .hotfixes(.planned(request, commands: ["git cherry-pick -x 0e388a9"], message: "")))
        #expect(state.hotfixes.confirm?.commands == ["git cherry-pick -x 0e388a9"])
        #expect(ConsoleFixture.reduce(&state, keys: [.character("j")]).isEmpty, "other keys do nothing under the dialog")
        #expect(ConsoleFixture.reduce(&state, keys: [.character("y")]) == [.hotfixes(.run(request))])
        #expect(state.hotfixes.confirm == nil && state.inFlight == [.runningHotfix])
        let reload = ConsoleReducer.reduce(&state, .hotfixes(.done(request, message: "backport/v1.2.1 pushed")))
        // The board and the proposal (the release was never read here, so it is not read now).
        #expect(reload == [.loadWorkspace(overrides: nil), .hotfixes(.loadBoard)])
        #expect(state.status == StatusMessage("backport/v1.2.1 pushed", .ok))
    }

    @Test func noCancelsAndDryRunRunsNothing() {
        var state = HotfixFixture.state()
        let request = HotfixRequest(.merge, version: v121)
        _ = ConsoleFixture.reduce(&state, keys: [.down, .character("m")])
        _ = ConsoleReducer.reduce(&state, .hotfixes(.planned(request, commands: ["git merge"], message: "")))
        #expect(ConsoleFixture.reduce(&state, keys: [.character("n")]).isEmpty)
        #expect(state.hotfixes.confirm == nil && state.status?.text.contains("cancelled") == true)

        _ = ConsoleFixture.reduce(&state, keys: [.character("d"), .character("m")])
        _ = ConsoleReducer.reduce(&state, .hotfixes(.planned(request, commands: ["git merge"], message: "")))
        #expect(ConsoleFixture.reduce(&state, keys: [.character("y")]).isEmpty)
        #expect(state.status?.kind == .warn && state.status?.text.hasPrefix("dry-run:") == true)
    }

    @Test func anActionThatDoesNotApplyIsRefusedWithTheNextStep() {
        var state = HotfixFixture.state()
        _ = ConsoleFixture.reduce(&state, keys: [.down])
        #expect(ConsoleFixture.reduce(&state, keys: [.character("t")]).isEmpty)
        #expect(state.status?.text == "tag does not apply to 1.2.1 now (ready-to-merge): m on the Hotfixes panel (7)")
        // The fixture's last release is v1.4.0: its line has no hotfix yet.
        let start = HotfixRequest(.start, version: HotfixFixture.version("1.4.1"), from: "v1.4.0")
        #expect(ConsoleFixture.reduce(&state, keys: [.character("s")]) == [.hotfixes(.plan(start))])
        #expect(start.commandLine == "slipway hotfix start --from v1.4.0 --version 1.4.1")
    }

    @Test func startTakesTheFirstFreePatchFromTheLinesLatestTaggedHotfix() {
        let base = ReleaseTag(name: "v1.1.0", version: HotfixFixture.version("1.1.0"))
        let request = HotfixRequest.start(base: base, board: HotfixFixture.board.rows)
        #expect(request == HotfixRequest(.start, version: HotfixFixture.version("1.1.2"), from: "v1.1.1"))
        let fresh = HotfixRequest.start(base: ReleaseTag(name: "v1.2.0", version: HotfixFixture.version("1.2.0")), board: HotfixFixture.board.rows)
        #expect(fresh == HotfixRequest(.start, version: HotfixFixture.version("1.2.2"), from: "v1.2.0"), "1.2.1 is open, not tagged")
    }

    @Test func aRefusedPlanIsShownAndTheKeysAreInThePaletteAndHelp() {
        var state = HotfixFixture.state()
        let request = HotfixRequest(.start, version: nil)
        _ = ConsoleReducer.reduce(&state, .hotfixes(.planFailed(request, message: "1.2.1 is taken")))
        #expect(state.status == StatusMessage("hotfix start: 1.2.1 is taken", .error))
        #expect(ConsoleReducer.paletteMatches("hotfix backport") == [.hotfixBackport, .hotfixApproveBackport, .hotfixMergeBackport])
        let help = OverlayView.helpLines(.hotfixes).map(\.plainText).joined(separator: "\n")
        for command in [ConsoleCommand.hotfixStart, .hotfixApprove, .hotfixMerge, .hotfixTag, .hotfixBackport, .open] {
            #expect(help.contains(command.title), "help lacks \(command)")
        }
    }
}
