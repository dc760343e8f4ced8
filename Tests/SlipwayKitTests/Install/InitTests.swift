import Foundation
import Testing
@testable import SlipwayKit

/// `slipway init` on repositories of each kind: what it proposes is valid and says why; --write never replaces
/// a file without --force.
@Suite struct InitTests {
    func propose(_ box: Sandbox, _ extra: [String] = []) throws -> (SlipwayBinary.Result, JSONValue?) {
        let result = try SlipwayBinary.run(["init", "--repo", box.root] + extra)
        return (result, try? JSONParser.parse(Data(result.stdout.utf8)))
    }

    @Test func anNpmProjectWithBareTagsAChangelogAndGitHub() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try Data("{\n  \"name\": \"web\",\n  \"version\": \"1.2.0\"\n}\n".utf8).write(to: URL(fileURLWithPath: box.root + "/package.json"))
        try Data("# Changelog\n".utf8).write(to: URL(fileURLWithPath: box.root + "/CHANGELOG.md"))
        try FileManager.default.createDirectory(atPath: box.root + "/db/migrations", withIntermediateDirectories: true)
        try box.git("add", ".")
        try box.commit("chore: init")
        try box.git("tag", "1.2.0")
        try box.git("remote", "add", "origin", "git@github.com:acme/web.git")
        let (result, json) = try propose(box)
        #expect(result.code == 0, "\(result.stderr)")
        #expect(json?["tagPrefix"]?.stringValue == "")
        #expect(json?["forge"]?["kind"]?.stringValue == "github")
        #expect(json?["versionFiles"]?.arrayValue.first?["path"]?.stringValue == "package.json")
        #expect(json?["changelog"]?.stringValue == "CHANGELOG.md")
        #expect(json?["migrations"]?["kind"]?.stringValue == "golang-migrate")
        #expect(result.stderr.contains("tagPrefix \"\": 1 tag(s) are written that way, up to 1.2.0"))
        #expect(SchemaValidator.problems(try #require(json), ConfigSchema.json).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: box.root + "/.slipway.json"), "nothing written without --write")
    }

    @Test func aNewRepositoryGetsTheDefaultsStated() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.commit("chore: init")
        let (result, json) = try propose(box)
        #expect(result.code == 0 && json?["tagPrefix"]?.stringValue == "v" && json?["forge"]?["kind"]?.stringValue == "local")
        #expect(result.stderr.contains("versionFiles: none found"))
    }

    @Test func writeNeverReplacesWithoutForce() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.commit("chore: init")
        let written = try propose(box, ["--write"]).0
        #expect(written.code == 0 && FileManager.default.fileExists(atPath: box.root + "/.slipway.json"))
        try Data(#"{"tagPrefix": "x"}"#.utf8).write(to: URL(fileURLWithPath: box.root + "/.slipway.json"))
        let refused = try propose(box, ["--write"]).0
        #expect(refused.code == 1 && refused.stderr.contains(".slipway.json exists; nothing was written"))
        #expect(try String(contentsOfFile: box.root + "/.slipway.json", encoding: .utf8) == #"{"tagPrefix": "x"}"#)
        let forced = try propose(box, ["--write", "--force"]).0
        let replaced = try String(contentsOfFile: box.root + "/.slipway.json", encoding: .utf8)
        #expect(forced.code == 0 && replaced.contains("\"tagPrefix\": \"v\""))
    }
}
