import Testing
@testable import SlipwayTUI

@Suite struct DisplayWidthTests {
    @Test func asciiAndLatinTakeOneColumn() {
        #expect(DisplayWidth.of("release") == 7)
        #expect(DisplayWidth.of("Größe") == 5)
    }

    @Test func cjkAndFullwidthTakeTwo() {
        #expect(DisplayWidth.of("日本語") == 6)
        #expect(DisplayWidth.of("한국") == 4)
        #expect(DisplayWidth.of("ＡＢ") == 4)
    }

    @Test func emojiTakeTwoAndSymbolsOne() {
        #expect(DisplayWidth.of("🚀") == 2)
        #expect(DisplayWidth.of("✅") == 2)
        #expect(DisplayWidth.of("❤️") == 2)
        #expect(DisplayWidth.of("→") == 1)
        #expect(DisplayWidth.of("│") == 1)
        #expect(DisplayWidth.of("✎") == 1)
    }

    @Test func combiningMarksAndFormatCharactersTakeNone() {
        #expect(DisplayWidth.of("e\u{301}") == 1)
        #expect(DisplayWidth.of(Unicode.Scalar(0x0301)!) == 0)
        #expect(DisplayWidth.of(Unicode.Scalar(0x200D)!) == 0)
        #expect(DisplayWidth.of("a\u{200B}b") == 2)
    }

    @Test func theWideTableIsSortedAndDisjoint() {
        let ranges = DisplayWidth.wideRanges
        for index in 1..<ranges.count {
            #expect(ranges[index - 1].upperBound < ranges[index].lowerBound)
        }
    }

    @Test func truncationCountsColumnsNotCharacters() {
        #expect(TextFit.truncate("日本語テキスト", to: 7) == "日本語…")
        #expect(TextFit.pad("ab", to: 4) == "ab  ")
        #expect(TextFit.truncate("short", to: 10) == "short")
        #expect(TextFit.wrap("one two three", to: 7) == ["one two", "three"])
    }
}
