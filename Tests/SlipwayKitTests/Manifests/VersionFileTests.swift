import Testing
@testable import SlipwayKit

/// package.json and package-lock.json through `VersionFile` (the JSON formats have no reader type of their own).
@Suite struct VersionFileTests {
    @Test func packageJSONWithCRLFAndNoFinalNewlineChangesOnlyTheTopLevelVersion() throws {
        let before = [
            "{",
            "  \"name\": \"@acme/web\",",
            "  \"version\": \"1.0.0\",",
            "  \"config\": { \"version\": \"1.0.0\" },",
            "  \"dependencies\": {",
            "    \"left-pad\": \"1.0.0\"",
            "  }",
            "}",
        ].joined(separator: "\r\n")
        let after = try ManifestSample.edited(before, .packageJSON, to: "1.1.0")
        #expect(after == before.replacingOccurrences(of: "\"version\": \"1.0.0\",", with: "\"version\": \"1.1.0\","))
        #expect(ManifestSample.changedLines(before, after) == [3])
        #expect(after.hasSuffix("}"))
        #expect(after.utf8.count == before.utf8.count)
    }

    @Test func packageJSONKeepsTabsAndKeyOrder() throws {
        let before = "{\n\t\"version\":\"0.9.0\",\n\t\"name\": \"x\"\n}\n"
        #expect(try ManifestSample.edited(before, .packageJSON, to: "1.0.0") == "{\n\t\"version\":\"1.0.0\",\n\t\"name\": \"x\"\n}\n")
    }

    @Test func packageLockChangesTheRootAndThePackagesRootEntryOnly() throws {
        let before = """
        {
          "name": "web",
          "version": "1.0.0",
          "lockfileVersion": 3,
          "requires": true,
          "packages": {
            "": {
              "name": "web",
              "version": "1.0.0",
              "dependencies": { "dep": "^1.0.0" }
            },
            "node_modules/dep": {
              "version": "1.0.0",
              "resolved": "https://registry.npmjs.org/dep/-/dep-1.0.0.tgz"
            }
          }
        }

        """
        let locations = try ManifestSample.locations(before, .packageLock)
        #expect(locations.map(\.field) == ["version", "packages[\"\"].version"])
        #expect(locations.map(\.line) == [3, 9])
        let after = try ManifestSample.edited(before, .packageLock, to: "2.0.0")
        #expect(ManifestSample.changedLines(before, after) == [3, 9])
        #expect(after.contains("\"node_modules/dep\": {\n      \"version\": \"1.0.0\""))
    }

    @Test func aRepeatedVersionKeyIsRefusedWithItsLine() {
        let error = ManifestSample.error("{\n  \"version\": \"1.0.0\",\n  \"name\": \"x\",\n  \"version\": \"1.0.1\"\n}\n", .packageJSON, path: "package.json")
        #expect(error?.file == "package.json")
        #expect(error?.line == 4)
        #expect(error?.description.contains("appears twice") == true)
    }

    @Test func malformedJSONNamesTheLine() {
        let error = ManifestSample.error("{\n  \"name\": \"x\",\n  \"version\": \"1.0.0\",\n}\n", .packageJSON, path: "package.json")
        #expect(error?.line == 4)
        #expect(error?.description.hasPrefix("package.json:4: is not valid JSON") == true)
    }

    @Test func aMissingOrNonStringVersionIsAnError() {
        #expect(ManifestSample.error("{\"name\": \"x\"}", .packageJSON)?.problem.contains("no top-level \"version\"") == true)
        let numeric = ManifestSample.error("{\n\"version\": 1\n}", .packageJSON)
        #expect(numeric?.line == 2)
        #expect(numeric?.problem.contains("not a string") == true)
    }

    @Test func escapedKeysAreNotMistakenForVersion() throws {
        let before = "{\"ver\\u0073ion2\": \"0.0.1\", \"version\": \"1.0.0\"}"
        #expect(try ManifestSample.edited(before, .packageJSON, to: "3.0.0") == "{\"ver\\u0073ion2\": \"0.0.1\", \"version\": \"3.0.0\"}")
    }
}
