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
