@testable import SlipwayKit
import Testing
@testable import SlipwayTUI

/// The Release panel as whole screens at 80×24 and 120×40: not started, waiting on a blocked step, finished.
@Suite struct ReleasePanelTests {
    @Test func anUnreachableRemoteIsNotCalledUpToDate() {
        var status = ReleaseFixture.notStarted()
        status.warnings = ["fetching from origin failed: could not read from remote repository; showing what was fetched from origin last"]
        let screen = ConsoleView.render(ReleaseFixture.state(status, panel: .release, width: 120, height: 40)).text
        #expect(!screen.contains("up to date"), "\(screen)")
        #expect(screen.contains("Preconditions met here: clean tree, on main, tag free; not checked against the remote (it could not be reached)"))
        #expect(screen.contains("warning: fetching from origin failed"))
        let reachable = ConsoleView.render(ReleaseFixture.state(ReleaseFixture.notStarted(), panel: .release, width: 120, height: 40)).text
        #expect(reachable.contains("Preconditions all met: clean tree, on main, up to date, tag free"))
    }

    @Test(arguments: [(80, 24), (120, 40)])
    func notStarted(width: Int, height: Int) {
        let state = ReleaseFixture.state(ReleaseFixture.notStarted(), panel: .release, width: width, height: height)
        let screen = ConsoleView.render(state).text
        Snapshot.assert(ConsoleView.render(state), named: "release-not-started-\(width)x\(height)")
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
        Snapshot.assert(ConsoleView.render(state), named: "release-blocked-\(width)x\(height)")
        #expect(screen.contains("✓ 4 Open the release PR"))
        #expect(screen.contains("· 5 Obtain approvals         0 of 1 approval(s)"))
        #expect(screen.contains("fix: a reviewer other than ada@acme.example"))
        #expect(screen.contains("Waiting on step 5 (Obtain approvals): blocked, see below"))
    }

    @Test(arguments: [(80, 24), (120, 40)])
    func finished(width: Int, height: Int) {
        let state = ReleaseFixture.state(ReleaseFixture.finished(), panel: .release, forge: "github", width: width, height: height)
        let screen = ConsoleView.render(state).text
        Snapshot.assert(ConsoleView.render(state), named: "release-done-\(width)x\(height)")
        #expect(screen.contains("✓ 8 CI publishes, verified   2 artefact(s) verified; 2 CI run(s) succeeded"))
        #expect(screen.contains("✓ oci-image verified    registry.acme.example/acme/web:2.0.0"))
        #expect(screen.contains("✓ helm-oci  verified    oci://registry.acme.example/charts/web:0.4.0"))
        #expect(screen.contains("sha256:8ac274b143a4") == (width >= 100), "the digest shows where there is room")
        #expect(screen.contains("The release of 2.0.0 is finished."))
        #expect(screen.contains("Release  2.0.0  tag v2.0.0  released"))
        #expect(!screen.contains("fix:"))
    }

    /// After the tag, with nothing new, the last release's steps 7 and 8 stay in view with each artefact's row.
    @Test(arguments: [(80, 24), (120, 40), (60, 15)])
    func theLastReleaseStaysInView(width: Int, height: Int) {
        let state = ReleaseFixture.state(ReleaseFixture.lastReleaseInView(), panel: .release, width: width, height: height)
        let buffer = ConsoleView.render(state)
        let screen = buffer.text
        Snapshot.assert(buffer, named: "release-last-release-\(width)x\(height)")
        #expect(screen.contains("Last release v2.0.0  tag pushed"))
        #expect(screen.contains("✓ 7 Create and push the tag  v2.0.0 pushed"))
        #expect(screen.contains("✗ 8 CI publishes, verified"))
        if height >= 24 {
            #expect(screen.contains("✗ helm-oci  missing"))
            #expect(screen.contains("? pypi      unreachable acme-web 2.0.0"))
            #expect(screen.contains("oci://registry.acme.example/charts/web:0.4.0 is not in the registry"), "a row that is not verified says why")
            #expect(Self.role(of: "missing     oci://", in: buffer) == .error)
            #expect(Self.role(of: "unreachable acme-web", in: buffer) == .warn)
            #expect(Self.role(of: "verified    registry", in: buffer) == .ok)
            #expect(Self.role(of: "✗ 8", in: buffer) == .error)
        }
        #expect(screen.contains("v verify"), "the footer names the key that asks the registries again")
    }

    /// The role of the first cell of the first occurrence of `text` on screen.
    static func role(of text: String, in buffer: ScreenBuffer) -> StyleRole? {
        for y in 0..<buffer.height {
            let line = buffer.line(y)
            guard let range = line.range(of: text) else { continue }
            return buffer[line.distance(from: line.startIndex, to: range.lowerBound), y].role
        }
        return nil
    }

    @Test func vAsksTheRegistriesAgainAndTheStatusLineSaysWhatTheyAnswered() {
        var state = ReleaseFixture.state(ReleaseFixture.lastReleaseInView(), panel: .release)
        let effects = ConsoleReducer.reduce(&state, .key(.character("v")))
        #expect(effects == [.loadRelease])
        #expect(state.status?.text == "verifying the release's artefacts in their registries")
        _ = ConsoleReducer.reduce(&state, .releaseLoaded(ReleaseSnapshot(status: ReleaseFixture.lastReleaseInView(), identity: nil)))
        #expect(state.status == StatusMessage("artefacts of v2.0.0: 1 verified, 1 missing, 1 unreachable", .warn))
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
        #expect(screen.contains("fix: press Enter on the Release panel (3) again: it pushes the tag"))
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
        Snapshot.assert(ConsoleView.render(state), named: "release-confirm-80x24")
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

    @Test func everySizeRendersBothPanelsWellFormed() {
        for status in [ReleaseFixture.notStarted(), ReleaseFixture.waitingForApprovals(), ReleaseFixture.finished(), ReleaseFixture.lastReleaseInView()] {
            for width in stride(from: 0, through: 160, by: 9) {
                for height in stride(from: 0, through: 50, by: 7) {
                    for panel in [PanelID.release, .approvals] {
                        var state = ReleaseFixture.state(status, panel: panel, width: width, height: height)
                        ScreenChecks.expectWellFormed(ConsoleView.render(state), state, width: width, height: height)
                        _ = ConsoleReducer.reduce(&state, .key(.character("j")))
                        _ = ConsoleReducer.reduce(&state, .releasePlanned(.merge, ActionReport(
                            action: "release.merge", version: "2.0.0", commands: ["git push origin main"], dryRun: true, message: "")))
                        ScreenChecks.expectWellFormed(ConsoleView.render(state), state, width: width, height: height)
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
