import Foundation
@testable import SlipwayKit
import Testing
@testable import SlipwayTUI

/// `/` in the lists beside the commits (issue 20, item 8): the hotfix board, the command log, the help and the
/// history; a fresh prompt each time, readline keys, Enter keeps, Esc clears.
@Suite struct FindTests {
    static func record(_ arguments: [String], status: Int32 = 0, tail: String = "") -> CommandRecord {
        CommandRecord(arguments: arguments, workingDirectory: nil, status: .exited(status), duration: 0.01, startedAt: Date(),
                      failureTail: tail, timedOut: false)
    }

    @Test func theHotfixBoardNarrowsToWhatContainsTheText() {
        var state = HotfixFixture.state(width: 120, height: 40)
        _ = ConsoleFixture.reduce(&state, keys: [.character("/")] + ConsoleFixture.type("merge"))
        #expect(state.findEditing && state.hotfixes.find == "merge")
        var screen = ConsoleView.render(state).text
        #expect(screen.contains("Find: merge▏"))
        #expect(state.hotfixes.rows.map(\.version.description) == ["1.2.1"], "only the one whose next step is a merge")
        #expect(screen.contains("1 of 3 with 'merge'"))
        _ = ConsoleFixture.reduce(&state, keys: [.enter])
        #expect(!state.findEditing && state.hotfixes.rows.count == 1, "Enter keeps it")
        // `/` again: a fresh prompt; Ctrl-U erases; a text nothing has says so.
        _ = ConsoleFixture.reduce(&state, keys: [.character("/")] + ConsoleFixture.type("zzz"))
        #expect(state.find == "zzz")
        screen = ConsoleView.render(state).text
        #expect(screen.contains("No hotfix of 3 has 'zzz'. / then Esc shows them all."))
        _ = ConsoleFixture.reduce(&state, keys: [.escape])
        #expect(state.hotfixes.rows.count == 3 && state.find.isEmpty)
        // Another panel forgets it.
        _ = ConsoleFixture.reduce(&state, keys: [.character("/"), .character("1"), .enter, .character("1")])
        #expect(state.panel == .changes && state.find.isEmpty && state.hotfixes.find.isEmpty)
    }

    @Test func theCommandLogAndTheHelpNarrowToo() {
        var state = ConsoleFixture.state(width: 120, height: 40)
        _ = ConsoleReducer.reduce(&state, .commandLogUpdated([
            Self.record(["git", "log", "-z", "v1.4.0..HEAD"]),
            Self.record(["git", "push", "origin", "main"], status: 1, tail: "! [rejected] main -> main (fetch first)"),
            Self.record(["helm", "status", "web"]),
        ]))
        _ = ConsoleFixture.reduce(&state, keys: [.character("L"), .character("/")] + ConsoleFixture.type("rejected"))
        var screen = ConsoleView.render(state).text
        #expect(screen.contains("Command log (1 of 3 with 'rejected')"))
        #expect(screen.contains("git push origin main") && !screen.contains("helm status web"))
        _ = ConsoleFixture.reduce(&state, keys: [.enter, .escape])
        #expect(state.overlay == nil)
        _ = ConsoleFixture.reduce(&state, keys: [.character("L")])
        #expect(ConsoleView.render(state).text.contains("Command log (3)"), "reopened, the log shows everything")
        _ = ConsoleFixture.reduce(&state, keys: [.escape, .character("?"), .character("/")] + ConsoleFixture.type("palette"))
        screen = ConsoleView.render(state).text
        #expect(screen.contains("Command palette") && !screen.contains("Show the command log"))
        #expect(state.overlay == .help(scroll: 0), "typing in the help's find does not close it")
    }
}

extension FindTests {
    @Test func theEnvironmentsNarrowAndJKMoveAmongThoseShown() {
        var state = EnvironmentsPanelTests.loaded(width: 120, height: 40)
        _ = ConsoleFixture.reduce(&state, keys: [.character("/")] + ConsoleFixture.type("1.1.0"))
        var screen = ConsoleView.render(state).text
        #expect(screen.contains("staging") && screen.contains("production") && !screen.contains("   test "), "\(screen)")
        #expect(state.environments.selectedStatus?.name == "production", "a selection still shown is kept")
        _ = ConsoleFixture.reduce(&state, keys: [.enter, .up, .up])
        #expect(state.environments.selectedStatus?.name == "staging", "k stays among those shown (test is hidden)")
        _ = ConsoleFixture.reduce(&state, keys: [.character("/")] + ConsoleFixture.type("prod"))
        #expect(state.environments.selectedStatus?.name == "production", "a hidden selection moves to the first shown")
        _ = ConsoleFixture.reduce(&state, keys: [.enter, .up])
        #expect(state.environments.selectedStatus?.name == "production")
        _ = ConsoleFixture.reduce(&state, keys: [.character("/")] + ConsoleFixture.type("eu-west"))
        screen = ConsoleView.render(state).text
        #expect(screen.contains("No environment of 3 has 'eu-west'. / then Esc shows them all."))
        _ = ConsoleFixture.reduce(&state, keys: [.escape])
        #expect(state.environments.find.isEmpty && !state.findEditing, "find \(state.find) \(state.environments.find) \(state.findEditing) \(String(describing: state.overlay))")
        screen = ConsoleView.render(state).text
        #expect(screen.contains("test        1.2.0") && screen.contains("staging     1.1.0") && screen.contains("production  1.1.0"),
                "all shown again: \(screen)")
    }
}

