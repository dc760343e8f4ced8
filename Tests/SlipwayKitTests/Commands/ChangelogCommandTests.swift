import Foundation
import Testing
@testable import SlipwayKit

/// `slipway changelog …`, run as the built binary on real repositories.
@Suite struct ChangelogCommandTests {
    static let changelog = """
    # Changelog

    ## [Unreleased]

    ### Fixed

    - Crash when the cache is cold.

    ## [1.0.0] - 2025-12-01

    - First release.

    [Unreleased]: https://github.com/acme/web/compare/v1.0.0...HEAD
    [1.0.0]: https://github.com/acme/web/releases/tag/v1.0.0

    """

    static func repository(changelog: String? = ChangelogCommandTests.changelog) throws -> (TestRepository, String, String) {
        let repository = try TestRepository()
        if let changelog { try repository.write("CHANGELOG.md", changelog) }
        try repository.git(["add", "-A"])
        try repository.commit("feat: first")
        try repository.tag("v1.0.0")
        let feature = String(try repository.commit("feat(api): add search").prefix(7))
        let fix = String(try repository.commit("fix: keep sessions").prefix(7))
        try repository.commit("docs: explain search")
        return (repository, feature, fix)
    }

    @Test func previewShowsTheUnreleasedEntriesUnderTheProposedVersion() throws {
        let (repository, _, _) = try Self.repository()
        let result = try SlipwayBinary.run(["changelog", "preview", "--date", "2026-01-15", "--repo", repository.root], in: "/")
        #expect(result.code == 0)
        #expect(result.stdout == "## [1.1.0] - 2026-01-15\n\n### Fixed\n\n- Crash when the cache is cold.\n")
        #expect(try repository.read("CHANGELOG.md") == Self.changelog)
    }

    @Test func previewDraftsFromTheCommitsWhenUnreleasedIsEmpty() throws {
        let (repository, feature, fix) = try Self.repository(changelog: "# Changelog\n\n## [Unreleased]\n")
        let result = try SlipwayBinary.run(["changelog", "preview", "--version", "1.1.0", "--date", "2026-01-15", "--json", "--repo", repository.root], in: "/")
        #expect(result.code == 0)
        let json = try JSONParser.parse(Array(result.stdout.utf8))
        #expect(json["drafted"] == .bool(true))
        #expect(json["section"] == .string("## [1.1.0] - 2026-01-15\n\n### Added\n\n- **api:** add search (\(feature))\n\n### Fixed\n\n- keep sessions (\(fix))\n"))
    }

    @Test func previewWithoutReleasableChangesAsksForAVersion() throws {
        let repository = try TestRepository()
        try repository.write("CHANGELOG.md", "## [Unreleased]\n\n- Typo fixed.\n")
        try repository.git(["add", "-A"])
        try repository.commit("feat: first")
        try repository.tag("v1.0.0")
        try repository.commit("docs: typo")
        let result = try SlipwayBinary.run(["changelog", "preview", "--repo", repository.root], in: "/")
        #expect(result.code == 2)
        #expect(result.stderr == "slipway: changelog: nothing since v1.0.0 calls for a release; give --version X.Y.Z to preview one anyway\n")
        let forced = try SlipwayBinary.run(["changelog", "preview", "--version", "1.0.1", "--date", "2026-01-15", "--repo", repository.root], in: "/")
        #expect(forced.stdout == "## [1.0.1] - 2026-01-15\n\n- Typo fixed.\n")
    }

