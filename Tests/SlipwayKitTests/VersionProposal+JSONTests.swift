import Foundation
import Testing
@testable import SlipwayKit

@Suite struct VersionProposalJSONTests {
    /// The commit dates in `--json` are exactly what Foundation's RFC 3339 formatter writes, across leap years,
    /// century rules, the epoch and before it.
    @Test func commitDatesMatchFoundationsInternetDateTime() {
        var seconds: [Int] = [0, -1, -86_400, -86_401, 951_782_400, 951_868_799, 4_107_542_400, 1_767_603_600, 253_402_300_799]
        var generator = SplitMix64(seed: 20261207)
        for _ in 0..<2_000 { seconds.append(Int.random(in: -2_208_988_800...4_102_444_800, using: &generator)) }
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.formatOptions = [.withInternetDateTime]
        for value in seconds {
            let expected = formatter.string(from: Date(timeIntervalSince1970: TimeInterval(value)))
            #expect(ClassifiedCommit.internetDateTime(value) == expected, "\(value)")
        }
    }

    /// `next-version --json` writes each commit as bytes, straight from the commit: the text must be exactly what
    /// rendering the commit's `JSONValue` gives, escapes, non-ASCII text, overrides and revert pairs included.
    @Test func commitsWrittenAsBytesMatchTheirRenderedJSONValue() {
        func commit(_ message: String, sha: String, name: String = "Ada", email: String = "ada@example.com",
                    parents: [String] = ["p"], time: Int = 1_767_603_600) -> GitCommit {
            GitCommit(sha: sha, parents: parents, authorName: name, authorEmail: email, authorTime: time,
                      message: CommitMessage(parsing: message))
        }
        let original = commit("fix(api): the \"quoted\" fix", sha: String(repeating: "a", count: 40))
        let revert = commit("Revert \"fix(api): the quoted fix\"\n\nThis reverts commit \(String(repeating: "a", count: 40)).",
                            sha: String(repeating: "b", count: 40))
        let commits = [
            commit("feat(ui): 日本語 and émoji 🚀 with a\\backslash", sha: String(repeating: "c", count: 40), name: "Zoë \"Z\""),
            commit("fix: control \u{1} and \u{7F} and tab\tinside", sha: String(repeating: "d", count: 40), time: -86_401),
            commit("feat!: drop the v1 API\n\nBREAKING CHANGE: v1 is gone\nand stays gone", sha: String(repeating: "e", count: 40)),
            commit("refactor: tidy\n\nBREAKING-CHANGE: the config moved", sha: String(repeating: "f", count: 40)),
            commit("update the readme", sha: String(repeating: "1", count: 40)),
            commit("Merge branch 'topic'", sha: String(repeating: "2", count: 40), parents: ["p", "q"]),
            commit("chore(deps): bump x\n\n* feat: squashed feature\n* fix: squashed fix", sha: String(repeating: "3", count: 40)),
            commit("docs: words", sha: String(repeating: "4", count: 40), time: 253_402_300_800),
            revert, original,
        ]
        var classifier = CommitClassifier(majorIsZero: true,
                                          overrides: [String(repeating: "1", count: 40): CommitOverride(level: .minor, type: "feat", reason: "it \"adds\" a page")])
        var classified = classifier.classify(commits)
        classifier.majorIsZero = false
        classified += classifier.classify([commits[2], commits[3]])
        #expect(classified.contains { $0.cancelledBy != nil })
        #expect(classified.contains { $0.override != nil })
        for item in classified {
            var writer = JSONByteWriter()
            item.writeJSON(to: &writer, indent: "    ")
            let expected = PrettyJSON.render(item.json, indent: "    ")
            #expect(String(decoding: writer.bytes, as: UTF8.self) == expected, "\(item.subject)")
        }
    }

    /// The writer keeps its bytes in memory of its own, but a copy is still a value: writing to one leaves the
    /// other as it was, and growing far past the first allocation loses nothing.
    @Test func byteWriterCopiesAreIndependentAndGrowthKeepsEverything() {
        var first = JSONByteWriter()
        first.append("[")
        var second = first
        second.appendQuoted("tab\there \"and\" \\ \u{1}")
        first.append("]")
        #expect(String(decoding: first.bytes, as: UTF8.self) == "[]")
        #expect(String(decoding: second.bytes, as: UTF8.self) == "[\"tab\\there \\\"and\\\" \\\\ \\u0001\"")
        var large = JSONByteWriter()
        for index in 0..<20_000 { large.append(String(index)); large.append(",") }
        let expected = (0..<20_000).map { String($0) + "," }.joined()
        #expect(String(decoding: large.bytes, as: UTF8.self) == expected)
        large.removeAll()
        #expect(large.count == 0 && second.count > 0)
    }

    /// The byte writer's escaping (eight bytes at a time while nothing needs escaping) gives exactly what
    /// `JSONValue` writes, on 3,000 seeded strings of every length up to 40 mixing plain text, quotes,
    /// backslashes, control characters, DEL and multi-byte characters at every position.
    @Test func byteWriterEscapesExactlyAsJSONValue() {
        var generator = SplitMix64(seed: 20261126)
        let pieces = ["a", "Z", " ", "\"", "\\", "\n", "\r", "\t", "\u{1}", "\u{1F}", "\u{7F}", "é", "日", "🚀", "~", "/", "0"]
        for _ in 0..<3_000 {
            let length = Int.random(in: 0...40, using: &generator)
            let text = (0..<length).map { _ in pieces.randomElement(using: &generator)! }.joined()
            var writer = JSONByteWriter()
            writer.appendQuoted(text)
            var expected = ""
            JSONValue.appendQuoted(text, to: &expected)
            #expect(String(decoding: writer.bytes, as: UTF8.self) == expected, "\(text.debugDescription)")
        }
        for width in [0, 1, 6, 64, 65, 130] {
            var writer = JSONByteWriter()
            writer.appendSpaces(width)
            #expect(writer.bytes == Array(repeating: 0x20, count: width))
        }
    }
}
