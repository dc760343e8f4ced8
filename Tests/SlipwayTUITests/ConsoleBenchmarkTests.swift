import Testing
@testable import SlipwayTUI

/// Key-to-frame with 10,000 commits in the list: only the visible rows are drawn, so a key costs the same
/// as with ten. The bound is loose (debug builds, a busy machine); the figure is printed for the notes.
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
        #expect(perKey < .milliseconds(50))
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
        #expect(elapsed < .seconds(2))
    }
}
