import Foundation
import Testing
@testable import SlipwayKit

/// The headless release sequence from the issue, on a fresh clone of a bare remote, as two people.
@Suite struct ReleaseCommandTests {
    static func identity(_ name: String, _ email: String) -> [String: String] {
        ["GIT_AUTHOR_NAME": name, "GIT_AUTHOR_EMAIL": email, "GIT_COMMITTER_NAME": name, "GIT_COMMITTER_EMAIL": email]
    }

    @Test func prepareApproveMergeTagOnAFreshClone() throws {
        let seed = try Sandbox()
        defer { seed.remove() }
        let remote = seed.root + "-origin.git"
        defer { try? FileManager.default.removeItem(atPath: remote) }
        try Data(#"{"forge": {"kind": "local", "requiredApprovals": 1}}"#.utf8).write(to: URL(fileURLWithPath: seed.root + "/.slipway.json"))
        try Data("{\n  \"name\": \"web\",\n  \"version\": \"0.3.0\"\n}\n".utf8).write(to: URL(fileURLWithPath: seed.root + "/package.json"))
        try Data("# Changelog\n\n## [Unreleased]\n### Added\n- Search.\n\n## [0.3.0] - 2026-01-01\n- Start.\n".utf8)
            .write(to: URL(fileURLWithPath: seed.root + "/CHANGELOG.md"))
        try seed.git("add", ".")
        try seed.commit("chore: init")
        try seed.git("tag", "v0.3.0")
        try seed.commit("feat: search")
        try seed.git("init", "-q", "--bare", remote)
        try seed.git("push", "-q", remote, "main", "--tags")

        let work = try Sandbox()
        defer { work.remove() }
        try work.git("remote", "add", "origin", remote)
        try work.git("fetch", "-q", "origin")
        try work.git("checkout", "-q", "-b", "main", "origin/main")
        let ada = Self.identity("Ada", "ada@example.com")
        let lin = Self.identity("Lin", "lin@example.com")

        let dry = try SlipwayBinary.run(["release", "prepare", "--dry-run", "--repo", work.root], environment: ada)
        #expect(dry.code == 0, "\(dry.stderr)")
        #expect(dry.stdout.contains("would run: git checkout -b release/v0.4.0 main"))

        let prepare = try SlipwayBinary.run(["release", "prepare", "--repo", work.root], environment: ada)
        #expect(prepare.code == 0, "\(prepare.stderr)")
        #expect(try seed.git("--git-dir", remote, "log", "-1", "--format=%s", "release/v0.4.0") == "chore(release): 0.4.0")

        let short = try SlipwayBinary.run(["release", "merge", "--repo", work.root], environment: ada)
        #expect(short.code == 1)
        #expect(short.stderr.contains("0 of 1 required approval(s)"))
        let own = try SlipwayBinary.run(["release", "approve", "--repo", work.root], environment: ada)
        #expect(own.code == 1)
        #expect(own.stderr.contains("an author's own approval does not count"))

        #expect(try SlipwayBinary.run(["release", "approve", "--repo", work.root], environment: lin).code == 0)
        let merge = try SlipwayBinary.run(["release", "merge", "--repo", work.root], environment: ada)
        #expect(merge.code == 0, "\(merge.stderr)")
        let tag = try SlipwayBinary.run(["release", "tag", "--repo", work.root], environment: ada)
        #expect(tag.code == 0, "\(tag.stderr)")
        #expect(try seed.git("--git-dir", remote, "tag", "-l", "--format=%(objecttype) %(contents:subject)", "v0.4.0") == "tag Release version 0.4.0")
        #expect(try seed.git("--git-dir", remote, "show", "main:package.json").contains("\"version\": \"0.4.0\""))

        let status = try SlipwayBinary.run(["release", "status", "--json", "--repo", work.root], environment: ada)
        let json = try JSONParser.parse(Array(status.stdout.utf8))
        guard case .array(let steps)? = json["steps"] else { Issue.record("no steps"); return }
        #expect(steps.count == 8)
        #expect(steps.allSatisfy { $0["state"] != nil && $0["detail"] != nil })
    }

    @Test func badUsageIsExitTwo() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.commit("chore: init")
        let result = try SlipwayBinary.run(["release", "launch", "--repo", box.root])
        #expect(result.code == 2)
        #expect(result.stderr.contains("say one of status, prepare"))
        let badVersion = try SlipwayBinary.run(["release", "prepare", "--version", "1.0", "--repo", box.root])
        #expect(badVersion.code == 2)
        #expect(badVersion.stderr.contains("'1.0' is not a SemVer version"))
    }
}
