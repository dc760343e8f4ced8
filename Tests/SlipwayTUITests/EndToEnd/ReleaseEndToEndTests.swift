import Foundation
import Testing

/// A release through the console on the demo workspace, in tmux: prepare from the Release panel, see the
/// approvals short, approve headlessly as the reviewer, then merge from the Release panel.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed"))
struct ReleaseEndToEndTests {
    let slipway = TmuxSession.slipway

    static func identity(_ name: String, _ email: String) -> [String: String] {
        ["GIT_AUTHOR_NAME": name, "GIT_AUTHOR_EMAIL": email, "GIT_COMMITTER_NAME": name, "GIT_COMMITTER_EMAIL": email]
    }

    static let ada = identity("Ada Release", "ada@acme.example")
    static let lin = identity("Lin Lead", "lead@acme.example")

    func environment(_ identity: [String: String]) -> [String: String] {
        TmuxSession.paneEnvironment.merging(["PATH": "/usr/local/bin:/usr/bin:/bin"]) { $1 }.merging(identity) { $1 }
    }

    func remoteGit(_ demo: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        try Spawn.run(["git", "--git-dir", demo + "/origin.git"] + arguments, environment: environment([:]))
    }

    @Test func prepareApproveAndMergeOnTheDemo() throws {
        let console = ConsoleEndToEndTests()
        let session = try TmuxSession(width: 80, height: 24, extraEnvironment: Self.ada)
        let demo = session.folder + "/demo"
        let made = try Spawn.run([slipway, "demo", "--no-console", "--dir", demo], environment: environment(Self.ada))
        #expect(made.status == 0, "slipway demo failed: \(made.output)")
        let repository = demo + "/acme-web"

        // Ada prepares the release from the Release panel, after reading the commands in the confirm dialog.
        try console.prepareShell(session)
        try session.run("\(slipway) --repo \(repository); echo EXIT=$?")
        try session.waitFor("1 Changes 2 Version")
        try session.press("3")
        var screen = try session.waitForAll(["Release  2.0.0  tag v2.0.0  not started", "Enter runs step 2: slipway release prepare",
                                             "Preconditions all met"], seconds: 30)
        #expect(screen.contains("→ 2 Update the manifests"))
        #expect(screen.contains("Enter run next step"))
        try session.press("Enter")
        screen = try session.waitForAll(["Confirm: prepare", "$ git push --set-upstream origin release/v2.0.0",
                                         "y runs these commands, n cancels"], seconds: 30)
        #expect(screen.contains("$ git commit -m 'chore(release): 2.0.0'"))
        #expect(try remoteGit(demo, ["rev-parse", "--verify", "--quiet", "refs/heads/release/v2.0.0"]).status != 0,
                "nothing is pushed before the confirmation")
        try session.press("y")
        screen = try session.waitForAll(["prepare: release/v2.0.0 with chore(release): 2.0.0 pushed to origin",
                                         "✓ 4 Open the release PR", "· 5 Obtain approvals         0 of 1 approval(s)"], seconds: 60)
        #expect(screen.contains("Release  2.0.0  tag v2.0.0  in progress"))
        let pushed = try remoteGit(demo, ["log", "-1", "--format=%s", "refs/heads/release/v2.0.0"])
        #expect(pushed.status == 0 && pushed.output == "chore(release): 2.0.0\n", "the remote lacks release/v2.0.0: \(pushed.output)")

        // The Approvals panel: none yet, and Ada's own would not count.
        try session.press("4")
        screen = try session.waitForAll(["Approvals   0 of 1  1 more needed to merge", "No review yet.",
                                         "You wrote the release commit, so your approval would not count"], seconds: 30)
        #expect(screen.contains("Release PR  release/v2.0.0 → main"))
        try session.press("q")
        try console.expectRestored(session, exitCode: 0)

        // Lin approves from the command line.
        let approved = try Spawn.run([slipway, "release", "approve", "--repo", repository], environment: environment(Self.lin))
        #expect(approved.status == 0, "approve failed: \(approved.output)")
        #expect(approved.output.contains("approved by Lin Lead <lead@acme.example>: 1 of 1 approval(s)"))

        // Back in the console, larger this time: 1 of 1, and Enter merges.
        try session.resize(width: 120, height: 40)
        try console.prepareShell(session)
        try session.run("\(slipway) --repo \(repository); echo EXIT=$?")
        try session.waitFor("1 Changes 2 Version")
        try session.press("4")
        screen = try session.waitForAll(["Approvals   1 of 1  enough to merge", "✓ Lin Lead <lead@acme.example>"], seconds: 30)
        #expect(screen.contains("approved"))
        try session.press("3")
        try session.waitForAll(["✓ 5 Obtain approvals         1 of 1 approval(s)", "Enter runs step 6: slipway release merge"], seconds: 30)
        try session.press("Enter")
        try session.waitForAll(["Confirm: merge", "y runs these commands, n cancels"], seconds: 30)
        try session.press("y")
        screen = try session.waitForAll(["merge: release/v2.0.0 merged into main on origin", "✓ 6 Merge the release PR",
                                         "Enter runs step 7: slipway release tag"], seconds: 60)
        let merged = try remoteGit(demo, ["merge-base", "--is-ancestor", "refs/heads/release/v2.0.0", "refs/heads/main"])
        #expect(merged.status == 0, "main on the remote does not carry the release commit")
        try session.press("q")
        try console.expectRestored(session, exitCode: 0)
    }
}
