@testable import SlipwayKit
import Testing
@testable import SlipwayTUI

/// The Release panel as whole screens at 80×24 and 120×40: not started, waiting on a blocked step, finished.
@Suite struct ReleasePanelTests {
    @Test(arguments: [(80, 24), (120, 40)])
    func notStarted(width: Int, height: Int) {
        let state = ReleaseFixture.state(ReleaseFixture.notStarted(), panel: .release, width: width, height: height)
        let screen = ConsoleView.render(state).text
        Snapshot.assert(screen, named: "release-not-started-\(width)x\(height)")
        #expect(screen.contains("Release  2.0.0  tag v2.0.0  not started"))
        #expect(screen.contains("Enter runs step 2: slipway release prepare"))
        #expect(screen.contains("→ 2 Update the manifests"))
        #expect(screen.contains("· 4 Open the release PR"))
        #expect(screen.contains("Preconditions all met"))
        #expect(screen.contains("Enter run next step"), "the footer names the panel's key")
    }

    @Test(arguments: [(80, 24), (120, 40)])
    func blockedOnApprovals(width: Int, height: Int) {
        let state = ReleaseFixture.state(ReleaseFixture.waitingForApprovals(), panel: .release, width: width, height: height)
        let screen = ConsoleView.render(state).text
        Snapshot.assert(screen, named: "release-blocked-\(width)x\(height)")
        #expect(screen.contains("✓ 4 Open the release PR"))
        #expect(screen.contains("· 5 Obtain approvals         0 of 1 approval(s)"))
        #expect(screen.contains("fix: a reviewer other than ada@acme.example"))
        #expect(screen.contains("Waiting on step 5 (Obtain approvals): blocked, see below"))
    }

    @Test(arguments: [(80, 24), (120, 40)])
    func finished(width: Int, height: Int) {
        let state = ReleaseFixture.state(ReleaseFixture.finished(), panel: .release, forge: "github", width: width, height: height)
        let screen = ConsoleView.render(state).text
        Snapshot.assert(screen, named: "release-done-\(width)x\(height)")
        #expect(screen.contains("✓ 8 CI publishes artefacts   2 CI run(s) succeeded"))
        #expect(screen.contains("The release of 2.0.0 is finished."))
        #expect(screen.contains("Release  2.0.0  tag v2.0.0  released"))
        #expect(!screen.contains("fix:"))
    }

    @Test func unmetPreconditionsAreListedWithTheirFix() {
        let dirty = StepState.blocked(reason: "the working tree has 2 uncommitted change(s)", fix: "commit or stash them")
        let behind = StepState.blocked(reason: "main is 1 commit(s) behind origin", fix: "git pull --ff-only")
        let state = ReleaseFixture.state(ReleaseFixture.notStarted(preconditions: [dirty, behind]), panel: .release, width: 120, height: 40)
        let screen = ConsoleView.render(state).text
        #expect(screen.contains("Preconditions not met"))
        #expect(screen.contains("· main is 1 commit(s) behind origin"))
        #expect(screen.contains("fix: git pull --ff-only"))
        #expect(screen.contains("· 2 Update the manifests     the working tree has 2 uncommitted change(s)"))
        #expect(screen.contains("Waiting on step 2 (Update the manifests): blocked"))
    }

    @Test func afterTheTagThereIsNothingToRelease() {
        var status = ReleaseFixture.notStarted()
        status.version = nil
        status.tagName = nil
        status.steps[0].state = .blocked(reason: "no releasable changes since v2.0.0", fix: "merge a feat or fix")
        var state = ReleaseFixture.state(status, panel: .release, width: 120, height: 40)
        let screen = ConsoleView.render(state).text
        #expect(screen.contains("Release  nothing to release"))
        #expect(screen.contains("Nothing to release: no commit since the last release asks for one"))
        #expect(!screen.contains("Preconditions"))
        _ = ConsoleReducer.reduce(&state, .key(.enter))
        #expect(state.status?.text == "nothing to release: no releasable changes since v2.0.0; merge a feat or fix")
    }

    @Test func aFailedStepShowsItsFixAndIsOfferedAgain() {
        var status = ReleaseFixture.approved()
        status.steps[5].state = .done("merged into main on origin")
        status.steps[6].state = .failed(reason: "v2.0.0 exists here but was not pushed", fix: "run `slipway release tag` again: it pushes the tag")
        let screen = ConsoleView.render(ReleaseFixture.state(status, panel: .release, width: 120, height: 40)).text
        #expect(screen.contains("✗ 7 Create and push the tag  v2.0.0 exists here but was not pushed"))
        #expect(screen.contains("fix: run `slipway release tag` again"))
        #expect(screen.contains("Enter runs step 7: slipway release tag"))
    }

    @Test func theConfirmDialogListsTheExactCommands() {
        var state = ReleaseFixture.state(ReleaseFixture.approved(), panel: .release)
        _ = ConsoleReducer.reduce(&state, .key(.enter))
        _ = ConsoleReducer.reduce(&state, .releasePlanned(.merge, ActionReport(
            action: "release.merge", version: "2.0.0",
            commands: ["git checkout main", "git merge --no-ff -m 'Merge release v2.0.0' origin/release/v2.0.0", "git push origin main"],
            dryRun: true, message: "dry run: nothing was changed")))
        let screen = ConsoleView.render(state).text
        Snapshot.assert(screen, named: "release-confirm-80x24")
        #expect(screen.contains("Confirm: merge"))
        #expect(screen.contains("$ git merge --no-ff -m 'Merge release v2.0.0' origin/release/v2.0.0"))
        #expect(screen.contains("y runs these commands, n cancels"))
    }

    @Test func whileRunningTheStepsShowTheSpinnerMark() {
        var state = ReleaseFixture.state(ReleaseFixture.approved(), panel: .release)
        state.release.running = .merge
        state.inFlight = [.runningRelease]
        let screen = ConsoleView.render(state).text
        #expect(screen.contains("… 6 Merge the release PR     running…"))
        #expect(screen.contains("running the release step…"))
    }

    @Test func everySizeRendersBothPanelsWithoutTrapping() {
        for status in [ReleaseFixture.notStarted(), ReleaseFixture.waitingForApprovals(), ReleaseFixture.finished()] {
            for width in stride(from: 0, through: 160, by: 9) {
                for height in stride(from: 0, through: 50, by: 7) {
                    for panel in [PanelID.release, .approvals] {
                        var state = ReleaseFixture.state(status, panel: panel, width: width, height: height)
                        _ = ConsoleView.render(state)
                        _ = ConsoleReducer.reduce(&state, .key(.character("j")))
                        _ = ConsoleReducer.reduce(&state, .releasePlanned(.merge, ActionReport(
                            action: "release.merge", version: "2.0.0", commands: ["git push origin main"], dryRun: true, message: "")))
                        _ = ConsoleView.render(state)
                    }
                }
            }
        }
    }

    @Test func loadingAndFailureSaySo() {
        var state = ConsoleFixture.state()
        _ = ConsoleReducer.reduce(&state, .key(.character("3")))
        #expect(ConsoleView.render(state).text.contains("Reading where the release stands"))
        _ = ConsoleReducer.reduce(&state, .releaseFailed("fetching from origin failed: could not read from remote"))
        let screen = ConsoleView.render(state).text
        #expect(screen.contains("Could not read the release:"))
        #expect(screen.contains("fetching from origin failed"))
    }
}
