import Foundation
import Testing
@testable import SlipwayKit

/// What the team shares through the remote, tried with two and three clones of one bare remote, each its own
/// person: holds, the audit trail, releases in flight, races, offline reads, the move of old local files.
@Suite struct TeamStateTests {
    @Test func aRollbackInOneCloneHoldsTheVersionInEveryClone() throws {
        let team = try TeamFixture(clones: 3)
        // Ada promotes staging to 1.2.0; Olu, on call, rolls it back from another machine.
        var result = try team.slipway(0, ["env", "promote", "staging"])
        #expect(result.code == 0, "\(result.stderr)")
        result = try team.slipway(2, ["env", "rollback", "staging", "--confirm", "staging"])
        #expect(result.code == 0, "\(result.stderr)")
        #expect(result.stdout.contains("1.2.0 is held"))
        // Ada's clone knows: staging is held, and 1.2.0 cannot be promoted again.
        result = try team.slipway(0, ["env", "status"])
        #expect(result.stdout.contains("held: 1.2.0"), "\(result.stdout)")
        result = try team.slipway(0, ["env", "promote", "staging", "--version", "1.2.0"])
        #expect(result.code == 1)
        #expect(result.stderr.contains("1.2.0 is held since it was rolled back in staging"))
        // Lin's clone has the whole trail, from both machines, in order.
        result = try team.slipway(1, ["audit", "--env", "staging", "--json"])
        guard case .array(let entries)? = try JSONParser.parse(Data(result.stdout.utf8))["entries"] else {
            Issue.record("no entries: \(result.stdout)")
            return
        }
        #expect(entries.map { $0["action"] } == [.string("env.promote"), .string("env.rollback")])
        #expect(entries.map { $0["identity"] } == [.string("Ada Release <ada@example.com>"), .string("Olu Oncall <olu@example.com>")])
        // The rollback time readiness judges is the team's: measured on Olu's machine, seen from Lin's.
        let readiness = try team.pipeline(1).readiness("staging")
        #expect(readiness.items.first { $0.id == "time" }?.reason.hasPrefix("rollback took") == true, "\(readiness.items)")
        // Lin clears the hold; Ada can promote again.
        #expect(try team.slipway(1, ["env", "hold", "staging", "--clear"]).code == 0)
        #expect(try team.slipway(0, ["env", "promote", "staging", "--version", "1.2.0", "--dry-run"]).code == 0)
    }

