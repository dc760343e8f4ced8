import Foundation
import Testing
@testable import SlipwayKit

@Suite struct ChangelogReleaseTests {
    static func date() throws -> ReleaseDate { try ReleaseDate(parsing: "2026-01-15") }
    static let v110 = SemanticVersion(major: 1, minor: 1, patch: 0)

    static let github = """
    # Changelog

    All notable changes to this project will be documented in this file.

    ## [Unreleased]

    ### Added

    - New visual identity.
      - nested detail

    ### Fixed

    - Crash on start.

    ## [1.0.0] - 2025-12-01

    ### Added

    - First release.

    [unreleased]: https://github.com/acme/web/compare/v1.0.0...HEAD
    [1.0.0]: https://github.com/acme/web/releases/tag/v1.0.0

    """

    static let githubReleased = """
    # Changelog

    All notable changes to this project will be documented in this file.

    ## [Unreleased]

    ## [1.1.0] - 2026-01-15

    ### Added

    - New visual identity.
      - nested detail

    ### Fixed

    - Crash on start.

    ## [1.0.0] - 2025-12-01

    ### Added

    - First release.

    [unreleased]: https://github.com/acme/web/compare/v1.1.0...HEAD
    [1.1.0]: https://github.com/acme/web/compare/v1.0.0...v1.1.0
    [1.0.0]: https://github.com/acme/web/releases/tag/v1.0.0

    """

