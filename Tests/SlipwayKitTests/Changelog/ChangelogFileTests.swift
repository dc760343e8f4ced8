import Foundation
import Testing
@testable import SlipwayKit

@Suite struct ChangelogFileTests {
    @Test func aMissingFileStartsFromTheKeepAChangelogOpening() throws {
        let repository = try TestRepository()
        let file = try ChangelogFile.load("docs/CHANGELOG.md", root: repository.root)
        #expect(!file.exists)
        #expect(file.needsDraft)
        let commit = GitCommit(sha: "abcdef1234567890", parents: [], authorName: "A", authorEmail: "a@example.com", authorTime: 0,
                               message: CommitMessage(parsing: "feat: export to CSV"))
        let classified = ClassifiedCommit(commit: commit, kind: .conventional, type: "feat", scope: nil, breaking: false,
                                          level: .minor, reason: "feat → minor")
        let (release, drafted, edit) = try file.release(version: SemanticVersion(major: 0, minor: 1, patch: 0),
                                                        date: try ReleaseDate(parsing: "2026-01-15"), tagPrefix: "v", commits: [classified])
        #expect(drafted == [DraftedEntry(category: .added, text: "export to CSV", sha: "abcdef1")])
        #expect(edit.createsFile)
        #expect(release.text.hasPrefix(ChangelogFile.newFileOpening + "\n## [Unreleased]\n\n## [0.1.0] - 2026-01-15\n"))
        try FileEdit.applyAll([edit])
        #expect(try repository.read("docs/CHANGELOG.md") == release.text)
    }

    @Test func anExistingFileWithEntriesNeedsNoDraft() throws {
        let repository = try TestRepository()
        try repository.write("CHANGELOG.md", "## [Unreleased]\n\n- a\n")
        let file = try ChangelogFile.load("CHANGELOG.md", root: repository.root)
        #expect(file.exists)
        #expect(!file.needsDraft)
        #expect(file.bytes == Array("## [Unreleased]\n\n- a\n".utf8))
    }

    @Test func aPathOutsideTheRepositoryIsRefused() throws {
        let repository = try TestRepository()
        #expect(throws: ChangelogError.self) { try ChangelogFile.load("../CHANGELOG.md", root: repository.root) }
    }
}