    @Test func aClearRacingANewHoldIsRefusedNotOverwritten() throws {
        let team = try TeamFixture()
        let ada = try team.pipeline(0)
        let lin = try team.pipeline(1)
        _ = try ada.hold("staging", version: "1.1.0", reason: "bad migration")
        _ = try lin.holds.all()          // Lin looked before Ada's second hold...
        SharedState(repository: lin.repository, remote: "origin").sync()
        _ = try ada.hold("staging", version: "1.0.0", reason: "also bad")
        // ...and clears from the view he had: the push loses the race, the fresh state differs, nothing is cleared.
        #expect { try lin.holds.clear(environment: "staging") } throws: { error in
            (error as? EnvironmentError)?.description.contains("staging's holds changed while clearing them") == true
        }
        #expect(try team.pipeline(0).holds.all().map(\.version).sorted() == ["1.0.0", "1.1.0"])
        // Looked at again, the clear goes through.
        #expect(try team.pipeline(1).clearHolds("staging").map(\.version).sorted() == ["1.0.0", "1.1.0"])
        #expect(try team.pipeline(0).holds.all().isEmpty)
    }

    @Test func holdsMadeAtOnceFromTwoClonesAreBothKept() throws {
        let team = try TeamFixture()
        let binary = SlipwayBinary.path
        let processes = try (0..<2).map { index -> Process in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: binary)
            process.arguments = ["env", "hold", "production", "--version", index == 0 ? "1.1.0" : "1.2.0", "--repo", team.clones[index].root]
            process.environment = ProcessInfo.processInfo.environment.merging(TestRepository.environment) { $1 }
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            return process
        }
        for process in processes { process.waitUntilExit() }
        #expect(processes.map(\.terminationStatus) == [0, 0])
        #expect(try team.pipeline(0).holds.all().map(\.version).sorted() == ["1.1.0", "1.2.0"])
        #expect(try team.pipeline(1).audit.entries().entries.filter { $0.action == "env.hold" }.count == 2)
    }

    @Test func offlineReadsUseTheLastFetchAndChangesAreRefused() throws {
        let team = try TeamFixture()
        #expect(try team.slipway(0, ["env", "hold", "staging", "--version", "1.1.0"]).code == 0)
        #expect(try team.slipway(1, ["env", "status"]).stdout.contains("held: 1.1.0"))
        try FileManager.default.moveItem(atPath: team.remote.root, toPath: team.remote.root + "-away")
        defer { try? FileManager.default.moveItem(atPath: team.remote.root + "-away", toPath: team.remote.root) }
        var result = try team.slipway(1, ["env", "status"])
        #expect(result.stdout.contains("held: 1.1.0"), "the last fetched holds are still shown")
        #expect(result.stderr.contains("warning: the team's shared records are as fetched"), "\(result.stderr)")
        #expect(result.stderr.contains("origin could not be reached"))
        result = try team.slipway(1, ["env", "hold", "staging", "--clear"])
        #expect(result.code == 1)
        #expect(result.stderr.contains("refs/slipway/holds on origin could not be updated"), "\(result.stderr)")
        #expect(result.stderr.contains("nothing was changed"))
    }

    @Test func aPrepareFromASecondCloneIsRefusedNamingWhoIsReleasing() throws {
        let team = try TeamFixture()
        try team.clones[0].commitFile("src/search.txt", "search\n", message: "feat: search")
        try team.clones[0].git(["push", "-q", "origin", "main"])
        try team.clones[1].git(["pull", "-q", "--ff-only"])
        // Ada began the release of 1.3.0 (claimed, not yet pushed): Lin's prepare is refused, naming her.
        try ReleaseClaims(repository: try team.clones[0].repository()).take("release", version: "1.3.0", branch: "release/v1.3.0",
                                                                             by: "Ada Release <ada@example.com>", step: "manifest")
        var result = try team.slipway(1, ["release", "prepare"])
        #expect(result.code == 1)
        #expect(result.stderr.contains("the release of 1.3.0 is being made by Ada Release <ada@example.com> from another clone since "), "\(result.stderr)")
        #expect(result.stderr.contains("(step manifest since"))
        #expect(result.stderr.contains("slipway release prepare --take-over"))
        // Taken over, it goes on; the audit trail says whose it was.
        result = try team.slipway(1, ["release", "prepare", "--take-over"])
        #expect(result.code == 0, "\(result.stderr)")
        let entry = try team.pipeline(0).audit.entries().entries.last
        #expect(entry?.action == "release.manifest" && entry?.detail?.contains("taken over from Ada Release <ada@example.com>") == true)
        // Ada's clone sees the same release, started by Lin.
        result = try team.slipway(0, ["release", "status"])
        #expect(result.stdout.contains("1. Determine the version: done — 1.3.0 (started by Lin Lead <lin@example.com>)"), "\(result.stdout)")
    }

    @Test func oldLocalFilesMoveIntoTheSharedRecordsOnce() throws {
        let team = try TeamFixture()
        let folder = team.clones[0].root + "/.git/slipway"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try Data(#"{"holds": [{"environment": "staging", "version": "1.1.0", "since": "2026-11-01T10:00:00Z", "by": "Ada Release <ada@example.com>", "reason": "rolled back to 1.0.0"}]}"#.utf8)
            .write(to: URL(fileURLWithPath: folder + "/holds.json"))
        try Data((#"{"action":"env.rollback","commands":[],"durationSeconds":42,"identity":"Ada Release <ada@example.com>","outcome":"ok","target":"staging","time":"2026-11-01T10:00:00Z","version":"1.0.0"}"# + "\n").utf8)
            .write(to: URL(fileURLWithPath: folder + "/audit.jsonl"))
        var result = try team.slipway(0, ["env", "status"])
        #expect(result.stderr.contains("slipway: moved into the shared records: \(folder)/holds.json: 1 hold(s) moved to refs/slipway/holds on origin"), "\(result.stderr)")
        #expect(result.stderr.contains("audit.jsonl: 1 audit entry moved to refs/notes/slipway/audit"))
        #expect(FileManager.default.fileExists(atPath: folder + "/holds.json.migrated") && !FileManager.default.fileExists(atPath: folder + "/holds.json"))
        result = try team.slipway(0, ["env", "status"])
        #expect(!result.stderr.contains("moved into the shared records"), "it moves once")
        // Lin's clone sees them.
        #expect(try team.slipway(1, ["env", "status"]).stdout.contains("held: 1.1.0"))
        #expect(try team.slipway(1, ["audit"]).stdout.contains("2026-11-01T10:00:00Z  ok           env.rollback 1.0.0 → staging  by Ada Release"))
    }

    @Test func aDamagedSharedRecordIsNamedAndARejectingRemoteChangesNothing() throws {
        let team = try TeamFixture()
        let clone = team.clones[0]
        let blob = try clone.git(["hash-object", "-w", "--stdin"], input: "this is not json")
        let tree = try clone.git(["mktree"], input: "100644 blob \(blob)\tholds.json\n")
        let commit = try clone.git(["commit-tree", tree, "-m", "oops"])
        try clone.git(["push", "-q", "origin", "\(commit):refs/slipway/holds"])
        var result = try team.slipway(1, ["env", "promote", "staging"])
        #expect(result.code != 0)
        #expect(result.stderr.contains("refs/slipway/holds on origin cannot be read as holds"), "\(result.stderr)")
        // A remote whose hook refuses the shared refs: the change is refused with the remote's reason.
        try team.remote.git(["update-ref", "-d", "refs/slipway/holds"])
        let hook = team.remote.root + "/hooks/pre-receive"
        try Data("#!/bin/sh\necho 'refs/slipway/* are protected here' >&2\nexit 1\n".utf8).write(to: URL(fileURLWithPath: hook))
        chmod(hook, 0o755)
        result = try team.slipway(1, ["env", "hold", "staging", "--version", "1.1.0"])
        #expect(result.code == 1)
        #expect(result.stderr == "slipway: refs/slipway/holds on origin could not be updated: refs/slipway/* are protected here (pre-receive hook declined); nothing was changed\n")
        #expect(try team.pipeline(0).holds.all().isEmpty)
    }

    /// Two people press prepare at the same moment: one release commit lands, and the other is told who has it —
    /// never a raw git error, never a second branch.
    @Test func twoPreparesAtOnceMakeOneRelease() throws {
        let team = try TeamFixture()
        try team.clones[0].commitFile("src/search.txt", "search\n", message: "feat: search")
        try team.clones[0].git(["push", "-q", "origin", "main"])
        try team.clones[1].git(["pull", "-q", "--ff-only"])
        let processes = try (0..<2).map { index -> (Process, Pipe) in
            let process = Process()
            let errors = Pipe()
            process.executableURL = URL(fileURLWithPath: SlipwayBinary.path)
            process.arguments = ["release", "prepare", "--repo", team.clones[index].root]
            let person = TeamFixture.people[index]
            process.environment = ProcessInfo.processInfo.environment.merging(TestRepository.environment) { $1 }
                .merging(["GIT_AUTHOR_NAME": person.0, "GIT_AUTHOR_EMAIL": person.1, "GIT_COMMITTER_NAME": person.0, "GIT_COMMITTER_EMAIL": person.1]) { $1 }
            process.standardOutput = FileHandle.nullDevice
            process.standardError = errors
            try process.run()
            return (process, errors)
        }
        var outcomes: [(Int32, String)] = []
        for (process, errors) in processes {
            let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            outcomes.append((process.terminationStatus, text))
        }
        #expect(outcomes.contains { $0.0 == 0 }, "\(outcomes)")
        for (code, text) in outcomes where code != 0 {
            #expect(code == 1 && text.contains("is being made by"), "the loser is told who has it: \(text)")
        }
        let commits = try team.remote.git(["rev-list", "main..release/v1.3.0"]).split(separator: "\n")
        #expect(commits.count == 1, "one release commit on the branch")
    }
}
