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

/// Generated package.json files: the edit changes the top-level version and nothing else, whatever the layout.
@Suite struct VersionFilePropertyTests {
    static func space(_ random: inout SplitMix64, _ eol: String) -> String {
        ["", " ", "  ", "\t", eol, eol + "    ", eol + "\t"].randomElement(using: &random) ?? ""
    }

    static func value(_ random: inout SplitMix64, depth: Int, eol: String) -> String {
        let choice = Int.random(in: 0..<(depth > 2 ? 4 : 6), using: &random)
        switch choice {
        case 0: return "\"1.0.0\""
        case 1: return "\"a \\\"quoted\\\" \\u00e9 text\""
        case 2: return ["true", "null", "-1.5e3", "0"].randomElement(using: &random) ?? "0"
        case 3: return "\"version\""
        case 4:
            let items = (0..<Int.random(in: 0...3, using: &random)).map { _ in space(&random, eol) + value(&random, depth: depth + 1, eol: eol) }
            return "[" + items.joined(separator: ",") + space(&random, eol) + "]"
        default:
            return object(&random, depth: depth + 1, eol: eol, topVersion: nil)
        }
    }

    static func object(_ random: inout SplitMix64, depth: Int, eol: String, topVersion: String?) -> String {
        var members: [String] = []
        var keys = Set<String>()
        for index in 0..<Int.random(in: 0...4, using: &random) {
            let key = ["version", "name", "dependencies", "ver\\u0073ion", "v\(index)"].randomElement(using: &random) ?? "k"
            // Nested objects may hold "version"; the top level gets its own below. "ver\u0073ion" is "version" too.
            let decoded = key == "ver\\u0073ion" ? "version" : key
            if depth == 0, decoded == "version" { continue }
            guard keys.insert(decoded).inserted else { continue }
            members.append("\"\(key)\"" + space(&random, eol) + ":" + space(&random, eol) + value(&random, depth: depth, eol: eol))
        }
        if let topVersion {
            members.insert("\"version\"" + space(&random, eol) + ":" + space(&random, eol) + "\"\(topVersion)\"",
                           at: Int.random(in: 0...members.count, using: &random))
        }
        return "{" + members.map { space(&random, eol) + $0 }.joined(separator: ",") + space(&random, eol) + "}"
    }

    /// The JSON value with the top-level version set to `version`.
    static func withVersion(_ value: JSONValue, _ version: String) -> JSONValue {
        guard case .object(let members) = value else { return value }
        return .object(members.map { $0.key == "version" ? ($0.key, .string(version)) : $0 })
    }

    @Test func onlyTheTopLevelVersionChanges() throws {
        var random = SplitMix64(seed: 20_260_115)
        for round in 0..<300 {
            let eol = Bool.random(using: &random) ? "\r\n" : "\n"
            let text = Self.object(&random, depth: 0, eol: eol, topVersion: "1.0.0") + (Bool.random(using: &random) ? eol : "")
            let before = try JSONParser.parse(Array(text.utf8))
            let after = try ManifestSample.edited(text, .packageJSON, to: "10.20.30-rc.1")
            let parsed = try JSONParser.parse(Array(after.utf8))
            #expect(parsed["version"] == .string("10.20.30-rc.1"), "round \(round): \(text)")
            #expect(parsed == Self.withVersion(before, "10.20.30-rc.1"), "round \(round): something else changed in \(text)")
            #expect(ManifestSample.changedLines(text, after).count == 1, "round \(round)")
            #expect(after.utf8.count == text.utf8.count + "10.20.30-rc.1".utf8.count - "1.0.0".utf8.count)
        }
    }
}
