import Foundation
import Testing
@testable import SlipwayKit

@Suite struct ReleaseFilesTests {
    static let packageJSON = "{\n  \"name\": \"web\",\n  \"version\": \"1.0.0\"\n}\n"
    static let changelog = "# Changelog\n\n## [Unreleased]\n\n## [1.0.0] - 2025-12-01\n\n- First release.\n"

    static func repository() throws -> (TestRepository, String) {
        let repository = try TestRepository()
        try repository.write("package.json", packageJSON)
        try repository.write("CHANGELOG.md", changelog)
        try repository.git(["add", "-A"])
        try repository.commit("feat: first")
        try repository.tag("v1.0.0")
        let fix = String(try repository.commit("fix: keep sessions").prefix(7))
        return (repository, fix)
    }

    static func plan(_ repository: TestRepository) throws -> ReleaseFiles {
        let proposal = try VersionPlanner(repository: try repository.repository(), config: SlipwayConfig(),
                                          overrides: ReleaseOverrides(base: "v1.0.0")).propose()
        return try ReleaseFiles.plan(root: repository.root, config: SlipwayConfig(), version: proposal.next,
                                     date: try ReleaseDate(parsing: "2026-01-15"), commits: proposal.commits)
    }

    @Test func plansAndWritesTheManifestsAndTheChangelogTogether() throws {
        let (repository, fix) = try Self.repository()
        let files = try Self.plan(repository)
        #expect(files.version.description == "1.0.1")
        #expect(files.edits.map(\.path) == ["package.json", "CHANGELOG.md"])
        #expect(try repository.read("package.json") == Self.packageJSON)
        try files.write()
        #expect(try repository.read("package.json") == Self.packageJSON.replacingOccurrences(of: "1.0.0", with: "1.0.1"))
        #expect(try repository.read("CHANGELOG.md") == "# Changelog\n\n## [Unreleased]\n\n## [1.0.1] - 2026-01-15\n\n### Fixed\n\n- keep sessions (\(fix))\n\n## [1.0.0] - 2025-12-01\n\n- First release.\n")
    }

    @Test func aBrokenManifestOrAReadOnlyChangelogWritesNothing() throws {
        let (repository, _) = try Self.repository()
        try repository.write("VERSION", "1.0.0\nextra\n")
        #expect(throws: ManifestError.self) { try Self.plan(repository) }
        try FileManager.default.removeItem(atPath: repository.root + "/VERSION")
        chmod(repository.root + "/CHANGELOG.md", 0o444)
        let files = try Self.plan(repository)
        #expect(throws: StateFileError.self) { try files.write() }
        #expect(try repository.read("package.json") == Self.packageJSON)
        #expect(try repository.read("CHANGELOG.md") == Self.changelog)
    }
}
