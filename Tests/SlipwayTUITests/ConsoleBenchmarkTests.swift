import Testing
@testable import SlipwayTUI

/// Key-to-frame with 10,000 commits in the list: only the visible rows are drawn, so a key costs the same
/// as with ten. These check what the keys do; the time is printed, not asserted — `Tests/Benchmarks/console.sh`
/// runs them in a release build and compares the figures with the targets.
@Suite struct ConsoleBenchmarkTests {
    @Test func aKeyRedrawsQuicklyWithTenThousandCommits() {
        var state = ConsoleFixture.state(width: 120, height: 40, commitCount: 10_000)
        #expect(state.rows.count == 10_005)
        var previous = ConsoleView.render(state)
        let keys: [Key] = [.down, .down, .pageDown, .up, .character("G"), .pageUp, .character("g")]
        let rounds = 60
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            for round in 0..<rounds {
                _ = ConsoleReducer.reduce(&state, .key(keys[round % keys.count]))
                let frame = ConsoleView.render(state)
                _ = frame.changes(from: previous)
                previous = frame
            }
        }
        let perKey = elapsed / rounds
        print("benchmark: key to frame with 10,000 commits at 120x40: \(perKey)")
        #expect(state.rows.count == 10_005)
        _ = ConsoleReducer.reduce(&state, .key(.character("G")))
        #expect(state.topRow > 9_900)   // G: the bottom of the list is in view
        _ = ConsoleReducer.reduce(&state, .key(.character("g")))
        #expect(state.topRow == 0)
    }

    @Test func filteringTenThousandCommits() {
        var state = ConsoleFixture.state(width: 120, height: 40, commitCount: 10_000)
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            _ = ConsoleFixture.reduce(&state, keys: [.character("/")] + ConsoleFixture.type("type:fix"))
            _ = ConsoleView.render(state)
        }
        print("benchmark: typing an 8-letter filter over 10,000 commits: \(elapsed)")
        #expect(state.rows.count == 1 + 10_000 / 7 + (10_000 % 7 > 5 ? 1 : 0))
    }

    /// At 100,000 commits the filter runs off the UI thread: a key costs the prompt's frame, and the scan
    /// (timed separately) answers as an action; an answer for an older text is dropped.
    @Test func typingAFilterOverAHundredThousandCommits() throws {
        var state = ConsoleFixture.state(width: 120, height: 40, commitCount: 100_000)
        let index = CommitSearchIndex(state.proposal!.commits)
        guard case .loaded(var workspace) = state.load else { Issue.record("not loaded"); return }
        workspace.searchIndex = index
        _ = ConsoleReducer.reduce(&state, .workspaceLoaded(workspace))
        _ = ConsoleReducer.reduce(&state, .key(.character("/")))
        let clock = ContinuousClock()
        var previous = ConsoleView.render(state)
        var asked: [ConsoleEffect] = []
        let typing = clock.measure {
            for key in ConsoleFixture.type("type:fix") {
                asked = ConsoleReducer.reduce(&state, .key(key))
                let frame = ConsoleView.render(state)
                _ = frame.changes(from: previous)
                previous = frame
            }
        }
        print("benchmark: key to frame while filtering 100,000 commits at 120x40: \(typing / 8)")
        #expect(asked == [.filterCommits("type:fix", index)])
        #expect(ConsoleView.render(state).text.contains("Filter: type:fix"), "the prompt shows every key at once")
        var rows: [ChangeRow] = []
        let scan = clock.measure { rows = index.rows(for: "type:fix") }
        print("benchmark: one filter scan over 100,000 commits (off the UI thread): \(scan)")
        let before = state.rows
        _ = ConsoleReducer.reduce(&state, .commitsFiltered("type:fi", Array(rows.prefix(3))))
        #expect(state.rows == before, "an answer for an older text is dropped")
        _ = ConsoleReducer.reduce(&state, .commitsFiltered("type:fix", rows))
        #expect(state.rows.count == 1 + 100_000 / 7 + (100_000 % 7 > 5 ? 1 : 0))
        #expect(!state.inFlight.contains(.filtering))
    }
}
