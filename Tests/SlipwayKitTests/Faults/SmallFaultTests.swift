import Foundation
import Testing
@testable import SlipwayKit

/// The smaller faults a hostile, careful user found, each with what a person now sees.
@Suite struct SmallFaultTests {
    @Test func aByteOrderMarkIsKeptWhenTheChangelogIsReleased() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try Data([0xEF, 0xBB, 0xBF] + Array("# Changelog\n\n## [Unreleased]\n\n### Added\n\n- Search.\n".utf8))
            .write(to: URL(fileURLWithPath: box.root + "/CHANGELOG.md"))
        try box.git("add", ".")
        try box.commit("feat: search")
        let result = try SlipwayBinary.run(["changelog", "release", "--version", "1.0.0", "--date", "2026-12-07", "--repo", box.root])
        #expect(result.code == 0, "\(result.stderr)")
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: box.root + "/CHANGELOG.md")))
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(String(decoding: bytes, as: UTF8.self).contains("## [1.0.0] - 2026-12-07"))
    }

    @Test func controlBytesInCommitsReachNeitherTheChangelogNorTheTerminal() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.commit("chore: init")
        try box.git("tag", "v1.0.0")
        try box.commit("feat(ui): paint it \u{1B}[31mred\u{1B}[0m and ring\u{07}")
        let changes = try SlipwayBinary.run(["changes", "--repo", box.root])
        #expect(changes.stdout.contains("paint it [31mred[0m and ring"), "\(changes.stdout)")
        let json = try SlipwayBinary.run(["next-version", "--json", "--repo", box.root])
        for output in [changes.stdout, json.stdout] {
            #expect(!output.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
        }
        let release = try SlipwayBinary.run(["changelog", "release", "--version", "1.1.0", "--date", "2026-12-07", "--repo", box.root])
        #expect(release.code == 0, "\(release.stderr)")
        let text = try String(contentsOfFile: box.root + "/CHANGELOG.md", encoding: .utf8)
        #expect(text.contains("paint it [31mred[0m and ring"))
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
    }

    @Test func messagesSayWhatHappenedAndWhatToDo() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.commit("chore: init")
        try box.git("tag", "v1.0.0")
        // A released HEAD.
        let released = try SlipwayBinary.run(["next-version", "--repo", box.root])
        #expect(released.stdout == "1.0.0 (v1.0.0): nothing since that release; HEAD is the released commit\n", "\(released.stdout)")
        // An empty tag prefix with only v-tags.
        try Data(#"{"tagPrefix": ""}"#.utf8).write(to: URL(fileURLWithPath: box.root + "/.slipway.json"))
        let prefix = try SlipwayBinary.run(["next-version", "--repo", box.root])
        #expect(prefix.stderr.contains("no tag is a bare version X.Y.Z, as tagPrefix \"\" in .slipway.json says"), "\(prefix.stderr)")
        // A folder as the changelog.
        try FileManager.default.createDirectory(atPath: box.root + "/notes", withIntermediateDirectories: true)
        try Data(#"{"changelog": "notes"}"#.utf8).write(to: URL(fileURLWithPath: box.root + "/.slipway.json"))
        let folder = try SlipwayBinary.run(["changelog", "preview", "--repo", box.root])
        #expect(folder.code == 2 && folder.stderr.contains("notes: is a folder, not a file; point \"changelog\""), "\(folder.stderr)")
        try FileManager.default.removeItem(atPath: box.root + "/.slipway.json")
        // A damaged release journal.
        try FileManager.default.createDirectory(atPath: box.root + "/.git/slipway", withIntermediateDirectories: true)
        try Data("{\"version\": ".utf8).write(to: URL(fileURLWithPath: box.root + "/.git/slipway/release.json"))
        let journal = try SlipwayBinary.run(["release", "status", "--repo", box.root])
        #expect(journal.stderr.contains("release.json is damaged (not JSON); move it aside"), "\(journal.stderr)")
        #expect(!journal.stderr.contains("DecodingError") && !journal.stderr.contains("dataCorrupted"))
    }

    @Test func aGitThatFailsIsShownFailingNotAsAMissingRepository() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.commit("chore: init")
        let bin = box.root + "/.git/broken-bin"
        try FileManager.default.createDirectory(atPath: bin, withIntermediateDirectories: true)
        try Data("#!/bin/sh\necho 'fatal: unable to access config: Input/output error' >&2\nexit 128\n".utf8)
            .write(to: URL(fileURLWithPath: bin + "/git"))
        chmod(bin + "/git", 0o755)
        let result = try SlipwayBinary.run(["next-version", "--repo", box.root], environment: ["PATH": bin + ":/usr/bin:/bin"])
        #expect(result.code == 1)
        #expect(result.stderr.contains("Input/output error") && !result.stderr.contains("not a git repository"), "\(result.stderr)")
    }

    /// Killed after the tag was pushed, before the step was recorded: the rerun sees the right tag on the remote
    /// and finishes the step, instead of asking for the tag to be deleted by hand.
    @Test func aTagStepKilledAfterItsPushFinishesOnTheRerun() throws {
        let (remote, clone) = try ReleaseEngineTests.project()
        let engine = try ReleaseEngineTests.engine(clone)
        _ = try engine.prepare()
        _ = try ReleaseEngineTests.engine(clone, as: ReleaseEngineTests.lin).approve()
        _ = try engine.merge()
        let target = try clone.git(["rev-parse", "origin/main"])
        try clone.git(["tag", "-a", "v1.1.0", "-m", "Release version 1.1.0", target])
        try clone.git(["push", "-q", "origin", "refs/tags/v1.1.0"])
        var journal = try #require(try ReleaseJournal.load(try clone.repository()))
        journal.inFlight = .init(step: "tag", commands: [], startedAt: Date())
        try journal.save(try clone.repository())
        let report = try engine.tag()
        #expect(report.message.contains("v1.1.0 is already on origin on the merge"), "\(report.message)")
        #expect(try ReleaseJournal.load(try clone.repository()) == nil, "the release is finished")
        #expect(try remote.git(["tag", "-l", "v1.1.0"]) == "v1.1.0")
        // A tag on another commit is still refused, with the way to fix it.
        try clone.git(["push", "-q", "origin", ":refs/tags/v1.1.0"])
        try clone.git(["tag", "-d", "v1.1.0"])
        try clone.git(["tag", "-a", "v1.1.0", "-m", "wrong", "v1.0.0^{commit}"])
        try clone.git(["push", "-q", "origin", "refs/tags/v1.1.0"])
        try journal.save(try clone.repository())
        #expect { try engine.tag() } throws: { error in
            String(describing: error).contains("already exists on origin on") && String(describing: error).contains("git push origin :refs/tags/v1.1.0")
        }
    }
}
