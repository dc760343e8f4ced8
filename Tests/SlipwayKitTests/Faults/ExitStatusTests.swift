import Foundation
import Testing
@testable import SlipwayKit

/// The README's exit-code table, row by row, through the binary: 0 done, 1 refused/failed/busy, 2 bad usage or
/// input — each failure one line on stderr.
@Suite struct ExitStatusTests {
    @Test func everyRowOfTheTable() throws {
        let env = try EnvSandbox()
        defer { env.remove() }
        let repo = env.box.root
        let empty = try TestRepository.makeTemporaryFolder("not-a-repo")
        defer { try? FileManager.default.removeItem(atPath: empty) }
        func run(_ arguments: [String], environment: [String: String] = [:]) throws -> SlipwayBinary.Result {
            try SlipwayBinary.run(arguments + ["--repo", repo], environment: environment)
        }
        let rows: [(Int32, [String], [String: String], String)] = [
            (0, ["next-version"], [:], ""),
            (0, ["env", "status"], [:], ""),
            (1, ["env", "promote", "production"], [:], "needs --confirm production"),
            (1, ["env", "rollback", "staging", "--to", "1.1.0", "--confirm", "staging"], [:], "already runs 1.1.0"),
            (1, ["next-version"], ["PATH": "/nonexistent"], "git was not found on PATH"),
            (2, ["env", "status", "--frobnicate"], [:], "unknown option '--frobnicate'"),
            (2, ["env", "promote"], [:], "promote"),
            (2, ["env", "promote", "staging", "--version", "1.2"], [:], "'1.2' is not a version X.Y.Z"),
            (2, ["env", "hold", "staging", "--version", "$(x)"], [:], "'$(x)' is not a version X.Y.Z"),
        ]
        for (code, arguments, environment, message) in rows {
            let result = try run(arguments, environment: environment)
            #expect(result.code == code, "\(arguments): \(result.code) \(result.stderr)")
            if code != 0 {
                #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
                #expect(result.stderr.split(separator: "\n").count == 1, "\(arguments): one line, not \(result.stderr)")
            }
        }
        let check = try SlipwayBinary.run(["semver", "check", "1.2"])
        #expect(check.code == 1 && check.stdout.contains("the patch number is missing"), "a failed check: \(check.stdout)")
        let outside = try SlipwayBinary.run(["next-version", "--repo", empty])
        #expect(outside.code == 2 && outside.stderr.contains("not a git repository"), "\(outside.stderr)")
    }

    /// Busy: a lock on staging held by a process that runs (this test) refuses the second command, naming it.
    @Test func aLockHeldByARunningProcessIsBusy() throws {
        let env = try EnvSandbox()
        defer { env.remove() }
        let locks = env.box.root + "/.git/slipway/locks"
        try FileManager.default.createDirectory(atPath: locks, withIntermediateDirectories: true)
        let holder = #"{"pid":\#(getpid()),"host":"\#(ProcessInfo.processInfo.hostName)","command":"slipway env promote staging","since":"2026-12-07T10:00:00Z","processStart":\#(OperationLock.processStart(getpid()) ?? 0)}"#
        try Data(holder.utf8).write(to: URL(fileURLWithPath: locks + "/env-staging.lock"))
        let busy = try env.run(["hold", "staging"])
        #expect(busy.code == 1)
        #expect(busy.stderr.contains("staging is busy: `slipway env promote staging` (pid \(getpid())"), "\(busy.stderr)")
        // The same lock left by a process that is gone is taken over, with a word about it.
        let gone = holder.replacingOccurrences(of: "\"pid\":\(getpid())", with: "\"pid\":999999")
        try Data(gone.utf8).write(to: URL(fileURLWithPath: locks + "/env-staging.lock"))
        let taken = try env.run(["hold", "staging"])
        #expect(taken.code == 0, "\(taken.stderr)")
        #expect(!FileManager.default.fileExists(atPath: locks + "/env-staging.lock"), "the lock is let go")
    }

    /// `slipway --repo DIR COMMAND` is `slipway COMMAND --repo DIR`.
    @Test func repoBeforeTheCommandWorks() throws {
        let env = try EnvSandbox()
        defer { env.remove() }
        let result = try SlipwayBinary.run(["--repo", env.box.root, "next-version", "--short"])
        #expect(result.code == 0 && result.stdout == "1.2.0\n", "\(result.stdout) \(result.stderr)")
    }
}
