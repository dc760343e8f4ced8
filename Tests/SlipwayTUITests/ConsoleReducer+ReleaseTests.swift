@testable import SlipwayKit
import Testing
@testable import SlipwayTUI

/// The release actions through the reducer: loading, Enter → dry run → confirm → run → reload, dry-run, refusals.
@Suite struct ConsoleReducerReleaseTests {
    static let dryReport = ActionReport(action: "release.prepare", version: "2.0.0",
                                        commands: ["git checkout -b release/v2.0.0 main", "git push --set-upstream origin release/v2.0.0"],
                                        dryRun: true, message: "dry run: nothing was changed")

    @Test func showingTheReleaseOrApprovalsPanelReadsTheStatusOnce() {
        var state = ConsoleFixture.state()
        #expect(ConsoleReducer.reduce(&state, .key(.character("3"))) == [.loadRelease])
        #expect(state.inFlight == [.readingRelease])
        #expect(state.release.isLoading)
        #expect(ConsoleReducer.reduce(&state, .key(.character("4"))).isEmpty, "a read in flight is not asked for twice")
        _ = ConsoleReducer.reduce(&state, .releaseLoaded(ReleaseSnapshot(status: ReleaseFixture.notStarted(), identity: nil)))
        #expect(!state.isBusy)
        #expect(ConsoleReducer.reduce(&state, .key(.character("3"))).isEmpty)
    }

    @Test func refreshReadsTheReleaseAgain() {
        var state = ReleaseFixture.state(ReleaseFixture.notStarted(), panel: .release)
        let effects = ConsoleReducer.reduce(&state, .key(.character("r")))
        #expect(effects == [.loadWorkspace(overrides: nil), .loadRelease])
        #expect(state.release.snapshot != nil, "the old status stays on screen while the new one loads")
    }

    @Test func enterDryRunsTheNextStepThenConfirmRunsIt() {
        var state = ReleaseFixture.state(ReleaseFixture.notStarted(), panel: .release)
        #expect(ConsoleReducer.reduce(&state, .key(.enter)) == [.planRelease(.prepare)])
        #expect(state.inFlight == [.planningRelease])
        _ = ConsoleReducer.reduce(&state, .releasePlanned(.prepare, Self.dryReport))
        guard case .confirmRelease(let confirmation) = state.overlay else {
            Issue.record("no confirm dialog: \(String(describing: state.overlay))")
            return
        }
        #expect(confirmation.commands == Self.dryReport.commands)
        #expect(!confirmation.dryRun)
        #expect(ConsoleReducer.reduce(&state, .key(.character("x"))).isEmpty, "other keys do nothing in the dialog")
        #expect(ConsoleReducer.reduce(&state, .key(.character("y"))) == [.runRelease(.prepare)])
        #expect(state.overlay == nil)
        #expect(state.release.running == .prepare)
        #expect(ConsoleReducer.reduce(&state, .key(.enter)).isEmpty, "nothing else starts while a step runs")
        #expect(state.status?.text == "prepare is still running")

        let done = ActionReport(action: "release.prepare", version: "2.0.0", commands: Self.dryReport.commands, dryRun: false,
                                message: "release/v2.0.0 with chore(release): 2.0.0 pushed to origin")
        let reload = ConsoleReducer.reduce(&state, .releaseActionDone(.prepare, done))
        #expect(reload == [.loadWorkspace(overrides: nil), .loadRelease])
        #expect(state.release.running == nil)
        #expect(state.status == StatusMessage("prepare: release/v2.0.0 with chore(release): 2.0.0 pushed to origin", .ok))
    }

    @Test func cancellingRunsNothing() {
        var state = ReleaseFixture.state(ReleaseFixture.notStarted(), panel: .release)
        _ = ConsoleReducer.reduce(&state, .key(.enter))
        _ = ConsoleReducer.reduce(&state, .releasePlanned(.prepare, Self.dryReport))
        #expect(ConsoleReducer.reduce(&state, .key(.escape)).isEmpty)
        #expect(state.overlay == nil)
        #expect(state.status?.text == "prepare cancelled: nothing ran")
    }

