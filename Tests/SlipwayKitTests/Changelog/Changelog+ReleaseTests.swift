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

    @Test func anExistingLinkForTheVersionIsLeftAndReported() throws {
        let text = "## [Unreleased]\n\n- a\n\n[unreleased]: https://github.com/o/r/compare/v1.0.0...HEAD\n[1.1.0]: https://github.com/o/r/compare/v1.0.0...v1.1.0\n"
        let release = try Changelog(text: text).release(version: Self.v110, date: try Self.date())
        #expect(release.warnings == ["CHANGELOG.md already has a [1.1.0] link; check that it points at v1.1.0"])
        #expect(release.text.components(separatedBy: "[1.1.0]:").count == 2)
    }
}
