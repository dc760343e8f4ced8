import Foundation
import Testing
@testable import SlipwayKit

/// TOMLScanner against cases modelled on toml-test's `valid/` and `invalid/` trees (written in by hand): what it
/// reads must be read right, what TOML forbids must be refused.
@Suite struct TOMLScannerTests {
    func scan(_ text: String) throws -> [TOMLScanner.Entry] {
        try TOMLScanner.scan(Array(text.utf8), file: "t.toml").entries
    }

    func string(_ text: String, _ key: String) throws -> String? {
        guard let entry = try scan(text).first(where: { $0.key == [key] }), case .string(let value, _) = entry.value else { return nil }
        return value
    }

    @Test func escapesAreDecoded() throws {
        #expect(try string(#"a = "tab\there\nnew \"q\" back\\slash \u00e9 \U0001F600""#, "a") == "tab\there\nnew \"q\" back\\slash é 😀")
        #expect(try string(#"a = 'literal \n stays'"#, "a") == #"literal \n stays"#)
    }

    @Test func theSpanStaysOnTheRawBytes() throws {
        let text = #"version = "1.2.3" # the version"#
        guard let entry = try scan(text).first, case .string(let value, let span) = entry.value else { Issue.record("no entry"); return }
        #expect(value == "1.2.3" && String(decoding: Array(text.utf8)[span], as: UTF8.self) == "1.2.3")
    }

    @Test func linesAreCountedThroughMultiLineStringsAndLineEndingBackslashes() throws {
        let text = "a = \"\"\"\nfirst \\\nsecond\n\"\"\"\nb = 1\nc = [\n  1,\n  2,\n]\nd = 2\n"
        let entries = try scan(text)
        #expect(entries.first { $0.key == ["b"] }?.line == 5)
        #expect(entries.first { $0.key == ["d"] }?.line == 10)
    }

    @Test func arraysAndInlineTables() throws {
        let entries = try scan("members = [\"crates/*\", 'tools/x', # a comment\n  \"y\"]\nv = { workspace = true, path = \"x\" }\nn = [[1, 2], [3]]\n")
        #expect(entries.first { $0.key == ["members"] }?.value == .array(["crates/*", "tools/x", "y"]))
        #expect(entries.first { $0.key == ["v"] }?.value == .inlineTable(["workspace": "true", "path": "x"]))
    }

    @Test(arguments: [
        ("array/mismatched-brackets", "a = [1, 2}"), ("inline-table/mismatched", "a = {b = 1]"), ("array/unclosed", "a = [1, 2\nb = 3"),
        ("string/bad-escape", #"a = "\q""#), ("string/bad-unicode", #"a = "\u00g0""#), ("string/unclosed", "a = \"open\nb = 1"),
        ("string/multiline-unclosed", "a = \"\"\"open\n"), ("key/bare-value", "a = hello"), ("array/too-deep", "a = " + String(repeating: "[", count: 70) + String(repeating: "]", count: 70)),
    ])
    func invalidTOMLIsRefused(name: String, text: String) {
        #expect(throws: ManifestError.self, "\(name)") { try scan(text) }
    }
}
