import Foundation
import Testing
@testable import SlipwayKit

@Suite struct UnifiedDiffTests {
    static func diff(_ before: String, _ after: String) -> String {
        UnifiedDiff.render(path: "f.txt", before: Array(before.utf8), after: Array(after.utf8))
    }

    @Test func oneChangedLineWithThreeLinesOfContext() {
        let before = "a\nb\nc\nd\ne\nf\ng\nh\n"
        let after = "a\nb\nc\nd\nE\nf\ng\nh\n"
        #expect(Self.diff(before, after) == """
        --- a/f.txt
        +++ b/f.txt
        @@ -2,7 +2,7 @@
         b
         c
         d
        -e
        +E
         f
         g
         h

        """)
    }

    @Test func distantChangesMakeTwoHunksAndNearOnesMerge() {
        let lines = (1...14).map { "line \($0)" }
        let before = lines.joined(separator: "\n") + "\n"
        var changed = lines
        changed[0] = "first"
        changed[13] = "last"
        let twoHunks = Self.diff(before, changed.joined(separator: "\n") + "\n")
        #expect(twoHunks.components(separatedBy: "\n@@").count == 3)
        #expect(twoHunks.contains("@@ -1,4 +1,4 @@\n-line 1\n+first\n"))
        #expect(twoHunks.contains("@@ -11,4 +11,4 @@\n line 11\n"))
        var near = lines
        near[3] = "four"
        near[8] = "nine"
        #expect(Self.diff(before, near.joined(separator: "\n") + "\n").components(separatedBy: "\n@@").count == 2)
    }

    @Test func aMissingFinalNewlineIsMarked() {
        #expect(Self.diff("a\nb", "a\nc") == "--- a/f.txt\n+++ b/f.txt\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n")
    }

    @Test func aNewFileAndNoChange() {
        #expect(Self.diff("", "x\n") == "--- a/f.txt\n+++ b/f.txt\n@@ -0,0 +1 @@\n+x\n")
        #expect(Self.diff("same\n", "same\n") == "")
    }

    /// git itself must accept every diff and turn the old file into the new one.
    @Test(arguments: [
        ("a\r\nb\r\nc\r\n", "a\r\nB\r\nc\r\n"),
        ("one\ntwo\nthree", "one\ntwo\nthree\nfour\n"),
        ("x\n" + String(repeating: "keep\n", count: 20) + "y\n", "X\n" + String(repeating: "keep\n", count: 20) + "Y\n"),
        ("## [Unreleased]\n\n- a\n- b\n\n## [1.0.0]\n", "## [Unreleased]\n\n## [1.1.0] - 2026-01-01\n\n- a\n- b\n\n## [1.0.0]\n"),
    ])
    func gitApplyAcceptsTheDiff(before: String, after: String) throws {
        let repository = try TestRepository()
        try repository.write("f.txt", before)
        let patch = Self.diff(before, after)
        try repository.write("change.patch", patch)
        try repository.git(["apply", "--whitespace=nowarn", "change.patch"])
        let result = try #require(FileManager.default.contents(atPath: repository.root + "/f.txt"))
        #expect(Array(result) == Array(after.utf8))
    }
}