    @Test func releaseDryRunPrintsTheDiffAndWritesNothing() throws {
        let (repository, _, _) = try Self.repository()
        let result = try SlipwayBinary.run(["changelog", "release", "--version", "1.1.0", "--date", "2026-01-15", "--dry-run", "--repo", repository.root], in: "/")
        #expect(result.code == 0)
        #expect(result.stdout == """
        --- a/CHANGELOG.md
        +++ b/CHANGELOG.md
        @@ -2,6 +2,8 @@
         
         ## [Unreleased]
         
        +## [1.1.0] - 2026-01-15
        +
         ### Fixed
         
         - Crash when the cache is cold.
        @@ -10,5 +12,6 @@
         
         - First release.
         
        -[Unreleased]: https://github.com/acme/web/compare/v1.0.0...HEAD
        +[Unreleased]: https://github.com/acme/web/compare/v1.1.0...HEAD
        +[1.1.0]: https://github.com/acme/web/compare/v1.0.0...v1.1.0
         [1.0.0]: https://github.com/acme/web/releases/tag/v1.0.0

        """)
        #expect(try repository.read("CHANGELOG.md") == Self.changelog)
    }

    @Test func releaseWritesTheFile() throws {
        let (repository, _, _) = try Self.repository()
        let result = try SlipwayBinary.run(["changelog", "release", "--version", "1.1.0", "--date", "2026-01-15", "--repo", repository.root], in: "/")
        #expect(result.code == 0)
        #expect(result.stdout == "released 1.1.0 (2026-01-15) in CHANGELOG.md: entries moved from [Unreleased]\n")
        #expect(try repository.read("CHANGELOG.md") == """
        # Changelog

        ## [Unreleased]

        ## [1.1.0] - 2026-01-15

        ### Fixed

        - Crash when the cache is cold.

        ## [1.0.0] - 2025-12-01

        - First release.

        [Unreleased]: https://github.com/acme/web/compare/v1.1.0...HEAD
        [1.1.0]: https://github.com/acme/web/compare/v1.0.0...v1.1.0
        [1.0.0]: https://github.com/acme/web/releases/tag/v1.0.0

        """)
        let again = try SlipwayBinary.run(["changelog", "release", "--version", "1.1.0", "--date", "2026-01-15", "--repo", repository.root], in: "/")
        #expect(again.code == 2)
        #expect(again.stderr == "slipway: CHANGELOG.md:5: version 1.1.0 already has a section; choose another version or remove that section\n")
    }

    @Test func aRepositoryWithoutAChangelogGetsOneDraftedFromItsCommits() throws {
        let (repository, feature, fix) = try Self.repository(changelog: nil)
        let result = try SlipwayBinary.run(["changelog", "release", "--version", "1.1.0", "--date", "2026-01-15", "--repo", repository.root], in: "/")
        #expect(result.code == 0)
        let text = try repository.read("CHANGELOG.md")
        #expect(text.hasPrefix("# Changelog\n"))
        #expect(text.hasSuffix("## [Unreleased]\n\n## [1.1.0] - 2026-01-15\n\n### Added\n\n- **api:** add search (\(feature))\n\n### Fixed\n\n- keep sessions (\(fix))\n"))
    }

    @Test(arguments: [
        (["--version", "1.1.0", "--date", "2026-02-30"],
         "slipway: the date '2026-02-30' is not a date: that month has 28 days; give a real date as YYYY-MM-DD, e.g. 2026-02-28\n"),
        (["--version", "v1.1.0"], "slipway: 'v1.1.0' is not a SemVer version"),
        (["--date", "2026-01-15"], "slipway: changelog release needs --version X.Y.Z\n"),
        (["--version", "1.1.0", "--file", "/etc/CHANGELOG.md"], "slipway: /etc/CHANGELOG.md: is outside the repository"),
    ] as [([String], String)])
    func badInputExitsTwoWithOneLineAndChangesNothing(arguments: [String], message: String) throws {
        let (repository, _, _) = try Self.repository()
        let result = try SlipwayBinary.run(["changelog", "release", "--repo", repository.root] + arguments, in: "/")
        #expect(result.code == 2)
        #expect(result.stderr.hasPrefix(message))
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(try repository.read("CHANGELOG.md") == Self.changelog)
    }

    @Test func twoUnreleasedSectionsAreNamedByLine() throws {
        let text = "# Changelog\n\n## [Unreleased]\n\n- a\n\n## Unreleased\n\n- b\n"
        let (repository, _, _) = try Self.repository(changelog: text)
        let result = try SlipwayBinary.run(["changelog", "release", "--version", "1.1.0", "--repo", repository.root], in: "/")
        #expect(result.code == 2)
        #expect(result.stderr == "slipway: CHANGELOG.md:7: lines 3 and 7 both start an Unreleased section; merge them into one and try again\n")
        #expect(try repository.read("CHANGELOG.md") == text)
    }

    @Test func aReadOnlyChangelogIsLeftAlone() throws {
        let (repository, _, _) = try Self.repository()
        chmod(repository.root + "/CHANGELOG.md", 0o444)
        let result = try SlipwayBinary.run(["changelog", "release", "--version", "1.1.0", "--repo", repository.root], in: "/")
        #expect(result.code == 2)
        #expect(result.stderr == "slipway: CHANGELOG.md is read-only; make it writable (chmod u+w) and try again\n")
        #expect(try repository.read("CHANGELOG.md") == Self.changelog)
    }
}