    @Test func movesUnreleasedUnderTheVersionAndUpdatesGitHubCompareLinks() throws {
        let release = try Changelog(text: Self.github).release(version: Self.v110, date: try Self.date())
        #expect(release.text == Self.githubReleased)
        #expect(release.section == "## [1.1.0] - 2026-01-15\n\n### Added\n\n- New visual identity.\n  - nested detail\n\n### Fixed\n\n- Crash on start.\n")
        #expect(!release.drafted)
        #expect(release.warnings.isEmpty)
        let diff = UnifiedDiff.render(path: "CHANGELOG.md", before: Array(Self.github.utf8), after: Array(release.text.utf8))
        #expect(diff.split(separator: "\n").filter { $0.hasPrefix("+") && !$0.hasPrefix("+++") }.sorted() == [
            "+", "+## [1.1.0] - 2026-01-15",
            "+[1.1.0]: https://github.com/acme/web/compare/v1.0.0...v1.1.0",
            "+[unreleased]: https://github.com/acme/web/compare/v1.1.0...HEAD",
        ])
        #expect(diff.split(separator: "\n").filter { $0.hasPrefix("-") && !$0.hasPrefix("---") } == [
            "-[unreleased]: https://github.com/acme/web/compare/v1.0.0...HEAD",
        ])
    }

    @Test func crlfFileStaysCRLFThroughout() throws {
        let crlf = Self.github.replacingOccurrences(of: "\n", with: "\r\n")
        let release = try Changelog(text: crlf).release(version: Self.v110, date: try Self.date())
        #expect(release.text == Self.githubReleased.replacingOccurrences(of: "\n", with: "\r\n"))
    }

    @Test func gitLabLinksAndAnotherTagPrefix() throws {
        let text = "## [Unreleased]\n\n- a\n\n## [1.0.0] - 2025-01-01\n\n- b\n\n[Unreleased]: https://gitlab.com/acme/web/-/compare/release-1.0.0...main\n[1.0.0]: https://gitlab.com/acme/web/-/tags/release-1.0.0\n"
        let release = try Changelog(text: text).release(version: Self.v110, date: try Self.date(), tagPrefix: "release-")
        #expect(release.text.hasSuffix("""
        [Unreleased]: https://gitlab.com/acme/web/-/compare/release-1.1.0...main
        [1.1.0]: https://gitlab.com/acme/web/-/compare/release-1.0.0...release-1.1.0
        [1.0.0]: https://gitlab.com/acme/web/-/tags/release-1.0.0

        """))
    }

    @Test func aFirstReleaseTurnsACommitsLinkIntoCompareAndTagLinks() throws {
        let text = "## [Unreleased]\n\n- first\n\n[unreleased]: https://github.com/acme/web/commits/main"
        let release = try Changelog(text: text).release(version: SemanticVersion(major: 0, minor: 1, patch: 0), date: try Self.date())
        #expect(release.text == "## [Unreleased]\n\n## [0.1.0] - 2026-01-15\n\n- first\n\n[unreleased]: https://github.com/acme/web/compare/v0.1.0...HEAD\n[0.1.0]: https://github.com/acme/web/releases/tag/v0.1.0")
    }

    @Test func aTolerantFileWithoutLinksKeepsItsOwnHeadings() throws {
        let release = try Changelog(text: ChangelogTests.tolerant).release(version: Self.v110, date: try Self.date())
        #expect(release.text == ChangelogTests.tolerant.replacingOccurrences(
            of: "## Unreleased\n- Added dark mode",
            with: "## Unreleased\n\n## [1.1.0] - 2026-01-15\n\n- Added dark mode"
        ))
        #expect(release.warnings.isEmpty)
    }

    @Test func noFinalNewlineSurvives() throws {
        let release = try Changelog(text: "## [Unreleased]\n\n- a").release(version: Self.v110, date: try Self.date())
        #expect(release.text == "## [Unreleased]\n\n## [1.1.0] - 2026-01-15\n\n- a")
    }

    @Test func refusesAVersionThatAlreadyHasASection() {
        #expect(throws: ChangelogError(file: "CHANGELOG.md", line: 13,
                                       problem: "version 1.0.1 already has a section; choose another version or remove that section")) {
            try Changelog(text: ChangelogTests.tolerant).release(version: SemanticVersion(major: 1, minor: 0, patch: 1), date: try Self.date())
        }
        // Written with a leading v in the file.
        #expect(throws: ChangelogError.self) {
            try Changelog(text: ChangelogTests.tolerant).release(version: SemanticVersion(major: 1, minor: 0, patch: 0), date: try Self.date())
        }
    }

    @Test func refusesTwoUnreleasedSectionsNamingTheirLines() {
        let text = "# Changelog\n\n## [Unreleased]\n\n- a\n\n## Unreleased\n\n- b\n"
        #expect(throws: ChangelogError(file: "CHANGELOG.md", line: 7,
                                       problem: "lines 3 and 7 both start an Unreleased section; merge them into one and try again")) {
            try Changelog(text: text).release(version: Self.v110, date: try Self.date())
        }
    }

    @Test func refusesAnEmptyUnreleasedWithoutDraftedEntries() {
        let text = "# Changelog\n\n## [Unreleased]\n\n### Added\n\n## [1.0.0] - 2025-01-01\n\n- a\n"
        #expect(throws: ChangelogError(file: "CHANGELOG.md", line: 3,
                                       problem: "[Unreleased] is empty and no entries were drafted from commits; add entries under [Unreleased] first")) {
            try Changelog(text: text).release(version: Self.v110, date: try Self.date())
        }
    }

    @Test func draftedEntriesFillTheSectionAndAnEmptyTemplateStaysUnderUnreleased() throws {
        let text = "# Changelog\n\n## [Unreleased]\n\n### Added\n\n## [1.0.0] - 2025-01-01\n\n- a\n"
        let drafted = [DraftedEntry(category: .fixed, text: "crash on start", sha: "abc1234"),
                       DraftedEntry(category: .added, text: "search", sha: "def5678")]
        let release = try Changelog(text: text).release(version: Self.v110, date: try Self.date(), drafted: drafted)
        #expect(release.drafted)
        #expect(release.text == """
        # Changelog

        ## [Unreleased]

        ### Added

        ## [1.1.0] - 2026-01-15

        ### Added

        - search (def5678)

        ### Fixed

        - crash on start (abc1234)

        ## [1.0.0] - 2025-01-01

        - a

        """)
    }

    @Test func aFileWithoutUnreleasedGetsOneAboveTheDraftedRelease() throws {
        let text = "# Changelog\n\nIntro.\n\n## [1.0.0] - 2025-01-01\n\n- a\n"
        let release = try Changelog(text: text).release(version: Self.v110, date: try Self.date(),
                                                        drafted: [DraftedEntry(category: .added, text: "b", sha: "1234567")])
        #expect(release.text == "# Changelog\n\nIntro.\n\n## [Unreleased]\n\n## [1.1.0] - 2026-01-15\n\n### Added\n\n- b (1234567)\n\n## [1.0.0] - 2025-01-01\n\n- a\n")
    }

    @Test func draftedEntriesAtTheEndOfTheFileAndBeforeTheLinks() throws {
        let drafted = [DraftedEntry(category: .added, text: "b", sha: "1234567")]
        let bare = try Changelog(text: "# Changelog\n\n## [Unreleased]").release(version: Self.v110, date: try Self.date(), drafted: drafted)
        #expect(bare.text == "# Changelog\n\n## [Unreleased]\n\n## [1.1.0] - 2026-01-15\n\n### Added\n\n- b (1234567)\n")
        let linked = try Changelog(text: "# Changelog\n\n## [Unreleased]\n\n[unreleased]: https://github.com/o/r/compare/v1.0.0...HEAD\n")
            .release(version: Self.v110, date: try Self.date(), drafted: drafted)
        #expect(linked.text == """
        # Changelog

        ## [Unreleased]

        ## [1.1.0] - 2026-01-15

        ### Added

        - b (1234567)

        [unreleased]: https://github.com/o/r/compare/v1.1.0...HEAD
        [1.1.0]: https://github.com/o/r/compare/v1.0.0...v1.1.0

        """)
    }

    @Test func anExistingLinkForTheVersionIsLeftAndReported() throws {
        let text = "## [Unreleased]\n\n- a\n\n[unreleased]: https://github.com/o/r/compare/v1.0.0...HEAD\n[1.1.0]: https://github.com/o/r/compare/v1.0.0...v1.1.0\n"
        let release = try Changelog(text: text).release(version: Self.v110, date: try Self.date())
        #expect(release.warnings == ["CHANGELOG.md already has a [1.1.0] link; check that it points at v1.1.0"])
        #expect(release.text.components(separatedBy: "[1.1.0]:").count == 2)
    }
}

/// Generated changelogs: releasing loses no entry and duplicates none, whatever the layout.
@Suite struct ChangelogReleasePropertyTests {
    struct Generated {
        var text: String
        var unreleasedEntries: [String]
        var allEntries: [String]
        var eol: String
    }

    static func generate(_ random: inout SplitMix64) -> Generated {
        let eol = Bool.random(using: &random) ? "\r\n" : "\n"
        var lines: [String] = ["# Changelog", ""]
        var counter = 0
        var all: [String] = []
        var unreleased: [String] = []
        func blanks(_ random: inout SplitMix64) -> [String] { Array(repeating: "", count: Int.random(in: 0...2, using: &random)) }
        func entries(_ random: inout SplitMix64) -> [String] {
            var result: [String] = []
            for category in ChangelogCategory.allCases.shuffled(using: &random).prefix(Int.random(in: 1...3, using: &random)) {
                result.append("### \(category.rawValue)")
                result += blanks(&random)
                for _ in 0..<Int.random(in: 1...4, using: &random) {
                    counter += 1
                    let marker = ["-", "*", "+"].randomElement(using: &random) ?? "-"
                    result.append("\(marker) entry \(counter) – ünïcode")
                    if Int.random(in: 0..<4, using: &random) == 0 {
                        counter += 1
                        result.append("  - nested \(counter)")
                    }
                }
                result += blanks(&random)
            }
            return result
        }
        if Bool.random(using: &random) { lines += ["Intro prose about the project.", ""] }
        lines.append(Bool.random(using: &random) ? "## [Unreleased]" : "## Unreleased")
        lines += blanks(&random)
        let body = entries(&random)
        unreleased = body.filter(Changelog.isBullet)
        lines += body
        let releases = Int.random(in: 0...4, using: &random)
        for index in stride(from: releases, to: 0, by: -1) {
            let dash = ["-", "–", "—"].randomElement(using: &random) ?? "-"
            let yanked = Int.random(in: 0..<5, using: &random) == 0 ? " [YANKED]" : ""
            lines.append("## [1.\(index).0] \(dash) 2025-0\(index)-01\(yanked)")
            lines += blanks(&random)
            lines += entries(&random)
            if Bool.random(using: &random) { lines += ["Prose between sections.", ""] }
        }
        if Bool.random(using: &random) {
            lines.append("")
            lines.append("[unreleased]: https://github.com/acme/web/compare/v1.\(releases).0...HEAD")
            for index in stride(from: releases, to: 0, by: -1) {
                lines.append("[1.\(index).0]: https://github.com/acme/web/compare/v1.\(index - 1).0...v1.\(index).0")
            }
        }
        var text = lines.joined(separator: eol)
        if Bool.random(using: &random) { text += eol }
        all = lines.filter(Changelog.isBullet)
        return Generated(text: text, unreleasedEntries: unreleased, allEntries: all, eol: eol)
    }

    static func bullets(_ text: String) -> [String] {
        Changelog(text: text).lines.map(Changelog.content).filter(Changelog.isBullet)
    }

    @Test func releaseLosesAndDuplicatesNoEntry() throws {
        var random = SplitMix64(seed: 0x5119_3A1)
        let version = SemanticVersion(major: 2, minor: 0, patch: 0)
        let date = try ReleaseDate(parsing: "2026-01-15")
        for round in 0..<300 {
            let generated = Self.generate(&random)
            let changelog = Changelog(text: generated.text)
            #expect(changelog.text == generated.text, "round \(round): reading changed the text")
            let release = try changelog.release(version: version, date: date)
            let after = Changelog(text: release.text)
            #expect(Self.bullets(release.text).sorted() == generated.allEntries.sorted(), "round \(round): entries lost or duplicated")
            let section = try #require(after.sections.first { $0.version == "2.0.0" }, "round \(round)")
            #expect(after.entries(in: section) == generated.unreleasedEntries, "round \(round)")
            let unreleased = try #require(after.unreleasedSections.first, "round \(round)")
            #expect(after.entries(in: unreleased).isEmpty, "round \(round)")
            #expect(after.unreleasedSections.count == 1)
            // Every line but the [unreleased] link is still there, in order.
            let kept = changelog.lines.map(Changelog.content).filter { !$0.hasPrefix("[unreleased]:") }
            var remaining = after.lines.map(Changelog.content)[...]
            for line in kept {
                guard let found = remaining.firstIndex(of: line) else {
                    Issue.record("round \(round): line '\(line)' is gone")
                    break
                }
                remaining = remaining[(found + 1)...]
            }
            if generated.eol == "\r\n" {
                #expect(after.lines.allSatisfy { !Changelog.hasLineBreak($0) || Changelog.endsWithCRLF($0) }, "round \(round): a bare LF")
            }
            #expect(throws: ChangelogError.self) { try after.release(version: version, date: date) }
        }
    }
}
