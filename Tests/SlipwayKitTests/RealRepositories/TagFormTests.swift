import Foundation
import Testing
@testable import SlipwayKit

/// With no `tagPrefix` configured, the release tags' own form is found and used; a tie is named, never guessed.
@Suite struct TagFormTests {
    @Test(arguments: [
        ("v1.2.3", "v", "1.2.3"), ("1.2.3", "", "1.2.3"), ("crate-v0.2.0", "crate-v", "0.2.0"), ("pkg@1.2.3", "pkg@", "1.2.3"),
        ("@scope/pkg@2.0.0-rc.1", "@scope/pkg@", "2.0.0-rc.1"), ("release-1.2.3", "release-", "1.2.3"), ("web/v3.0.0", "web/v", "3.0.0"),
    ])
    func aTagSplitsIntoItsPrefixAndVersion(tag: String, prefix: String, version: String) {
        let split = TagForm.split(tag)
        #expect(split?.prefix == prefix && split?.version.description == version, "\(tag)")
    }

    @Test(arguments: ["v1.2", "latest", "1.2.3.4", "x1.2.3", "v01.2.3"])
    func notAVersionTag(tag: String) {
        #expect(TagForm.split(tag) == nil, "\(tag)")
    }

    /// A repository tagged `tags`, a feature since the last; `next-version --json` run on it.
    func nextVersion(tags: [String], config: String? = nil) throws -> (SlipwayBinary.Result, JSONValue?) {
        let box = try Sandbox()
        defer { box.remove() }
        if let config { try Data(config.utf8).write(to: URL(fileURLWithPath: box.root + "/.slipway.json")) }
        for tag in tags {
            try box.commit("fix: before \(tag)")
            try box.git("tag", tag)
        }
        try box.commit("feat: new")
        let result = try SlipwayBinary.run(["next-version", "--json", "--repo", box.root])
        return (result, try? JSONParser.parse(Data(result.stdout.utf8)))
    }

    @Test(arguments: [
        (["1.0.0", "1.1.0"], "", "1.1.0", "1.2.0"),
        (["my-crate-v0.1.0", "my-crate-v0.2.0"], "my-crate-v", "my-crate-v0.2.0", "my-crate-v0.3.0"),
        (["web@1.0.0", "web@1.4.2"], "web@", "web@1.4.2", "web@1.5.0"),
        (["release-2.0.0", "release-2.1.0"], "release-", "release-2.1.0", "release-2.2.0"),
        (["v1.0.0", "v1.5.0", "2.0.0"], "", "2.0.0", "2.1.0"),
    ])
    func theFormOfTheHighestTagsIsFoundAndUsed(tags: [String], prefix: String, current: String, next: String) throws {
        let (result, json) = try nextVersion(tags: tags)
        #expect(result.code == 0, "\(result.stderr)")
        #expect(json?["tagPrefix"]?.stringValue == prefix)
        #expect(json?["tagPrefixSource"]?.stringValue?.hasPrefix("detected from") == true)
        #expect(json?["currentTag"]?.stringValue == current)
        #expect(json?["nextTag"]?.stringValue == next)
    }

    @Test func formsThatShareTheHighestVersionStopWithTheCandidatesAndTheLineThatSettlesIt() throws {
        let (result, _) = try nextVersion(tags: ["v1.0.0", "1.0.0", "v2.0.0", "2.0.0"])
        #expect(result.code == 2)
        #expect(result.stderr.contains(".slipway.json: tagPrefix: is not set, and the release tags come in forms that share the highest version"), "\(result.stderr)")
        #expect(result.stderr.contains("v2.0.0 (2 tags)") && result.stderr.contains("2.0.0 (2 tags)"))
        #expect(result.stderr.contains("add \"tagPrefix\": "))
    }

    @Test func aConfiguredPrefixAlwaysWins() throws {
        let (bare, json) = try nextVersion(tags: ["v1.0.0", "v2.0.0", "2.1.0"], config: #"{"tagPrefix": "v"}"#)
        #expect(bare.code == 0 && json?["currentTag"]?.stringValue == "v2.0.0" && json?["tagPrefixSource"]?.stringValue == "configured")
        let (empty, emptyJSON) = try nextVersion(tags: ["v3.0.0", "1.0.0"], config: #"{"tagPrefix": ""}"#)
        #expect(empty.code == 0 && emptyJSON?["currentTag"]?.stringValue == "1.0.0")
    }

    /// Hundreds of tags in several forms, package tags among them: the detection is a pass over the names.
    @Test func hundredsOfTagsInSeveralForms() {
        var tags: [String] = []
        for minor in 0..<150 { tags.append("v1.\(minor).0"); tags.append("web@0.\(minor).0") }
        for patch in 0..<100 { tags.append("2.0.\(patch)"); tags.append("nightly-\(patch)") }
        guard case .found(let form, let others) = TagForm.detect(tags) else { Issue.record("not found"); return }
        #expect(form.prefix == "" && form.count == 100 && form.highest.description == "2.0.99")
        #expect(others.map(\.prefix) == ["v"], "package tags and non-versions are not the repository's form")
    }

    @Test func aRepositoryWithoutVersionTagsStartsWithV() throws {
        let (result, json) = try nextVersion(tags: ["latest", "stable"])
        #expect(result.code == 0 && json?["nextTag"]?.stringValue == "v0.1.0" && json?["tagPrefixSource"]?.stringValue == "default")
    }
}
