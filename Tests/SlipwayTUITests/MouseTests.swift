import Foundation
import SlipwayKit
import Testing
@testable import SlipwayTUI

/// The mouse (issue 20, item 9): a tab, a footer hint and a row by click; the wheel scrolls.
@Suite struct MouseTests {
    @Test func aClickOnATabShowsItsPanel() {
        var state = ConsoleFixture.state(width: 120, height: 40)
        let spans = HeaderBar.tabSpans(width: 120)
        let hotfixes = spans.first { $0.panel == .hotfixes }!.span
        #expect(ConsoleReducer.reduce(&state, .key(.click(x: hotfixes.lowerBound + 2, y: 1))) == [.hotfixes(.loadBoard)])
        #expect(state.panel == .hotfixes)
        // At 60 columns the short titles have their own places.
        var narrow = ConsoleFixture.state(width: 60, height: 15)
        let version = HeaderBar.tabSpans(width: 60).first { $0.panel == .version }!.span
        _ = ConsoleReducer.reduce(&narrow, .key(.click(x: version.lowerBound + 1, y: 1)))
        #expect(narrow.panel == .version)
        #expect(ConsoleView.render(narrow).text.split(separator: "\n")[1].contains("2 Ver"))
    }

    @Test func aClickOnAFooterHintPressesItsKey() {
        var state = ConsoleFixture.state(width: 120, height: 40)
        let spans = FooterBar.hintSpans(state, width: 120)
        let log = spans.first { $0.hint.key == "L" }!.span
        let footer = ConsoleView.render(state).text.split(separator: "\n", omittingEmptySubsequences: false)[39]
        #expect(Array(footer)[log.lowerBound] == "L", "the span is where the hint is drawn: \(footer)")
        _ = ConsoleReducer.reduce(&state, .key(.click(x: log.lowerBound, y: 39)))
        if case .commandLog = state.overlay {} else { Issue.record("the log did not open: \(String(describing: state.overlay))") }
        // The log's own footer: Esc closes it.
        let close = FooterBar.hintSpans(state, width: 120).first { $0.hint.key == "Esc" }!.span
        _ = ConsoleReducer.reduce(&state, .key(.click(x: close.lowerBound + 1, y: 39)))
        #expect(state.overlay == nil)
        // j/k names two keys: a click on it does nothing.
        let move = FooterBar.hintSpans(state, width: 120).first { $0.hint.key == "j/k" }!.span
        #expect(ConsoleReducer.reduce(&state, .key(.click(x: move.lowerBound, y: 39))).isEmpty)
    }

    @Test func aClickSelectsTheRowAndTheWheelScrolls() {
        var state = ConsoleFixture.state(width: 120, height: 40)
        let target = state.rows.indices.first { state.rows[$0].commitIndex != nil && $0 > 3 }!
        _ = ConsoleReducer.reduce(&state, .key(.click(x: 10, y: 2 + target - state.topRow)))
        #expect(state.selectedRow == target)
        let heading = state.rows.indices.first { state.rows[$0].commitIndex == nil }!
        _ = ConsoleReducer.reduce(&state, .key(.click(x: 10, y: 2 + heading - state.topRow)))
        #expect(state.selectedRow == target, "a group heading is not a commit")
        _ = ConsoleReducer.reduce(&state, .key(.wheelDown))
        #expect(state.selectedRow > target)
        // In a confirm dialog the wheel does not change the choice.
        state.overlay = .confirmWrite(files: ["CHANGELOG.md"])
        #expect(ConsoleReducer.reduce(&state, .key(.wheelDown)).isEmpty)
        #expect(state.overlay == .confirmWrite(files: ["CHANGELOG.md"]))
    }
}
