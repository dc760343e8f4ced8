import Testing
@testable import SlipwayKit

@Suite struct CargoManifestTests {
    @Test func packageVersionWithACommentBesideItAndTheSameVersionInDependencies() throws {
        let before = """
        # The web service.
        [package]
        name = "web"
        version = "1.0.0" # bumped by slipway
        edition = "2021"
        description = \"\"\"
        [package]
        version = "9.9.9"
        \"\"\"

        [dependencies]
        serde = { version = "1.0.0", features = ["derive"] }
        \tlog = "1.0.0"

        [dev-dependencies.tokio]
        version = "1.0.0"

        """
        let after = try ManifestSample.edited(before, .cargo, to: "1.1.0")
        #expect(ManifestSample.changedLines(before, after) == [4])
        #expect(after.contains("version = \"1.1.0\" # bumped by slipway\n"))
        #expect(after.contains("[dev-dependencies.tokio]\nversion = \"1.0.0\""))
    }

    @Test func workspaceRootEditsWorkspacePackage() throws {
        let before = """
        [workspace]
        members = [
            "crates/core", # the library
            "crates/cli",
        ]
        resolver = "2"

        [workspace.package]
        version = '2.0.0'
        edition = "2021"

        [workspace.dependencies]
        core = { path = "crates/core", version = "2.0.0" }

        """
        let locations = try ManifestSample.locations(before, .cargo)
        #expect(locations.map(\.field) == ["[workspace.package] version"])
        let after = try ManifestSample.edited(before, .cargo, to: "2.1.0")
        #expect(ManifestSample.changedLines(before, after) == [9])
        #expect(after.contains("version = '2.1.0'\n"))
    }

    @Test func aMemberWithWorkspaceVersionIsReportedAsInheriting() throws {
        let dotted = "[package]\nname = \"core\"\nversion.workspace = true\n"
        let inline = "[package]\nname = \"core\"\nversion = { workspace = true }\n"
        for text in [dotted, inline] {
            let reading = try VersionFile(path: "crates/core/Cargo.toml", format: .cargo).read(Array(text.utf8))
            guard case .inheriting(let reason) = reading else {
                Issue.record("expected inheriting, got \(reading)")
                continue
            }
            #expect(reason.contains("[workspace.package]"))
        }
    }

    @Test func aRepeatedVersionKeyNamesBothLines() {
        let error = ManifestSample.error("[package]\nversion = \"1.0.0\"\nname = \"x\"\nversion = \"1.0.1\"\n", .cargo, path: "Cargo.toml")
        #expect(error?.description == "Cargo.toml:4: the key version appears twice in [package] (lines 2 and 4); keep one")
    }

    @Test func malformedTOMLIsRefusedWithItsLine() {
        #expect(ManifestSample.error("[package\nversion = \"1.0.0\"\n", .cargo)?.line == 1)
        #expect(ManifestSample.error("[package]\nversion \"1.0.0\"\n", .cargo)?.line == 2)
        #expect(ManifestSample.error("[package]\nname = \"x\nversion = \"1.0.0\"\n", .cargo)?.line == 2)
        #expect(ManifestSample.error("[package]\nkeywords = [\"a\",\n", .cargo)?.problem.contains("never closed") == true)
    }

    @Test func aPackageWithoutVersionSaysWhatToAdd() {
        let error = ManifestSample.error("[package]\nname = \"x\"\n", .cargo, path: "Cargo.toml")
        #expect(error?.description == "Cargo.toml: [package] has no version; add version = \"X.Y.Z\" under [package]")
    }
}

/// Generated Cargo.toml files: valid TOML in many shapes reads, and the edit changes the version line alone.
@Suite struct CargoManifestPropertyTests {
    static func value(_ random: inout SplitMix64, eol: String) -> String {
        switch Int.random(in: 0..<9, using: &random) {
        case 0: return "\"1.0.0\""
        case 1: return "'C:\\path [x] = \"y\"'"
        case 2: return "\"with \\\"escaped\\\" quotes # not a comment\""
        case 3: return "\"\"\"" + eol + "[package]" + eol + "version = \"9.9.9\"" + eol + "\"\"\""
        case 4: return "[" + eol + "  \"a\", # first" + eol + "  'b]'," + eol + "]"
        case 5: return "{ version = \"1.0.0\", features = [\"derive\"], optional = true }"
        case 6: return ["true", "false", "42", "-0.5", "1979-05-27T07:32:00Z"].randomElement(using: &random) ?? "1"
        case 7: return "[ 1, 2, [3, 4] ]"
        default: return "{ workspace = true }"
        }
    }

    static func generate(_ random: inout SplitMix64) -> (text: String, versionLine: Int) {
        let eol = Bool.random(using: &random) ? "\r\n" : "\n"
        var lines: [String] = []
        var versionLine = 0
        let tables = ["dependencies", "dev-dependencies", "features", "profile.release", "target.'cfg(unix)'.dependencies"]
            .shuffled(using: &random).prefix(Int.random(in: 0...4, using: &random))
        func comment(_ random: inout SplitMix64) {
            if Int.random(in: 0..<3, using: &random) == 0 { lines.append(["# a comment", "", "   ", "\t# indented"].randomElement(using: &random) ?? "") }
        }
        comment(&random)
        lines.append(Bool.random(using: &random) ? "[package]" : "[ package ] # the crate")
        var keys = ["name = \"web\"", "edition = \"2021\"", "description = " + value(&random, eol: eol), "authors = " + value(&random, eol: eol)]
        let version = ["version = \"1.0.0\"", "version=\"1.0.0\"", "\tversion = '1.0.0' # released", "version = \"1.0.0\"   "]
            .randomElement(using: &random) ?? "version = \"1.0.0\""
        keys.insert(version, at: Int.random(in: 0...keys.count, using: &random))
        for key in keys {
            comment(&random)
            if key == version { versionLine = lines.isEmpty ? 1 : lines.joined(separator: eol).unicodeScalars.filter { $0 == "\n" }.count + 2 }
            lines.append(key)
        }
        for table in tables {
            lines.append("")
            lines.append("[\(table)]")
            for index in 0..<Int.random(in: 0...3, using: &random) {
                comment(&random)
                lines.append("key\(index) = " + value(&random, eol: eol))
            }
            if Bool.random(using: &random) { lines.append("version = \"1.0.0\"") }
        }
        var text = lines.joined(separator: eol)
        if Bool.random(using: &random) { text += eol }
        return (text, versionLine)
    }

    @Test func everyGeneratedManifestReadsAndOnlyItsVersionLineChanges() throws {
        var random = SplitMix64(seed: 0xCA_460)
        for round in 0..<300 {
            let (text, versionLine) = Self.generate(&random)
            let locations = try ManifestSample.locations(text, .cargo)
            #expect(locations.map(\.line) == [versionLine], "round \(round): \(text)")
            #expect(locations.map(\.value) == ["1.0.0"], "round \(round)")
            let after = try ManifestSample.edited(text, .cargo, to: "1.10.0")
            #expect(ManifestSample.changedLines(text, after) == [versionLine], "round \(round): \(text)")
            #expect(try ManifestSample.locations(after, .cargo).map(\.value) == ["1.10.0"], "round \(round)")
        }
    }
}
