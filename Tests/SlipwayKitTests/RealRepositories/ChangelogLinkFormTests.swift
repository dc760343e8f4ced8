import Foundation
import Testing
@testable import SlipwayKit

/// A CHANGELOG's compare links keep the tag form the file already uses, on each forge's compare URL.
@Suite struct ChangelogLinkFormTests {
    static func changelog(_ links: String) -> String {
        "# Changelog\n\n## [Unreleased]\n\n### Fixed\n\n- A fix.\n\n## [0.2.0] - 2026-01-01\n\n- Earlier.\n\n" + links
    }

    @Test(arguments: [
        // GitHub, a crate-name prefix (release-please in a workspace).
        ("[Unreleased]: https://github.com/o/r/compare/some-crate-v0.2.0...HEAD\n[0.2.0]: https://github.com/o/r/compare/some-crate-v0.1.0...some-crate-v0.2.0\n",
         "[Unreleased]: https://github.com/o/r/compare/some-crate-v0.2.1...HEAD\n[0.2.1]: https://github.com/o/r/compare/some-crate-v0.2.0...some-crate-v0.2.1\n[0.2.0]: https://github.com/o/r/compare/some-crate-v0.1.0...some-crate-v0.2.0\n"),
        // GitHub, bare versions.
        ("[Unreleased]: https://github.com/o/r/compare/0.2.0...HEAD\n",
         "[Unreleased]: https://github.com/o/r/compare/0.2.1...HEAD\n[0.2.1]: https://github.com/o/r/compare/0.2.0...0.2.1\n"),
        // GitLab.
        ("[Unreleased]: https://gitlab.com/g/p/-/compare/v0.2.0...HEAD\n",
         "[Unreleased]: https://gitlab.com/g/p/-/compare/v0.2.1...HEAD\n[0.2.1]: https://gitlab.com/g/p/-/compare/v0.2.0...v0.2.1\n"),
        // Gitea / Forgejo, a scoped npm tag.
        ("[Unreleased]: https://codeberg.org/o/r/compare/web@0.2.0...main\n",
         "[Unreleased]: https://codeberg.org/o/r/compare/web@0.2.1...main\n[0.2.1]: https://codeberg.org/o/r/compare/web@0.2.0...web@0.2.1\n"),
        // Bitbucket: newer%0Dolder.
        ("[Unreleased]: https://bitbucket.org/o/r/branches/compare/HEAD%0Drelease-0.2.0\n",
         "[Unreleased]: https://bitbucket.org/o/r/branches/compare/HEAD%0Drelease-0.2.1\n[0.2.1]: https://bitbucket.org/o/r/branches/compare/release-0.2.1%0Drelease-0.2.0\n"),
    ])
    func theNewLinksUseTheFilesTagForm(before: String, after: String) throws {
        let changelog = Changelog(text: Self.changelog(before))
        let release = try changelog.release(version: SemanticVersion("0.2.1")!, date: ReleaseDate(parsing: "2026-12-07"), tagPrefix: "v", drafted: [])
        #expect(release.text.hasSuffix(after), "\(release.text)")
        #expect(release.warnings.isEmpty, "\(release.warnings)")
    }

    @Test func aFileWithoutLinksGetsNone() throws {
        let changelog = Changelog(text: Self.changelog(""))
        let release = try changelog.release(version: SemanticVersion("0.2.1")!, date: ReleaseDate(parsing: "2026-12-07"), tagPrefix: "v", drafted: [])
        #expect(!release.text.contains("]: http"))
        #expect(release.text.contains("## [0.2.1] - 2026-12-07"))
    }
}
