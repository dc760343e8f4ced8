import Foundation
import Testing
@testable import SlipwayKit

@Suite struct CommandRunnerTests {
    let runner = CommandRunner()

    @Test func capturesLargeOutputOnBothPipesWithoutDeadlock() throws {
        // 2 MiB on stdout and 1 MiB on stderr at once: more than any pipe holds.
        let output = try runner.run(CommandInvocation(["sh", "-c", "head -c 2097152 /dev/zero; head -c 1048576 /dev/zero >&2"]))
        #expect(output.stdout.count == 2_097_152)
        #expect(output.stderr.count == 1_048_576)
    }

    @Test func argumentsAreNeverInterpretedByAShell() throws {
        let hostile = "$(touch /tmp/slipway-pwned); `id` && rm -rf / ; 'x' \"y\" *"
        let output = try runner.run(CommandInvocation(["printf", "%s", hostile]))
        #expect(output.text == hostile)
        #expect(!FileManager.default.fileExists(atPath: "/tmp/slipway-pwned"))
    }

    @Test func exitCodeIsToldApartFromASignal() throws {
        let exited = try runner.runUnchecked(CommandInvocation(["sh", "-c", "exit 3"]))
        #expect(exited.status == .exited(3))
        let killed = try runner.runUnchecked(CommandInvocation(["sh", "-c", "kill -9 $$"]))
        #expect(killed.status == .signalled(9))
    }

    @Test func failureNamesTheCommandAndTheTailOfStderr() {
        do {
            try runner.run(CommandInvocation(["sh", "-c", "echo first >&2; echo 'fatal: bad thing' >&2; exit 4"]))
            Issue.record("a failing command passed")
        } catch {
            #expect(error.kind == .failed(.exited(4)))
            #expect(error.description.contains("sh -c"))
            #expect(error.description.contains("exit 4"))
            #expect(error.description.contains("fatal: bad thing"))
        }
    }

    @Test func missingProgramIsReportedAsSuch() {
        do {
            try runner.run(CommandInvocation(["slipway-no-such-tool", "x"]))
            Issue.record("a missing program ran")
        } catch {
            #expect(error.kind == .notFound)
            #expect(error.description.contains("'slipway-no-such-tool' was not found on PATH"))
        }
    }

    @Test func timeoutStopsAHungChildEvenWhenItsChildrenHoldThePipe() {
        let start = Date()
        do {
            // The shell's own child (sleep) keeps stdout open after the shell is killed.
            try runner.run(CommandInvocation(["sh", "-c", "sleep 30 & sleep 30"], timeout: 0.5))
            Issue.record("a hung command returned")
        } catch {
            #expect(error.kind == .timedOut(0.5))
            #expect(error.description.contains("did not finish within 0.5 s"))
        }
        #expect(Date().timeIntervalSince(start) < 10)
    }

    @Test func cancellationStopsTheChild() throws {
        let cancellation = CommandCancellation()
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.3) { cancellation.cancel() }
        do {
            _ = try runner.runUnchecked(CommandInvocation(["sleep", "20"]), cancellation: cancellation)
            Issue.record("a cancelled command returned normally")
        } catch {
            #expect(error.kind == .cancelled)
        }
    }

    @Test func stdinIsEmptyUnlessInputIsGiven() throws {
        #expect(try runner.run(CommandInvocation(["cat"], timeout: 5)).text == "")
        #expect(try runner.run(CommandInvocation(["cat"], input: Data("hello".utf8))).text == "hello")
    }

    @Test func childrenGetTheQuietEnvironment() throws {
        let output = try runner.run(CommandInvocation(["sh", "-c", "echo $GIT_TERMINAL_PROMPT $GIT_PAGER $LC_ALL $GIT_OPTIONAL_LOCKS"],
                                                      environment: ["EXTRA": "1"]))
        #expect(output.trimmedText == "0 cat C 0")
    }

    @Test func everyRunIsLoggedWithSecretsRedacted() throws {
        let log = CommandLog()
        let logged = CommandRunner(log: log)
        try logged.run(CommandInvocation(["echo", "--password", "hunter2", "https://ada:s3cret@example.com/x.git", "GH_TOKEN=abc"]))
        _ = try? logged.run(CommandInvocation(["sh", "-c", "echo boom >&2; exit 1"]))
        let entries = log.entries
        #expect(entries.count == 2)
        #expect(entries[0].commandLine == "echo --password •••• https://ada:••••@example.com/x.git GH_TOKEN=••••")
        #expect(!entries[0].commandLine.contains("hunter2") && !entries[0].commandLine.contains("s3cret"))
        #expect(entries[0].status == .exited(0))
        #expect(entries[1].status == .exited(1) && entries[1].failureTail == "boom")
    }

    @Test func redactsKnownTokenShapes() {
        #expect(SecretRedactor.redact("push https://x-access-token:ghp_abcdefghijklmnopqrstuvwxyz0123@github.com/a/b")
            == "push https://x-access-token:••••@github.com/a/b")
        #expect(SecretRedactor.redact("token glpat-abcdefghijklmnopqrst here") == "token •••• here")
        #expect(SecretRedactor.redact("Authorization: Bearer abc.def") == "Authorization: Bearer ••••")
    }
}

/// The log keeps the last kilobyte of each run's standard output, redacted, for the console's view of one run.
@Suite struct OutputTailTests {
    @Test func theLastKilobyteIsKeptWhateverTheChunks() {
        var tail = OutputTail()
        let big = [UInt8](repeating: UInt8(ascii: "a"), count: 5000) + Array("\0end".utf8)
        big.withUnsafeBytes { tail.keep($0) }
        #expect(tail.bytes.count == 1024 && tail.text.hasSuffix("a\nend"), "NULs read as line breaks")
        var small = OutputTail(limit: 8)
        for piece in ["abc", "def", "ghi"] { Array(piece.utf8).withUnsafeBytes { small.keep($0) } }
        #expect(small.text == "bcdefghi")
    }

    @Test func aRealRunRecordsItsOutputTailRedacted() throws {
        let log = CommandLog()
        let runner = CommandRunner(log: log)
        _ = try runner.run(CommandInvocation(["/bin/sh", "-c", "printf 'pushing to https://bob:s3cret@example.com/r.git\\ndone\\n'"]))
        let record = try #require(log.entries.last)
        #expect(record.outputTail.contains("done"))
        #expect(!record.outputTail.contains("s3cret"), "\(record.outputTail)")
    }
}