/// Readline keys in the filter and find prompts: a cursor that moves, and edits around it.
@Suite struct PromptEditingTests {
    @Test func theCursorMovesAndTheKeysEditAroundIt() {
        var text = ""
        var cursor: Int?
        let keys = { (keys: [Key]) in for key in keys { ConsoleReducer.editPrompt(&text, cursor: &cursor, with: key) } }
        keys(ConsoleFixture.type("scope:api fix"))
        keys([.character("\u{01}")])                       // Ctrl-A: the start
        #expect(ConsoleReducer.withCursor(text, cursor) == "▏scope:api fix")
        keys(ConsoleFixture.type("type:feat "))
        #expect(text == "type:feat scope:api fix" && ConsoleReducer.withCursor(text, cursor) == "type:feat ▏scope:api fix")
        keys([.character("\u{05}"), .left, .left, .left])  // Ctrl-E, then three left
        #expect(ConsoleReducer.withCursor(text, cursor) == "type:feat scope:api ▏fix")
        keys([.character("\u{17}")])                        // Ctrl-W: the word before the cursor
        #expect(text == "type:feat fix" && ConsoleReducer.withCursor(text, cursor) == "type:feat ▏fix")
        keys([.character("\u{0B}")])                        // Ctrl-K: to the end
        #expect(text == "type:feat " && cursor == nil)
        keys([.home, .delete, .right, .backspace])          // Home, Delete at the cursor, Backspace before it
        #expect(text == "pe:feat " && ConsoleReducer.withCursor(text, cursor) == "▏pe:feat ")
        keys([.end, .character("\u{15}")])                  // Ctrl-U: everything before the cursor
        #expect(text.isEmpty && cursor == nil)
    }

    @Test func theFilterPromptShowsTheCursorAndFiltersWhatIsTyped() {
        var state = ConsoleFixture.state(width: 120, height: 40)
        _ = ConsoleFixture.reduce(&state, keys: [.character("/")] + ConsoleFixture.type("fix") + [.character("\u{01}")]
                                                + ConsoleFixture.type("type:"))
        #expect(state.filterText == "type:fix")
        #expect(ConsoleView.render(state).text.contains("Filter: type:▏fix"))
        #expect(state.shownCommitCount == 1, "type:fix keeps the one fix")
    }
}

/// The `L` log: j/k choose a run, Enter opens it in full with its stdout and stderr tails (issue 20, item 3).
@Suite struct CommandEntryTests {
    @Test func aRunOpensInFullAndEscGoesBackToTheLog() {
        var state = ConsoleFixture.state(width: 100, height: 30)
        var pushed = FindTests.record(["git", "push", "origin", "main"], status: 1, tail: "! [rejected] main -> main (fetch first)")
        pushed.outputTail = "To /srv/origin.git\n"
        var listed = FindTests.record(["helm", "list", "-o", "json"])
        listed.outputTail = "[{\"name\":\"web\",\"chart\":\"web-1.2.0\"}]\n"
        _ = ConsoleReducer.reduce(&state, .commandLogUpdated([FindTests.record(["git", "log", "-z"]), pushed, listed]))
        _ = ConsoleFixture.reduce(&state, keys: [.character("L")])
        var screen = ConsoleView.render(state).text
        #expect(screen.contains("▸✓ exit 0") && screen.contains("helm list -o json"), "the newest is chosen: \(screen)")
        _ = ConsoleFixture.reduce(&state, keys: [.up, .enter])
        #expect(state.overlay == .commandEntry(index: 1, scroll: 0))
        screen = ConsoleView.render(state).text
        #expect(screen.contains("Run 2 of 3"))
        #expect(screen.contains("git push origin main"))
        #expect(screen.contains("Status exit 1"))
        #expect(screen.contains("Standard error (the end, on failure):") && screen.contains("! [rejected] main -> main (fetch first)"))
        #expect(screen.contains("Standard output (the last kilobyte):") && screen.contains("To /srv/origin.git"))
        _ = ConsoleFixture.reduce(&state, keys: [.escape])
        if case .commandLog = state.overlay {} else { Issue.record("Esc did not go back to the log") }
        #expect(ConsoleView.render(state).text.contains("▸✗ exit 1"), "the run opened stays chosen")
    }
}
