import Testing
@testable import SlipwayTUI

@Suite struct ScreenBufferTests {
    @Test func writesTextAndClipsAtTheEdge() {
        var buffer = ScreenBuffer(width: 10, height: 2)
        let end = buffer.write("release notes", x: 2, y: 0, role: .text)
        #expect(buffer.line(0) == "  release ")
        #expect(end == 10)
        #expect(buffer.line(1) == "          ")
    }

    @Test func doubleWidthGraphemesTakeTwoColumns() {
        var buffer = ScreenBuffer(width: 8, height: 1)
        let end = buffer.write("日本x", x: 0, y: 0, role: .text)
        #expect(end == 5)
        #expect(buffer[0, 0].width == 2)
        #expect(buffer[1, 0].isContinuation)
        #expect(buffer.line(0) == "日本x   ")
    }

    @Test func aWideGraphemeThatDoesNotFitBecomesASpace() {
        var buffer = ScreenBuffer(width: 3, height: 1)
        buffer.write("a日本", x: 0, y: 0, role: .text)
        #expect(buffer.line(0) == "a日")
        var narrow = ScreenBuffer(width: 2, height: 1)
        narrow.write("a日", x: 0, y: 0, role: .text)
        #expect(narrow.line(0) == "a ")
    }

    @Test func overwritingHalfAWideGraphemeBlanksTheOtherHalf() {
        var buffer = ScreenBuffer(width: 4, height: 1)
        buffer.write("日本", x: 0, y: 0, role: .text)
        buffer.write("x", x: 1, y: 0, role: .text)
        #expect(buffer.line(0) == " x本")
        buffer.write("y", x: 2, y: 0, role: .text)
        #expect(buffer.line(0) == " xy ")
    }

    @Test func combiningMarksStayWithTheirLetter() {
        var buffer = ScreenBuffer(width: 6, height: 1)
        let end = buffer.write("e\u{301}te\u{301}", x: 0, y: 0, role: .text)
        #expect(end == 3)
        #expect(buffer[0, 0].text == "e\u{301}")
    }

    @Test func controlCharactersAreShownNotSent() {
        var buffer = ScreenBuffer(width: 8, height: 1)
        buffer.write("a\u{1B}[2Jb\tc", x: 0, y: 0, role: .text)
        #expect(buffer.line(0) == "a?[2Jb c")
    }

    @Test func changesListOnlyTheCellsThatDiffer() {
        var first = ScreenBuffer(width: 10, height: 3)
        first.write("same", x: 0, y: 0, role: .text)
        var second = first
        second.write("diff", x: 3, y: 1, role: .text)
        second.restyle(Rect(x: 0, y: 2, width: 2, height: 1), role: .selection)
        let runs = second.changes(from: first)
        #expect(runs.map(\.y) == [1, 2])
        #expect(runs[0].x == 3 && runs[0].count == 4)
        #expect(runs[1].x == 0 && runs[1].count == 2)
        #expect(second.changes(from: second).isEmpty)
        #expect(second.changes(from: nil).count == 3)
    }

    @Test func aChangedWideGraphemeIsRedrawnWhole() {
        var first = ScreenBuffer(width: 6, height: 1)
        first.write("ab日", x: 0, y: 0, role: .text)
        var second = first
        second.restyle(Rect(x: 3, y: 0, width: 1, height: 1), role: .accent)
        let runs = second.changes(from: first)
        #expect(runs.count == 1)
        #expect(runs[0].x == 2 && runs[0].count == 2)
    }

    @Test func boxesFrameTheirTitle() {
        var buffer = ScreenBuffer(width: 12, height: 3)
        buffer.box(Rect(x: 0, y: 0, width: 12, height: 3), title: "Log")
        #expect(buffer.text == "┌─ Log ────┐\n│          │\n└──────────┘")
    }
}
