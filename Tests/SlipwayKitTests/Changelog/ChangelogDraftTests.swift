import Foundation
import Testing
@testable import SlipwayKit

@Suite struct ChangelogDraftTests {
    /// A repository released as v1.0.0 with every kind of commit after it; returns the short shas by name.
    static func repository() throws -> (TestRepository, [String: String]) {
        let repository = try TestRepository()
        try repository.commit("feat: first")
        try repository.tag("v1.0.0")
        var shas: [String: String] = [:]
        func add(_ name: String, _ message: String) throws {
            shas[name] = String(try repository.commit(message).prefix(7))
        }
        try add("search", "feat(api): add search endpoint")
        try add("empty", "fix: handle empty query")
        try add("cache", "perf: cache results")
        try add("split", "refactor: split parser")
        try add("docs", "docs: update README")
        try add("chore", "chore: bump tooling")
        try add("v1", "feat!: drop the v1 API\n\nBREAKING CHANGE: removed the /v1 endpoints")
        try add("config", "feat: new config loader\n\nBREAKING CHANGE: config is read from slipway.json now")
        try add("flags", "deprecate: old CLI flags")
        try add("html", "fix(security): escape HTML in titles")
        try add("cookies", "fix: tighten cookies\n\nSecurity: cookies are now SameSite=strict")
        let temporary = try repository.commit("feat: temporary thing")
        try add("revert", "Revert \"feat: temporary thing\"\n\nThis reverts commit \(temporary).")
        try add("manual", "Update stuff")
        try add("export", "feat: add export\n\nDeprecated: the CSV importer")
        return (repository, shas)
    }

    static func proposal(_ repository: TestRepository) throws -> VersionProposal {
        try VersionPlanner(repository: try repository.repository(), config: SlipwayConfig(), overrides: ReleaseOverrides(base: "v1.0.0")).propose()
    }

    @Test func draftsEachKindOfCommitUnderItsHeading() throws {
        let (repository, sha) = try Self.repository()
        let entries = ChangelogDraft.entries(from: try Self.proposal(repository).commits)
        let text = ChangelogDraft.render(entries).joined()
        #expect(text == """
        ### Added

        - **api:** add search endpoint (\(sha["search"]!))
        - add export (\(sha["export"]!))

        ### Changed

        - cache results (\(sha["cache"]!))
        - split parser (\(sha["split"]!))
        - **BREAKING** config is read from slipway.json now (\(sha["config"]!))

        ### Deprecated

        - old CLI flags (\(sha["flags"]!))
        - the CSV importer (\(sha["export"]!))

        ### Removed

        - **BREAKING** removed the /v1 endpoints (\(sha["v1"]!))

        ### Fixed

        - handle empty query (\(sha["empty"]!))

        ### Security

        - escape HTML in titles (\(sha["html"]!))
        - cookies are now SameSite=strict (\(sha["cookies"]!))

        """)
        #expect(!text.contains("temporary"))
        #expect(!text.contains("README"))
        #expect(!text.contains("Update stuff"))
    }

    @Test func entriesTheChangelogAlreadyHasAreNotAddedTwice() throws {
        let (repository, sha) = try Self.repository()
        let existing = Changelog(text: """
        ## [Unreleased]

        ## [1.0.0] - 2025-01-01

        - Handle **empty** query
        - cache results, see \(sha["cache"]!)

        """)
        let entries = ChangelogDraft.entries(from: try Self.proposal(repository).commits, existing: existing)
        #expect(!entries.contains { $0.text == "handle empty query" })
        #expect(!entries.contains { $0.sha == sha["cache"] })
        #expect(entries.contains { $0.text == "split parser" })
    }

    @Test func commitsClassifiedByHandFollowTheirClassification() throws {
        let repository = try TestRepository()
        try repository.commit("feat: start")
        try repository.tag("v1.0.0")
        let manual = try repository.commit("Add CSV export")
        let ignored = try repository.commit("feat: internal toggle")
        let overrides = ReleaseOverrides(base: "v1.0.0", commits: [
            manual: CommitOverride(level: .minor, type: "feat", reason: "a user-visible feature"),
            ignored: CommitOverride(level: .none, reason: "behind a flag nobody can turn on"),
        ])
        let proposal = try VersionPlanner(repository: try repository.repository(), config: SlipwayConfig(), overrides: overrides).propose()
        let entries = ChangelogDraft.entries(from: proposal.commits)
        #expect(entries == [DraftedEntry(category: .added, text: "Add CSV export", sha: String(manual.prefix(7)))])
    }

    @Test func theSameTextFromTwoCommitsIsListedOnce() throws {
        let repository = try TestRepository()
        try repository.commit("feat: start")
        try repository.tag("v1.0.0")
        let first = try repository.commit("fix: retry uploads")
        try repository.commit("fix: Retry uploads")
        let entries = ChangelogDraft.entries(from: try Self.proposal(repository).commits)
        #expect(entries.map(\.sha) == [String(first.prefix(7))])
    }
}
