import Foundation
import Testing
@testable import SlipwayKit

/// A `CommandRunning` for model tests that need no real tool: it expects argv in order and answers each with
/// canned output (as lazygit's tests drive their command runner). An argv out of order, or one too many, is a
/// test failure naming both; `verify()` fails when an expected call never came.
final class RecordingRunner: CommandRunning, @unchecked Sendable {
    struct Expectation {
        var argv: [String]
        var stdout: String
        var stderr: String
        var status: Int32
    }

    private let lock = NSLock()
    private var expected: [Expectation] = []
    private(set) var received: [[String]] = []

    /// Expects `argv` next (the program first), answering with `stdout`/`stderr` and exit `status`.
    @discardableResult
    func expect(_ argv: [String], stdout: String = "", stderr: String = "", status: Int32 = 0) -> RecordingRunner {
        lock.lock()
        expected.append(Expectation(argv: argv, stdout: stdout, stderr: stderr, status: status))
        lock.unlock()
        return self
    }

    func execute(_ invocation: CommandInvocation, cancellation: CommandCancellation?,
                 onOutput: (UnsafeRawBufferPointer) -> Void) throws(CommandError) -> CommandOutput {
        lock.lock()
        received.append(invocation.arguments)
        let next = expected.isEmpty ? nil : expected.removeFirst()
        lock.unlock()
        guard let next else {
            Issue.record("unexpected command: \(invocation.arguments)")
            return CommandOutput(invocation: invocation, status: .exited(127), stdout: Data(), stderr: Data("unexpected".utf8), duration: 0)
        }
        if next.argv != invocation.arguments {
            Issue.record("expected \(next.argv), got \(invocation.arguments)")
        }
        Data(next.stdout.utf8).withUnsafeBytes { onOutput($0) }
        return CommandOutput(invocation: invocation, status: .exited(next.status), stdout: Data(), stderr: Data(next.stderr.utf8), duration: 0)
    }

    /// Fails for each expected call that never came.
    func verify(sourceLocation: SourceLocation = #_sourceLocation) {
        lock.lock()
        defer { lock.unlock() }
        for left in expected { Issue.record("expected \(left.argv), which never ran", sourceLocation: sourceLocation) }
    }
}

/// The recording runner drives a model without any tool on PATH.
@Suite struct RecordingRunnerTests {
    @Test func theGitHubForgeAsksInOrderAndReadsTheAnswers() throws {
        let runner = RecordingRunner()
            .expect(["gh", "pr", "list", "--head", "release/v1.1.0", "--base", "main", "--state", "all", "--json", "number", "--limit", "1"],
                    stdout: #"[{"number":7}]"#)
            .expect(["gh", "pr", "view", "7", "--json", GitHubForge.viewFields],
                    stdout: #"{"number":7,"state":"MERGED","headRefOid":"abc","author":{"login":"ada"},"reviews":[],"statusCheckRollup":[]}"#)
        let repository = GitRepository(root: "/nonexistent", gitDirectory: "/nonexistent/.git", runner: runner)
        let state = try #require(try GitHubForge(repository: repository).pullRequest(branch: "release/v1.1.0", base: "main"))
        #expect(state.number == 7 && state.state == .merged && state.headSHA == "abc")
        runner.verify()
    }

    @Test func aFailingToolIsReportedWithItsWords() throws {
        let runner = RecordingRunner().expect(["helm", "version", "--short"], stderr: "Error: kubernetes cluster unreachable", status: 1)
        let backend = HelmBackend(settings: FakeHelm.settings, environment: "production", workingDirectory: "/", runner: runner)
        #expect { try backend.majorVersion() } throws: { error in
            String(describing: error).contains("kubernetes cluster unreachable")
        }
        runner.verify()
    }
}
