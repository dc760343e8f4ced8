import Foundation
import Testing
@testable import SlipwayKit

/// The headless hotfix sequence of the issue, on a fresh clone of a bare remote, as a developer, a non-lead and a lead.
@Suite struct HotfixCommandTests {
    static let ada = ReleaseCommandTests.identity("Ada", "ada@example.com")
    static let kim = ReleaseCommandTests.identity("Kim", "kim@example.com")
    static let lead = ReleaseCommandTests.identity("Lin", "lead@example.com")

    /// A bare remote with v1.0.0 and later work on main, and a fresh clone of it; remove both with `cleanUp`.
    static func fixture() throws -> (seed: Sandbox, work: Sandbox, remote: String) {
        let seed = try Sandbox()
        let remote = seed.root + "-origin.git"
        try Data(#"{"forge": {"kind": "local", "requiredApprovals": 3, "techLeads": ["lead@example.com"]}}"#.utf8)
            .write(to: URL(fileURLWithPath: seed.root + "/.slipway.json"))
        try Data("{\n  \"name\": \"web\",\n  \"version\": \"1.0.0\"\n}\n".utf8).write(to: URL(fileURLWithPath: seed.root + "/package.json"))
        try Data("# Changelog\n\n## [Unreleased]\n\n## [1.0.0] - 2026-01-01\n- Start.\n".utf8)
            .write(to: URL(fileURLWithPath: seed.root + "/CHANGELOG.md"))
        try Data("a\nb\nc\n".utf8).write(to: URL(fileURLWithPath: seed.root + "/app.txt"))
        try seed.git("add", ".")
        try seed.commit("chore: init")
        try seed.git("tag", "-a", "v1.0.0", "-m", "Release version 1.0.0")
        try seed.commit("feat: search")
        try seed.git("init", "-q", "--bare", remote)
        try seed.git("push", "-q", remote, "main", "--tags")
        let work = try Sandbox()
        try work.git("remote", "add", "origin", remote)
        try work.git("fetch", "-q", "origin")
        try work.git("checkout", "-q", "-b", "main", "origin/main")
        return (seed, work, remote)
    }

    static func hotfixes(_ result: SlipwayBinary.Result) throws -> [JSONValue] {
        let json = try JSONParser.parse(Array(result.stdout.utf8))
        guard case .array(let rows)? = json["hotfixes"] else { Issue.record("no hotfixes array: \(result.stdout)"); return [] }
        return rows
    }

    @Test func theIssueSequenceOnAFreshClone() throws {
        let (seed, work, remote) = try Self.fixture()
        defer { seed.remove(); work.remove(); try? FileManager.default.removeItem(atPath: remote) }
        func slipway(_ arguments: String..., as identity: [String: String] = HotfixCommandTests.ada) throws -> SlipwayBinary.Result {
            try SlipwayBinary.run(arguments + ["--repo", work.root], environment: identity)
        }
        func onRemote(_ arguments: String...) throws -> String {
            try CommandRunner().run(CommandInvocation(["git", "--git-dir", remote] + arguments, environment: TestRepository.environment)).trimmedText
        }

        let start = try slipway("hotfix", "start", "--from", "v1.0.0")
        #expect(start.code == 0, "\(start.stderr)")
        #expect(try onRemote("rev-parse", "hotfix/v1.0.1") == (try onRemote("rev-parse", "v1.0.0^{commit}")))

        try work.git("checkout", "-q", "hotfix/v1.0.1")
        try Data("a\nb fixed\nc\n".utf8).write(to: URL(fileURLWithPath: work.root + "/app.txt"))
        try work.git("commit", "-q", "-am", "fix: b no longer crashes")
        try work.git("push", "-q", "origin", "hotfix/v1.0.1")
        try work.git("checkout", "-q", "main")

        let prepare = try slipway("hotfix", "prepare", "1.0.1")
        #expect(prepare.code == 0, "\(prepare.stderr)")
        #expect(try onRemote("log", "-1", "--format=%s", "hotfix/v1.0.1") == "chore(release): 1.0.1")

        #expect(try slipway("hotfix", "approve", "1.0.1", as: Self.kim).code == 0)
        let refused = try slipway("hotfix", "merge", "1.0.1")
        #expect(refused.code == 1)
        #expect(refused.stderr.contains("no approval by a tech lead"))
        #expect(refused.stderr.contains("kim@example.com, not a tech lead"))

        let approve = try slipway("hotfix", "approve", "1.0.1", as: Self.lead)
        #expect(approve.code == 0, "\(approve.stderr)")
        #expect(approve.stdout.contains("the fast-track rule is met"))
        let mainBefore = try onRemote("rev-parse", "main")
        let merge = try slipway("hotfix", "merge", "1.0.1")
        #expect(merge.code == 0, "\(merge.stderr)")
        #expect(try onRemote("log", "-1", "--format=%s", "maintenance/v1.0.x") == "Merge hotfix v1.0.1")
        #expect(try onRemote("rev-parse", "main") == mainBefore)
        let tag = try slipway("hotfix", "tag", "1.0.1")
        #expect(tag.code == 0, "\(tag.stderr)")
        #expect(try onRemote("tag", "-l", "--format=%(objecttype) %(contents:subject)", "v1.0.1") == "tag Release version 1.0.1")

        var status = try slipway("hotfix", "status", "--json")
        #expect(status.code == 0, "\(status.stderr)")
        var rows = try Self.hotfixes(status)
        #expect(rows.count == 1)
        #expect(rows.first?["version"] == .string("1.0.1"))
        #expect(rows.first?["backported"] == .bool(false))
        #expect(rows.first?["techLeadApproval"] == .string("Lin <lead@example.com>"))

        let backport = try slipway("hotfix", "backport", "1.0.1")
        #expect(backport.code == 0, "\(backport.stderr)")
        #expect(try onRemote("log", "--format=%B", "main..backport/v1.0.1").contains("(cherry picked from commit "))

        // Merged into main: status shows the hotfix as backported.
        try work.git("fetch", "-q", "origin")
        try work.git("merge", "-q", "--no-ff", "-m", "Merge backport/v1.0.1", "origin/backport/v1.0.1")
        try work.git("push", "-q", "origin", "main")
        status = try slipway("hotfix", "status", "--json")
        rows = try Self.hotfixes(status)
        #expect(rows.first?["backported"] == .bool(true))
        #expect(rows.first?["attention"] == .string("done"))
    }

    @Test func exitCodesForBadInputAndRefusals() throws {
        let (seed, work, remote) = try Self.fixture()
        defer { seed.remove(); work.remove(); try? FileManager.default.removeItem(atPath: remote) }
        try work.git("tag", "nightly")
        let notRelease = try SlipwayBinary.run(["hotfix", "start", "--from", "nightly", "--repo", work.root], environment: Self.ada)
        #expect(notRelease.code == 2)
        #expect(notRelease.stderr.contains("'nightly' is not a release tag"))
        let missing = try SlipwayBinary.run(["hotfix", "start", "--from", "v7.0.0", "--repo", work.root], environment: Self.ada)
        #expect(missing.code == 2)
        #expect(try SlipwayBinary.run(["hotfix", "merge", "--repo", work.root]).code == 2)
        #expect(try SlipwayBinary.run(["hotfix", "land", "1.0.1", "--repo", work.root]).code == 2)
        #expect(try SlipwayBinary.run(["hotfix", "merge", "1.0", "--repo", work.root]).code == 2)

        let dry = try SlipwayBinary.run(["hotfix", "start", "--dry-run", "--json", "--repo", work.root], environment: Self.ada)
        #expect(dry.code == 0, "\(dry.stderr)")
        #expect(try JSONParser.parse(Array(dry.stdout.utf8))["dryRun"] == .bool(true))
        #expect(try SlipwayBinary.run(["hotfix", "start", "--repo", work.root], environment: Self.ada).code == 0)
        let again = try SlipwayBinary.run(["hotfix", "start", "--repo", work.root], environment: Self.ada)
        #expect(again.code == 1)
        #expect(again.stderr.contains("the next free PATCH is 1.0.2"))
        let unprepared = try SlipwayBinary.run(["hotfix", "merge", "1.0.1", "--repo", work.root], environment: Self.ada)
        #expect(unprepared.code == 1)
        #expect(unprepared.stderr.contains("is not prepared"))
        let untagged = try SlipwayBinary.run(["hotfix", "tag", "1.0.1", "--repo", work.root], environment: Self.ada)
        #expect(untagged.code == 1)
        #expect(untagged.stderr.contains("run `slipway hotfix prepare 1.0.1`"))
        let noHotfix = try SlipwayBinary.run(["hotfix", "backport", "1.0.7", "--repo", work.root], environment: Self.ada)
        #expect(noHotfix.code == 1)
        #expect(noHotfix.stderr.contains("there is no hotfix 1.0.7"))
    }
}
