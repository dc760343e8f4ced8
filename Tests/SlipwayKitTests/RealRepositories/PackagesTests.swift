import Foundation
import Testing
@testable import SlipwayKit

/// Monorepos as they come: npm/pnpm workspaces, Cargo workspaces, folders in config, changesets.
@Suite struct PackagesTests {
    func write(_ box: Sandbox, _ files: [String: String]) throws {
        for (path, text) in files {
            let url = URL(fileURLWithPath: box.root + "/" + path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
    }

    func commit(_ box: Sandbox, _ message: String, _ files: [String: String]) throws {
        try write(box, files)
        try box.git("add", "-A")
        try box.commit(message)
    }

    func packages(_ box: Sandbox) throws -> (SlipwayBinary.Result, [String: JSONValue]) {
        let result = try SlipwayBinary.run(["packages", "--json", "--repo", box.root])
        let list = (try? JSONParser.parse(Data(result.stdout.utf8)))?["packages"]?.arrayValue ?? []
        return (result, Dictionary(uniqueKeysWithValues: list.map { ($0["name"]?.stringValue ?? "?", $0) }))
    }

    /// An npm workspace tagged as changesets tags (`NAME@X.Y.Z`): each package's commits, and only its own.
    @Test func npmWorkspaceWithChangesetsStyleTags() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try commit(box, "chore: init", [
            "package.json": #"{"name": "root", "private": true, "workspaces": ["packages/*", "tools/*"]}"#,
            "packages/web/package.json": "{\n  \"name\": \"@acme/web\",\n  \"version\": \"1.0.0\"\n}\n",
            "packages/api/package.json": "{\n  \"name\": \"api\",\n  \"version\": \"0.3.0\"\n}\n",
            "packages/new/package.json": "{\n  \"name\": \"new\",\n  \"version\": \"0.1.0\"\n}\n",
        ])
        try box.git("tag", "@acme/web@1.0.0")
        try box.git("tag", "api@0.3.0")
        try commit(box, "feat(web): search", ["packages/web/search.js": "x"])
        try commit(box, "fix(api): crash", ["packages/api/a.js": "x"])
        try commit(box, "feat!: both change", ["packages/api/b.js": "x", "packages/web/b.js": "x"])
        try commit(box, "docs: readme", ["README.md": "x"])
        try box.git("checkout", "-q", "-b", "side")
        try commit(box, "feat(api): side", ["packages/api/side.js": "x"])
        try box.git("tag", "api@9.0.0")
        try box.git("checkout", "-q", "main")
        let (result, byName) = try packages(box)
        #expect(result.code == 0, "\(result.stderr)")
        #expect(result.stderr.contains("package.json workspaces: 'tools/*' matches no folder"))
        #expect(byName["@acme/web"]?["currentTag"]?.stringValue == "@acme/web@1.0.0")
        #expect(byName["@acme/web"]?["nextTag"]?.stringValue == "@acme/web@2.0.0" && byName["@acme/web"]?["commits"]?.intValue == 2)
        #expect(byName["api"]?["currentTag"]?.stringValue == "api@0.3.0", "api@9.0.0 is not reachable from HEAD")
        #expect(byName["api"]?["next"]?.stringValue == "0.4.0", "breaking while 0.x is minor")
        #expect(byName["api"]?["tagForm"]?.stringValue == "api@X.Y.Z")
        #expect(byName["new"]?["currentTag"] == .null && byName["new"]?["current"]?.stringValue == "0.1.0")
        #expect(byName["new"]?["releaseNeeded"] == .bool(false))
        let one = try SlipwayBinary.run(["next-version", "--package", "api", "--short", "--repo", box.root])
        #expect(one.code == 0 && one.stdout == "0.4.0\n", "\(one.stdout) \(one.stderr)")
        let missing = try SlipwayBinary.run(["next-version", "--package", "nope", "--repo", box.root])
        #expect(missing.code == 1 && missing.stderr.contains("there is no package 'nope'; the packages are"), "\(missing.stderr)")
    }

    @Test func pnpmAndCargoWorkspacesAndConfiguredFolders() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try commit(box, "chore: init", [
            "pnpm-workspace.yaml": "packages:\n  - 'apps/*'\n  - '!apps/legacy'\n",
            "apps/site/package.json": #"{"name": "site", "version": "2.0.0"}"#,
            "apps/legacy/package.json": #"{"name": "legacy", "version": "1.0.0"}"#,
            "Cargo.toml": "[workspace]\nmembers = [\"crates/*\"]\n",
            "crates/core/Cargo.toml": "[package]\nname = \"acme-core\"\nversion = \"0.5.0\"\n",
            "tools/cli/VERSION": "1.0.0\n",
            ".slipway.json": #"{"packages": [{"path": "tools/cli", "name": "cli"}]}"#,
        ])
        try box.git("tag", "acme-core-v0.5.0")
        try commit(box, "fix(core): overflow", ["crates/core/src/lib.rs": "x"])
        try commit(box, "feat(cli): flag", ["tools/cli/main.sh": "x"])
        let (result, byName) = try packages(box)
        #expect(result.code == 0, "\(result.stderr)")
        #expect(Set(byName.keys) == ["site", "acme-core", "cli"], "legacy is excluded")
        #expect(byName["acme-core"]?["tagForm"]?.stringValue == "acme-core-vX.Y.Z" && byName["acme-core"]?["nextTag"]?.stringValue == "acme-core-v0.5.1")
        #expect(byName["cli"]?["ecosystem"]?.stringValue == "config" && byName["cli"]?["next"]?.stringValue == "0.1.0")
        #expect(byName["site"]?["releaseNeeded"] == .bool(false))
    }

