import Foundation
import Testing
@testable import SlipwayKit

/// A history whose releases follow a known rule — refactors are released as patches — replayed by `calibrate`.
@Suite struct CalibrateTests {
    /// v1.0.0, then four releases: a feature (minor), a fix (patch), and two of refactors only (patch), plus a
    /// release tag on a side branch that is not on the first-parent line.
    func history(config: String? = nil) throws -> Sandbox {
        let box = try Sandbox()
        if let config { try Data(config.utf8).write(to: URL(fileURLWithPath: box.root + "/.slipway.json")) }
        try box.git("add", "-A")
        try box.commit("chore: init")
        try box.git("tag", "v1.0.0")
        let releases: [([String], String)] = [
            (["feat(api): search", "docs: explain search"], "v1.1.0"),
            (["fix: crash"], "v1.1.1"),
            (["refactor(db): split the store"], "v1.1.2"),
            (["refactor: rename things", "test: more"], "v1.1.3"),
        ]
        for (messages, tag) in releases {
            for message in messages { try box.commit(message) }
            try box.git("tag", tag)
        }
        try box.git("checkout", "-q", "-b", "side", "v1.0.0")
        try box.commit("feat: side work")
        try box.git("tag", "v9.0.0")
        try box.git("checkout", "-q", "main")
        return box
    }

    @Test func theMissesAndASuggestionThatReproducesThem() throws {
        let box = try history()
        defer { box.remove() }
        let result = try SlipwayBinary.run(["calibrate", "--json", "--repo", box.root])
        #expect(result.code == 0, "\(result.stderr)")
        let json = try JSONParser.parse(Data(result.stdout.utf8))
        #expect(json["pairs"]?.intValue == 4, "v9.0.0 is not on the first-parent line")
        #expect(json["agree"]?.intValue == 2)
        #expect(json["agreeWithSuggestions"]?.intValue == 4)
        let suggestion = try #require(json["suggestions"]?.arrayValue.first)
        #expect(suggestion["key"]?.stringValue == "bump.types.refactor" && suggestion["value"]?.stringValue == "patch" && suggestion["gain"]?.intValue == 2)
        let misses = json["misses"]?.arrayValue ?? []
        #expect(misses.map { $0["to"]?.stringValue } == ["v1.1.2", "v1.1.3"])
        #expect(misses.first?["rulesSay"]?.stringValue == "none" && misses.first?["released"]?.stringValue == "patch")
        #expect(misses.first?["decidedBy"]?.arrayValue.first?["subject"]?.stringValue == "refactor(db): split the store")
        let text = try SlipwayBinary.run(["calibrate", "--repo", box.root])
        #expect(text.stdout.contains("the bump rules reproduce 2 (50%)") && text.stdout.contains("bump.types.refactor = patch   +2"), "\(text.stdout)")
    }

    @Test func writeAddsTheSuggestionAndNothingElse() throws {
        let config = "{\n  \"forge\": {\"kind\": \"local\"},\n  \"changelog\": \"CHANGELOG.md\"\n}\n"
        let box = try history(config: config)
        defer { box.remove() }
        let write = try SlipwayBinary.run(["calibrate", "--write", "--repo", box.root])
        #expect(write.code == 0 && write.stderr.contains("wrote bump.types.refactor = patch to .slipway.json"), "\(write.stderr)")
        let written = try String(contentsOfFile: box.root + "/.slipway.json", encoding: .utf8)
        #expect(written == "{\n  \"bump\": {\"types\": {\"refactor\": \"patch\"}},\n  \"forge\": {\"kind\": \"local\"},\n  \"changelog\": \"CHANGELOG.md\"\n}\n", "\(written)")
        let again = try SlipwayBinary.run(["calibrate", "--json", "--repo", box.root])
        let json = try JSONParser.parse(Data(again.stdout.utf8))
        #expect(json["agree"]?.intValue == 4 && json["suggestions"]?.arrayValue.isEmpty == true)
    }

    @Test func anExistingBumpTypesGetsTheEntryAdded() throws {
        let text = "{\"bump\": {\"types\": {\"docs\": \"none\"}, \"breakingWhileZero\": \"minor\"}}"
        let updated = try CalibrationWriter.apply([("refactor", .patch)], to: text)
        #expect(try SlipwayConfig.parse(Data(updated.utf8)).bump.types["refactor"] == .patch)
        #expect(try SlipwayConfig.parse(Data(updated.utf8)).bump.types["docs"] == BumpLevel.none)
        let changed = try CalibrationWriter.apply([("docs", .patch)], to: text)
        #expect(changed == "{\"bump\": {\"types\": {\"docs\": \"patch\"}, \"breakingWhileZero\": \"minor\"}}")
    }

    @Test func withoutTwoReleasesThereIsNothingToCalibrateOn() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.commit("chore: init")
        try box.git("tag", "v1.0.0")
        let result = try SlipwayBinary.run(["calibrate", "--write", "--repo", box.root])
        #expect(result.code == 1)
        #expect(result.stderr.contains("no release pairs to calibrate on: 1 release tag(s) written vX.Y.Z"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: box.root + "/.slipway.json"), "nothing written")
    }
}
