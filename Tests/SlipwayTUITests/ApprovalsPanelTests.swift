@testable import SlipwayKit
import Testing
@testable import SlipwayTUI

/// The Approvals panel as whole screens at 80×24 and 120×40.
@Suite struct ApprovalsPanelTests {
    @Test(arguments: [(80, 24), (120, 40)])
    func notStarted(width: Int, height: Int) {
        let state = ReleaseFixture.state(ReleaseFixture.notStarted(), panel: .approvals, width: width, height: height)
        let screen = ConsoleView.render(state).text
        Snapshot.assert(ConsoleView.render(state), named: "approvals-not-started-\(width)x\(height)")
        #expect(screen.contains("No release PR yet."))
        #expect(screen.contains("Required    1 approval(s)"))
    }

    @Test(arguments: [(80, 24), (120, 40)])
    func staleAndOwnApprovalsDoNotCount(width: Int, height: Int) {
        let state = ReleaseFixture.state(ReleaseFixture.waitingForApprovals(), panel: .approvals, width: width, height: height)
        let screen = ConsoleView.render(state).text
        Snapshot.assert(ConsoleView.render(state), named: "approvals-blocked-\(width)x\(height)")
        #expect(screen.contains("Release PR  release/v2.0.0 → main  (local forge: the pushed branch)"))
        #expect(screen.contains("head 5c8346857018"))
        #expect(screen.contains("Approvals   0 of 1  1 more needed to merge"))
        #expect(screen.contains("○ Ada Release <ada@acme.example>"))
        #expect(screen.contains("the author's own: does not count"))
        #expect(screen.contains("stale: given before the last push"))
        #expect(screen.contains("2026-11-26 08:30 UTC"))
        #expect(screen.contains("You are Lin Lead <lead@acme.example>"))
        #expect(screen.contains("a approves as you"))
        #expect(screen.contains(" a/Enter approve "), "the footer names the key")
    }

    @Test(arguments: [(80, 24), (120, 40)])
    func mergedOnGitHubWithChecks(width: Int, height: Int) {
        let state = ReleaseFixture.state(ReleaseFixture.finished(), panel: .approvals, forge: "github", width: width, height: height)
        let screen = ConsoleView.render(state).text
        Snapshot.assert(ConsoleView.render(state), named: "approvals-done-\(width)x\(height)")
        #expect(screen.contains("Release PR  #42 release/v2.0.0 → main"))
        #expect(screen.contains("https://github.com/acme/acme-web/pull/42"))
        #expect(screen.contains("merged"))
        #expect(screen.contains("Approvals   1 of 1  enough to merge"))
        #expect(screen.contains("✓ lin-lead"))
        #expect(screen.contains("· grace"))
        #expect(screen.contains("✓ build"))
        #expect(screen.contains("success"))
    }

    @Test func theAuthorIsToldTheirApprovalWouldNotCount() {
        var state = ReleaseFixture.state(ReleaseFixture.waitingForApprovals(), panel: .approvals, identity: ReleaseFixture.ada,
                                         width: 120, height: 40)
        #expect(ConsoleView.render(state).text.contains("You wrote the release commit, so your approval would not count"))
        let effects = ConsoleReducer.reduce(&state, .key(.character("a")))
        #expect(effects.isEmpty)
        #expect(state.status?.text == "you (ada@acme.example) wrote the release commit: your approval would not count")
    }
}
