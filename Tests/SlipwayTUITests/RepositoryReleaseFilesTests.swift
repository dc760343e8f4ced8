import Foundation
import Testing
import SlipwayKit
@testable import SlipwayTUI

/// The Version panel's previews and writes on a real repository with a package.json and a CHANGELOG.
@Suite struct RepositoryReleaseFilesTests {
    @Test func previewsThenWritesTheManifestAndTheChangelog() throws {
        let repository = try FixtureRepository()
        try Data("{\n  \"name\": \"web\",\n  \"version\": \"1.4.0\"\n}\n".utf8).write(to: URL(fileURLWithPath: repository.root + "/package.json"))
        try Data("# Changelog\n\n## [Unreleased]\n\n## [1.4.0] - 2026-01-01\n- First.\n".utf8)
            .write(to: URL(fileURLWithPath: repository.root + "/CHANGELOG.md"))
        let proposal = try VersionPlanner(repository: try GitRepository.open(repository.root, runner: repository.runner),
                                          config: SlipwayConfig()).propose()
        var files = RepositoryReleaseFiles(path: repository.root, runner: repository.runner)
        files.date = { ReleaseDate.today(now: Date(timeIntervalSince1970: 1_790_000_000)) }

        let diffs = try files.preview(version: proposal.next, proposal: proposal)
        #expect(diffs.map(\.path) == ["package.json", "CHANGELOG.md"])
        #expect(diffs[0].diff.contains("-  \"version\": \"1.4.0\"\n"))
        #expect(diffs[0].diff.contains("+  \"version\": \"2.0.0\""))
        // Unreleased was empty: the section is drafted from the commits, the breaking change first.
        #expect(diffs[1].diff.contains("+## [2.0.0] - "))
        #expect(diffs[1].diff.contains("BREAKING"))
        #expect(try String(contentsOfFile: repository.root + "/package.json", encoding: .utf8).contains("1.4.0"))

        let written = try files.write(version: proposal.next, proposal: proposal)
        #expect(written == ["package.json", "CHANGELOG.md"])
        #expect(try String(contentsOfFile: repository.root + "/package.json", encoding: .utf8) == "{\n  \"name\": \"web\",\n  \"version\": \"2.0.0\"\n}\n")
        // Writing twice is refused with the reason, and nothing changes.
        #expect { try files.write(version: proposal.next, proposal: proposal) } throws: { error in
            String(describing: error).contains("2.0.0")
        }
        #expect(try String(contentsOfFile: repository.root + "/package.json", encoding: .utf8) == "{\n  \"name\": \"web\",\n  \"version\": \"2.0.0\"\n}\n")
    }

    @Test func notARepositoryIsAnErrorNotACrash() throws {
        let folder = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("slipway-plain-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // TMPDIR may sit inside a checkout (CI keeps it there): stop git's search at the folder's parent.
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_CEILING_DIRECTORIES"] = URL(fileURLWithPath: folder).deletingLastPathComponent().path
        let files = RepositoryReleaseFiles(path: folder, runner: CommandRunner(baseEnvironment: environment))
        let proposal = VersionProposal(tagPrefix: "v", baseTag: nil, current: .zero, next: SemanticVersion(major: 0, minor: 1, patch: 0),
                                       bump: .minor, commits: [], warnings: [], range: "HEAD", head: "", breakingWhileZero: .minor,
                                       prereleaseIdentifier: nil)
        #expect { try files.preview(version: proposal.next, proposal: proposal) } throws: { error in
            String(describing: error).contains("not a git repository")
        }
    }
}
