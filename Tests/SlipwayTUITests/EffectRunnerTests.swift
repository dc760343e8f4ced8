import Foundation
import SlipwayKit
import Testing
@testable import SlipwayTUI

/// The effects against real git: what the console loads and saves.
@Suite struct EffectRunnerTests {
    @Test func loadsTheWorkspaceFromTheRepository() throws {
        let repository = try FixtureRepository()
        let log = CommandLog()
        let runner = EffectRunner(repositoryPath: repository.root, runner: CommandRunner(log: log, baseEnvironment: repository.runner.baseEnvironment), releaseFiles: nil)
        let actions = runner.perform(.loadWorkspace(overrides: nil))
        guard case .workspaceLoaded(let workspace)? = actions.first else { Issue.record("\(actions)"); return }
        #expect(workspace.branch == "main")
        #expect(workspace.forge == "local")
        #expect(workspace.proposal.baseTag?.name == "v1.4.0")
        #expect(workspace.proposal.next.description == "2.0.0")
        #expect(workspace.proposal.commits.count == 7)
        #expect(log.entries.contains { $0.arguments.contains("log") })
    }

    @Test func savesAClassificationAndTheProposalPicksItUp() throws {
        let repository = try FixtureRepository()
        let runner = EffectRunner(repositoryPath: repository.root, runner: repository.runner, releaseFiles: nil)
        let sha = try repository.sha(of: "update stuff")
        var overrides = ReleaseOverrides(base: "v1.4.0")
        overrides.commits[sha] = CommitOverride(level: .patch, type: "fix", reason: "fixes the build")
        overrides.version = VersionOverride(choice: .exact(SemanticVersion(major: 3, minor: 0, patch: 0)), reason: "marketing")
        let actions = runner.perform(.saveOverrides(overrides, persist: true, message: "saved"))
        guard actions.count == 2, case .overridesSaved(let saved, "saved") = actions[0],
              case .workspaceLoaded(let workspace) = actions[1] else { Issue.record("\(actions)"); return }
        #expect(saved == overrides)
        let classified = try #require(workspace.proposal.commits.first { $0.sha == sha })
        #expect(classified.group == .fixes)
        #expect(classified.override?.reason == "fixes the build")
        #expect(workspace.proposal.next.description == "3.0.0")
        let stored = try repository.runner.run(CommandInvocation(["git", "show", "refs/slipway/overrides:overrides.json"], in: repository.root))
        #expect(stored.text.contains("fixes the build"))
    }

    @Test func dryRunOverridesAreUsedButNotSaved() throws {
        let repository = try FixtureRepository()
        let runner = EffectRunner(repositoryPath: repository.root, runner: repository.runner, releaseFiles: nil)
        var overrides = ReleaseOverrides(base: "v1.4.0")
        overrides.version = VersionOverride(choice: .level(.minor), reason: "try it")
        let actions = runner.perform(.saveOverrides(overrides, persist: false, message: "dry"))
        guard case .workspaceLoaded(let workspace)? = actions.last else { Issue.record("\(actions)"); return }
        #expect(workspace.proposal.next.description == "1.5.0")
        let stored = try repository.runner.runUnchecked(CommandInvocation(["git", "rev-parse", "--verify", "--quiet", "refs/slipway/overrides"], in: repository.root))
        #expect(!stored.status.isSuccess, "a dry-run override is not shared")
    }

    @Test func showsACommitWithItsStat() throws {
        let repository = try FixtureRepository()
        let runner = EffectRunner(repositoryPath: repository.root, runner: repository.runner, releaseFiles: nil)
        let sha = try repository.sha(of: "feat!: drop the v1 API")
        guard case .commitDetailLoaded(sha, let text)? = runner.perform(.loadCommitDetail(sha: sha)).first else {
            Issue.record("no detail"); return
        }
        #expect(text.hasPrefix("commit \(sha)\nAuthor: Ada Release <ada@example.com>\nDate:   2026-01-01T00:00:04"))
        #expect(text.contains("BREAKING CHANGE: /v1 is gone"))
    }

