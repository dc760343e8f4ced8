import SlipwayKit
import Testing
@testable import SlipwayTUI

/// The Hotfixes panel on screen: the board sorted by attention, one hotfix opened, the confirm dialog.
@Suite struct HotfixesPanelTests {
    @Test(arguments: [(60, 15), (80, 24), (120, 40)])
    func theBoardListsEveryHotfixMostUrgentFirst(size: (Int, Int)) {
        let state = HotfixFixture.state(width: size.0, height: size.1)
        let screen = ConsoleView.render(state).text
        Snapshot.assert(ConsoleView.render(state), named: "hotfixes-board-\(size.0)x\(size.1)")
        let lines = screen.split(separator: "\n").map(String.init)
        let order = ["1.0.2", "1.2.1", "1.1.1"].compactMap { version in lines.firstIndex { $0.contains(" \(version) ") } }
        #expect(order == order.sorted() && order.count == 3, "not sorted by attention")
        #expect(lines.contains { $0.contains("1.2.1") && $0.contains("no (1 miss") })
        if size.0 >= 80 { #expect(lines.contains { $0.contains("1.1.1") && $0.contains("yes") && $0.contains("40d") }) }
        #expect(screen.contains("1.0.2 next: take the non-PATCH commits off hotfix/v1.0.2"))
        #expect(screen.contains("Enter open") && screen.contains("b backport"))
    }

    @Test(arguments: [(60, 15), (80, 24), (120, 40)])
    func enterOpensOneHotfixWithItsCommitsAndActions(size: (Int, Int)) {
        var state = HotfixFixture.state(width: size.0, height: size.1)
        _ = ConsoleFixture.reduce(&state, keys: [.down, .enter])
        let screen = ConsoleView.render(state).text
        Snapshot.assert(ConsoleView.render(state), named: "hotfixes-detail-\(size.0)x\(size.1)")
        #expect(screen.contains("Hotfix 1.2.1  ready-to-merge"))
        if size.1 < 24 {
            // The commits are below the fold: j scrolls the hotfix to them.
            #expect(!screen.contains("0e388a9"))
            var scrolled = state
            _ = ConsoleFixture.reduce(&scrolled, keys: Array(repeating: .down, count: 6))
            #expect(ConsoleView.render(scrolled).text.contains("0e388a9"))
        } else {
            #expect(screen.contains("0e388a9") && screen.contains("not on main"))
        }
        if size.1 >= 24 { #expect(screen.contains("m  merge") && screen.contains("b  backport") && !screen.contains("t  tag")) }
        #expect(screen.contains("Esc board") && !screen.contains("Enter open"))
    }

    @Test func theConfirmDialogListsTheExactCommands() {
        var state = HotfixFixture.state(width: 80, height: 24)
        _ = ConsoleFixture.reduce(&state, keys: [.down, .enter, .character("b")])
        let request = HotfixRequest(.backport, version: HotfixFixture.version("1.2.1"))
        _ = ConsoleReducer.reduce(&state, .hotfixes(.planned(request, commands: [
            "git checkout -b backport/v1.2.1 --no-track origin/main", "git cherry-pick -x 0e388a9", "git checkout main",
        ], message: "would backport")))
        let screen = ConsoleView.render(state).text
        Snapshot.assert(ConsoleView.render(state), named: "hotfixes-confirm-80x24")
        #expect(screen.contains("Confirm: slipway hotfix backport 1.2.1"))
        #expect(screen.contains("$ git cherry-pick -x 0e388a9"))
        #expect(screen.contains("y run  n cancel"))
    }

    @Test func aBackportConflictShowsItsFiles() {
        var state = HotfixFixture.state(width: 120, height: 40)
        let request = HotfixRequest(.backport, version: HotfixFixture.version("1.2.1"))
        _ = ConsoleReducer.reduce(&state, .hotfixes(.failed(request, message: "git status\ngit cherry-pick --continue\nslipway hotfix backport 1.2.1",
                                                            conflictFiles: ["src/health.js"])))
        let screen = ConsoleView.render(state).text
        #expect(screen.contains("Backport conflict in 1 file(s):"))
        #expect(screen.contains("   src/health.js"))
        #expect(screen.contains("backport 1.2.1 conflicts in 1 file(s)"))
        #expect(screen.contains("$ git cherry-pick --continue") && screen.contains("$ slipway hotfix backport 1.2.1"))
    }
}