    @Test func inDryRunConfirmingShowsTheCommandsAndRunsNothing() {
        var state = ReleaseFixture.state(ReleaseFixture.notStarted(), panel: .release)
        _ = ConsoleReducer.reduce(&state, .key(.character("d")))
        #expect(state.dryRun)
        #expect(state.status?.text == "dry-run on: Enter shows a step's commands and runs nothing")
        #expect(ConsoleView.render(state).text.contains("(dry-run: shows the commands only)"))
        _ = ConsoleReducer.reduce(&state, .key(.enter))
        _ = ConsoleReducer.reduce(&state, .releasePlanned(.prepare, Self.dryReport))
        #expect(ConsoleView.render(state).text.contains("dry-run: nothing will run"))
        #expect(ConsoleReducer.reduce(&state, .key(.enter)).isEmpty)
        #expect(state.overlay == nil)
        #expect(state.release.running == nil)
        #expect(state.status?.text == "dry-run: prepare ran nothing (2 command(s) shown)")
    }

    @Test func aBlockedNextStepSaysWhyAndRunsNothing() {
        var state = ReleaseFixture.state(ReleaseFixture.waitingForApprovals(), panel: .release)
        #expect(ConsoleReducer.reduce(&state, .key(.enter)).isEmpty)
        #expect(state.status?.kind == .warn)
        #expect(state.status?.text.hasPrefix("step 5 (Obtain approvals) is blocked: 0 of 1 approval(s)") == true)
    }

    @Test func theNextStepIsTheFirstReadyOrFailedOne() {
        #expect(ReleasePanelState.nextRunnable(ReleaseFixture.notStarted())?.action == .prepare)
        #expect(ReleasePanelState.nextRunnable(ReleaseFixture.waitingForApprovals()) == nil)
        #expect(ReleasePanelState.nextRunnable(ReleaseFixture.approved())?.action == .merge)
        #expect(ReleasePanelState.nextRunnable(ReleaseFixture.finished()) == nil)
        let blocked = StepState.blocked(reason: "dirty", fix: "commit")
        #expect(ReleasePanelState.nextRunnable(ReleaseFixture.notStarted(preconditions: [blocked])) == nil)
        var failed = ReleaseFixture.notStarted()
        failed.steps[1].state = .failed(reason: "interrupted while running manifest", fix: "run `slipway release prepare` again")
        #expect(ReleasePanelState.nextRunnable(failed)?.step == .manifest, "a failed step is resumed")
    }

    @Test func approvingFromTheApprovalsPanel() {
        var state = ReleaseFixture.state(ReleaseFixture.waitingForApprovals(), panel: .approvals)
        #expect(ConsoleReducer.reduce(&state, .key(.character("a"))) == [.planRelease(.approve)])
        _ = ConsoleReducer.reduce(&state, .releasePlanFailed(.approve, "fetching from origin failed"))
        #expect(state.status == StatusMessage("approve: fetching from origin failed", .error))
        #expect(ConsoleReducer.reduce(&state, .key(.enter)) == [.planRelease(.approve)], "Enter approves too")
    }

    @Test func aFailedActionIsShownAndTheStatusIsReadAgain() {
        var state = ReleaseFixture.state(ReleaseFixture.approved(), panel: .release)
        _ = ConsoleReducer.reduce(&state, .key(.enter))
        _ = ConsoleReducer.reduce(&state, .releasePlanned(.merge, Self.dryReport))
        _ = ConsoleReducer.reduce(&state, .key(.character("y")))
        let effects = ConsoleReducer.reduce(&state, .releaseActionFailed(.merge, "pushing main to origin was rejected"))
        #expect(effects.contains(.loadRelease))
        #expect(state.status == StatusMessage("merge failed: pushing main to origin was rejected", .error))
        #expect(!state.inFlight.contains(.runningRelease))
    }

    @Test func theKeysAreInHelpAndThePalette() {
        var state = ReleaseFixture.state(ReleaseFixture.notStarted(), panel: .release, width: 120, height: 40)
        _ = ConsoleReducer.reduce(&state, .key(.character("?")))
        let help = ConsoleView.render(state).text
        #expect(help.contains("Run the next release step (after a confirm)"))
        #expect(help.contains("Toggle dry-run"))
        #expect(help.contains("Reload from git"))
        _ = ConsoleReducer.reduce(&state, .key(.escape))
        #expect(ConsoleReducer.paletteMatches("approve") == [.approveRelease, .hotfixApprove, .hotfixApproveBackport, .hotfixMergeBackport])
        _ = ConsoleFixture.reduce(&state, keys: [.character(":")] + ConsoleFixture.type("run-next"))
        #expect(ConsoleReducer.reduce(&state, .key(.enter)) == [.planRelease(.prepare)])
        state = ReleaseFixture.state(ReleaseFixture.waitingForApprovals(), panel: .approvals, width: 120, height: 40)
        _ = ConsoleReducer.reduce(&state, .key(.character("?")))
        #expect(ConsoleView.render(state).text.contains("Approve the release PR as your git identity"))
    }
}
