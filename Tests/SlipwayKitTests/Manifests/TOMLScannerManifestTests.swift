import Testing
@testable import SlipwayKit

@Suite struct TOMLScannerManifestTests {
    @Test func followsTablesDottedKeysArraysAndInlineTables() throws {
        let text = """
        title = "x" # a comment
        "quoted key" = 1
        [tool . poetry]
        packages = [
          { include = "acme" }, # first
          "two", 'three',
        ]
        when = 1979-05-27 07:32:00
        [[bin]]
        name = "a"
        [[bin]]
        name = "b"
        [workspace.package]
        version.workspace = true
        deps = { serde = { version = "1" }, workspace = true }

        """
        let (entries, tables) = try TOMLScanner.scan(Array(text.utf8), file: "t.toml")
        #expect(tables == ["tool.poetry", "workspace.package"])
        #expect(entries.map(\.table) == ["", "", "tool.poetry", "tool.poetry", "bin", "bin", "workspace.package", "workspace.package"])
        #expect(entries[1].key == ["quoted key"])
        #expect(entries[2].value == .array(["two", "three"]))
        #expect(entries[3].value == .other("1979-05-27 07:32:00"))
        #expect(entries[6].key == ["version", "workspace"])
        #expect(entries[6].value == .other("true"))
        guard case .inlineTable(let pairs) = entries[7].value else {
            Issue.record("expected an inline table")
            return
        }
        #expect(pairs["workspace"] == "true")
        #expect(entries.map(\.line) == [1, 2, 4, 8, 10, 12, 14, 15])
    }

    @Test func aStringSpanExcludesItsQuotes() throws {
        let text = "v = \"1.2.3\"\n"
        let (entries, _) = try TOMLScanner.scan(Array(text.utf8), file: "t.toml")
        guard case .string(let value, let span) = entries.first?.value else {
            Issue.record("expected a string")
            return
        }
        #expect(value == "1.2.3")
        #expect(Array(text.utf8)[span] == Array("1.2.3".utf8)[...])
    }

    @Test func aTableDefinedTwiceAndTextAfterAValueAreRefused() {
        #expect(throws: ManifestError(file: "t.toml", line: 3, problem: "the table [package] appears twice (lines 1 and 3); merge them")) {
            try TOMLScanner.scan(Array("[package]\na = 1\n[package]\n".utf8), file: "t.toml")
        }
        #expect(throws: ManifestError(file: "t.toml", line: 1, problem: "unexpected text after the value of a; this is not valid TOML")) {
            try TOMLScanner.scan(Array("a = \"x\" y\n".utf8), file: "t.toml")
        }
        #expect(throws: ManifestError(file: "t.toml", line: 1, problem: "a value is missing after '='")) {
            try TOMLScanner.scan(Array("a =\n".utf8), file: "t.toml")
        }
    }
}
