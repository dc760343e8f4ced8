import Foundation
import Testing
@testable import SlipwayKit

/// The hotfix's CHANGELOG section joins main's once: in version order, with its link, without duplicate entries.
@Suite struct BackportChangelogTests {
    static let hotfix = """
        # Changelog

        ## [Unreleased]

        ## [1.0.1] - 2026-11-26

        ### Fixed

        - Two no longer crashes. (abc1234)

        ## [1.0.0] - 2026-01-01
        - Start.

        [Unreleased]: https://github.com/acme/web/compare/v1.0.1...HEAD
        [1.0.1]: https://github.com/acme/web/compare/v1.0.0...v1.0.1
        [1.0.0]: https://github.com/acme/web/releases/tag/v1.0.0

        """

    static let v101 = SemanticVersion(major: 1, minor: 0, patch: 1)

    @Test func theSectionGoesBetweenNewerAndOlderReleasesWithItsLink() throws {
        let main = """
            # Changelog

            ## [Unreleased]
            ### Added
            - Export.

            ## [1.1.0] - 2026-06-01
            - Search.

            ## [1.0.0] - 2026-01-01
            - Start.

            [Unreleased]: https://github.com/acme/web/compare/v1.1.0...HEAD
            [1.1.0]: https://github.com/acme/web/compare/v1.0.0...v1.1.0
            [1.0.0]: https://github.com/acme/web/releases/tag/v1.0.0

            """
        let merged = try #require(BackportChangelog.merged(hotfix: Changelog(text: Self.hotfix), into: Changelog(text: main), version: Self.v101))
        #expect(merged == """
            # Changelog

            ## [Unreleased]
            ### Added
            - Export.

            ## [1.1.0] - 2026-06-01
            - Search.

            ## [1.0.1] - 2026-11-26

            ### Fixed

            - Two no longer crashes. (abc1234)

            ## [1.0.0] - 2026-01-01
            - Start.

            [Unreleased]: https://github.com/acme/web/compare/v1.1.0...HEAD
            [1.1.0]: https://github.com/acme/web/compare/v1.0.0...v1.1.0
            [1.0.1]: https://github.com/acme/web/compare/v1.0.0...v1.0.1
            [1.0.0]: https://github.com/acme/web/releases/tag/v1.0.0

            """)
        // Once there, it is not added again.
        #expect(BackportChangelog.merged(hotfix: Changelog(text: Self.hotfix), into: Changelog(text: merged), version: Self.v101) == nil)
    }

    @Test func anEntryTheCherryPickPutUnderUnreleasedIsNotKeptTwice() throws {
        let main = """
            # Changelog

            ## [Unreleased]
            ### Fixed
            - Two no longer crashes. (abc1234)
            - Something else.

            ## [1.0.0] - 2026-01-01
            - Start.

            """
        let merged = try #require(BackportChangelog.merged(hotfix: Changelog(text: Self.hotfix), into: Changelog(text: main), version: Self.v101))
        #expect(merged.components(separatedBy: "Two no longer crashes").count == 2)
        #expect(merged.contains("- Something else.\n\n## [1.0.1] - 2026-11-26"))
    }

    @Test func aHotfixWithoutItsSectionChangesNothing() {
        let changelog = Changelog(text: "# Changelog\n\n## [Unreleased]\n")
        #expect(BackportChangelog.merged(hotfix: changelog, into: changelog, version: Self.v101) == nil)
    }
}