    @Test func pendingChangesetsDecideTheLevels() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try commit(box, "chore: init", [
            "package.json": #"{"name": "root", "workspaces": ["packages/*"]}"#,
            "packages/a/package.json": #"{"name": "@x/a", "version": "1.0.0"}"#,
            "packages/b/package.json": #"{"name": "b", "version": "1.0.0"}"#,
        ])
        try commit(box, "feat: a thing", ["packages/a/x.js": "x", "packages/b/x.js": "x"])
        try write(box, [".changeset/brave-cats.md": "---\n\"@x/a\": patch\n---\n\nA small fix.\n",
                        ".changeset/README.md": "# Changesets\n", ".changeset/config.json": "{}"])
        let (_, byName) = try packages(box)
        #expect(byName["@x/a"]?["next"]?.stringValue == "1.0.1" && byName["@x/a"]?["source"]?.stringValue == "changesets")
        #expect(byName["b"]?["releaseNeeded"] == .bool(false), "a package no changeset names is not released")
    }

    @Test func noWorkspaceIsSaidPlainly() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.commit("chore: init")
        let result = try SlipwayBinary.run(["packages", "--repo", box.root])
        #expect(result.code == 1 && result.stderr.contains("no packages found"))
    }

    /// One package released on its own: its branch, its manifest, its CHANGELOG, its tag.
    @Test func theSinglePackageFlowOnOnePackage() throws {
        let (remote, clone) = try TestRepository.withRemote()
        defer { withExtendedLifetime(remote) {} }
        try clone.write("package.json", #"{"name": "root", "workspaces": ["packages/*"]}"#)
        try clone.write("packages/api/package.json", "{\n  \"name\": \"api\",\n  \"version\": \"0.3.0\"\n}\n")
        try clone.write("packages/web/package.json", "{\n  \"name\": \"web\",\n  \"version\": \"1.0.0\"\n}\n")
        try clone.git(["add", "."])
        try clone.commit("chore: init")
        try clone.tag("api@0.3.0", annotated: true)
        try clone.write("packages/api/a.js", "x")
        try clone.git(["add", "."])
        try clone.commit("feat(api): add a")
        try clone.git(["push", "-q", "origin", "main", "--tags"])
        try clone.git(["config", "user.name", "Ada Release"])
        try clone.git(["config", "user.email", "ada@example.com"])
        let run = { (arguments: [String]) in try SlipwayBinary.run(arguments + ["--package", "api", "--repo", clone.root]) }
        let prepare = try run(["release", "prepare"])
        #expect(prepare.code == 0 && prepare.stdout.contains("release/api@0.4.0 with chore(release): api@0.4.0 pushed"), "\(prepare.stdout) \(prepare.stderr)")
        #expect(try remote.git(["show", "release/api@0.4.0:packages/api/package.json"]).contains("\"version\": \"0.4.0\""))
        #expect(try remote.git(["show", "release/api@0.4.0:packages/api/CHANGELOG.md"]).contains("## [0.4.0]"))
        #expect(try remote.git(["show", "release/api@0.4.0:packages/web/package.json"]).contains("\"version\": \"1.0.0\""), "the other package is untouched")
    }
}