    @Test func failuresComeBackAsActions() throws {
        let folder = NSTemporaryDirectory() + "slipway-not-a-repo-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // The temporary folder may sit inside a checkout (CI points TMPDIR there): stop git's search at it.
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_CEILING_DIRECTORIES"] = URL(fileURLWithPath: folder).deletingLastPathComponent().path
        let runner = EffectRunner(repositoryPath: folder, runner: CommandRunner(baseEnvironment: environment), releaseFiles: nil)
        guard case .workspaceFailed(let message)? = runner.perform(.loadWorkspace(overrides: nil)).first else {
            Issue.record("loaded a folder that is no repository"); return
        }
        #expect(message.contains("is not a git repository"))
        guard case .commitDetailFailed? = runner.perform(.loadCommitDetail(sha: "deadbeef")).first else {
            Issue.record("no failure"); return
        }
        guard case .previewsFailed(let preview)? = runner.perform(.previewReleaseFiles(.zero)).first else {
            Issue.record("no failure"); return
        }
        #expect(preview == "release-file previews are not available yet")
    }

    @Test func aGitThatFailsMidLoadIsReportedWithItsError() throws {
        let repository = try FixtureRepository()
        let bin = repository.root + "/.git/fake-bin"
        try FileManager.default.createDirectory(atPath: bin, withIntermediateDirectories: true)
        let script = "#!/bin/sh\nfor a in \"$@\"; do [ \"$a\" = log ] && { echo 'fatal: bad packed object' >&2; exit 128; }; done\nexec /usr/bin/git \"$@\"\n"
        try Data(script.utf8).write(to: URL(fileURLWithPath: bin + "/git"))
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: bin + "/git")
        var environment = repository.runner.baseEnvironment
        environment["PATH"] = bin + ":/usr/bin:/bin"
        let log = CommandLog()
        let runner = EffectRunner(repositoryPath: repository.root, runner: CommandRunner(log: log, baseEnvironment: environment),
                                  releaseFiles: nil)
        guard case .workspaceFailed(let message)? = runner.perform(.loadWorkspace(overrides: nil)).first else {
            Issue.record("the load did not fail"); return
        }
        #expect(message.contains("fatal: bad packed object"))
        let failed = try #require(log.entries.last)
        #expect(!failed.succeeded && failed.failureTail.contains("bad packed object"))
        var state = ConsoleState(repositoryPath: repository.root)
        _ = ConsoleReducer.start(&state)
        _ = ConsoleReducer.reduce(&state, .workspaceFailed(message))
        #expect(ConsoleView.render(state).text.contains("bad packed object"))
    }

    @Test func startPostsTheResultAndTheCommandLog() async throws {
        let repository = try FixtureRepository()
        let log = CommandLog()
        let runner = EffectRunner(repositoryPath: repository.root,
                                  runner: CommandRunner(log: log, baseEnvironment: repository.runner.baseEnvironment), releaseFiles: nil)
        let inbox = ActionInbox()
        runner.start(.loadWorkspace(overrides: nil)) { inbox.post($0) }
        var received: [ConsoleAction] = []
        let deadline = ContinuousClock.now + .seconds(20)
        // The workspace and the log after it, and (on its own thread, in any order) the newest commits' preview.
        while received.count < 3, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(20))
            received += inbox.drain()
        }
        let main = received.filter { if case .commitsStreaming = $0 { return false } else { return true } }
        guard main.count == 2, case .workspaceLoaded = main[0], case .commandLogUpdated(let records) = main[1] else {
            Issue.record("\(received)"); return
        }
        #expect(!records.isEmpty)
        let previews = received.compactMap { action -> [ClassifiedCommit]? in
            if case .commitsStreaming(let commits, _) = action { return commits } else { return nil }
        }
        #expect(previews.count == 1 && previews[0].map(\.commit.message.subject) == FixtureRepository.unreleased.reversed().map {
            String($0.split(separator: "\n").first ?? "")
        }, "the seven commits since v1.4.0, newest first: \(previews)")
    }
}
