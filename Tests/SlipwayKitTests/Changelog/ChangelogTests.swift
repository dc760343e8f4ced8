import Foundation
import Testing
@testable import SlipwayKit

@Suite struct ChangelogTests {
    static let tolerant = """
    # Changelog
    Some intro prose.

    ```
    ## [Unreleased]
    (an example inside a code fence is not a section)
    ```

    ## Unreleased
    - Added dark mode
        * nested with four spaces

    ## 1.0.1 – 2025-06-01 [YANKED]
    - Broken build.

    Prose between sections, written by hand.

    ## v1.0.0 — 2025-05-01
    - First.
    """

    @Test func readsTheSectionsOfATolerantFile() {
        let changelog = Changelog(text: Self.tolerant)
        #expect(changelog.sections.map(\.kind) == [
            .unreleased,
            .release(version: "1.0.1", date: "2025-06-01", yanked: true),
            .release(version: "1.0.0", date: "2025-05-01", yanked: false),
        ])
        #expect(changelog.sections.map(\.headingLine) == [8, 12, 17])
        #expect(changelog.entries(in: changelog.sections[0]) == ["- Added dark mode", "    * nested with four spaces"])
        #expect(changelog.text == Self.tolerant)
        #expect(changelog.linkBlockStart == changelog.lines.count)
    }

    @Test func headingsWithLinksBracketsAndDates() {
        #expect(Changelog.sectionKind("## [Unreleased](https://example.com/compare)") == .unreleased)
        #expect(Changelog.sectionKind("## unreleased") == .unreleased)
        #expect(Changelog.sectionKind("## [2.0.0-rc.1] - 2026-01-02") == .release(version: "2.0.0-rc.1", date: "2026-01-02", yanked: false))
        #expect(Changelog.sectionKind("## [0.3.0] (2026-01-02)") == .release(version: "0.3.0", date: "2026-01-02", yanked: false))
        #expect(Changelog.sectionKind("## How to upgrade") == .other("How to upgrade"))
        #expect(Changelog.sectionKind("### Added") == nil)
        #expect(Changelog.sectionKind("##nospace") == nil)
    }

    @Test func linkDefinitionsAtTheEndAreNotPartOfTheLastSection() {
        let text = "## [Unreleased]\n\n- a\n\n## [1.0.0] - 2026-01-01\n\n- b\n\n[unreleased]: https://x/compare/v1.0.0...HEAD\n[1.0.0]: https://x/releases/tag/v1.0.0\n"
        let changelog = Changelog(text: text)
        #expect(changelog.linkBlockStart == 8)
        #expect(changelog.sections[1].end == 8)
        #expect(Changelog.linkLabel("[Unreleased]: https://x") == "unreleased")
        #expect(Changelog.linkLabel("- [link]: not a definition") == nil)
    }

    @Test func groupsFollowTheThirdLevelHeadings() {
        let changelog = Changelog(text: "## [1.0.0] - 2026-01-01\r\n- loose\r\n### Added\r\n\r\n- a\r\n  - nested\r\n### Security \r\n* s\r\n")
        let groups = changelog.groups(in: changelog.sections[0])
        #expect(groups.map(\.heading) == ["", "Added", "Security"])
        #expect(groups.map(\.entries) == [["- loose"], ["- a", "  - nested"], ["* s"]])
    }

    @Test func bytesThatAreNotUTF8AreRefused() {
        #expect(throws: ChangelogError(file: "CHANGELOG.md", problem: "is not UTF-8 text; save it as UTF-8 and try again")) {
            try Changelog.parse([0x23, 0x20, 0xFF, 0x0A], file: "CHANGELOG.md")
        }
    }

    @Test func crlfFilesGetCRLFLines() {
        #expect(Changelog(text: "# C\r\n\r\n## [Unreleased]\r\n").lineEnding == "\r\n")
        #expect(Changelog(text: "# C\n\n## [Unreleased]\n").lineEnding == "\n")
    }
}
