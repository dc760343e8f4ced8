import Foundation
import SlipwayKit
import Testing
@testable import SlipwayTUI

/// Narrow screens (issue 20, item 11): tables drop columns by priority instead of cutting their headers, and a
/// line cut at the edge ends in `…`.
@Suite struct NarrowScreenTests {
    @Test func theHotfixBoardDropsColumnsLeastNeededFirst() {
        let titles = { (width: Int) in HotfixesPanel.columns(width: width).map(\.title) }
        #expect(titles(80) == ["", "VERSION", "BASE", "PATCH", "LEAD", "MERGED", "TAGGED", "PUBLISHED", "BACKPORTED", "AGE"])
        #expect(titles(75) == ["", "VERSION", "PATCH", "LEAD", "MERGED", "TAGGED", "PUBLISHED", "BACKPORTED", "AGE"])
        #expect(titles(60) == ["", "VERSION", "PATCH", "LEAD", "MERGED", "TAGGED", "BACKPORTED"])
        for width in [40, 60, 70, 80, 99] {
            #expect(HotfixesPanel.columns(width: width).reduce(0) { $0 + $1.width } <= max(width, 45), "\(width) columns")
        }
        // Every header shown whole: no "PUBLISHE".
        let header = HotfixesPanel.headerLine(width: 60).plainText
        for title in titles(60) where !title.isEmpty { #expect(header.contains(title + " ") || header.hasSuffix(title)) }
    }

    @Test func aCutCellEndsInAnEllipsisAndKeepsItsSpace() {
        var row = HotfixFixture.board.rows[0]
        row.techLeadApproval = "Maximilian Lead-Approver <max@acme.example>"
        let line = HotfixesPanel.line(for: row, now: HotfixFixture.now, width: 80).plainText
        #expect(line.contains("✓ Maximil… "), "\(line)")
    }

    @Test func aLineCutAtTheEdgeEndsInAnEllipsis() {
        var buffer = ScreenBuffer(width: 20, height: 3)
        buffer.draw(StyledLine("the quick brown fox jumps", .text), x: 0, y: 0)
        buffer.draw(StyledLine("padded" + String(repeating: " ", count: 40), .text), x: 0, y: 1)
        buffer.draw(StyledLine("0123456789abcdefgh日本", .accent), x: 0, y: 2)
        let text = buffer.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(text[0] == "the quick brown fox…")
        #expect(text[1].hasPrefix("padded") && !text[1].contains("…"), "spaces past the edge are not text")
        #expect(text[2].hasPrefix("0123456789abcdefgh…"), "a wide character at the edge: \(text[2])")
        #expect(buffer[19, 0].role == .text && buffer[18, 2].role == .accent, "the ellipsis keeps the cell's style")
    }
}
