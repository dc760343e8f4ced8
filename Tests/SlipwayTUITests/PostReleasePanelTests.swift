import Foundation
@testable import SlipwayKit
import Testing
@testable import SlipwayTUI

/// The console's post-release screens: each environment's last verdict and `v` to verify now, the Rollback
/// panel's criteria with their values (a breach first, with what R does), and the notice shown before it is sent.
@Suite struct PostReleasePanelTests {
    static let errorRate = RollbackCheck(name: "error rate", query: "sum(rate(errors[5m]))", max: 0.05)
    static let latency = RollbackCheck(name: "p99 latency", query: "histogram_quantile(0.99, …)", max: 2)

    @Test(arguments: [(120, 40), (80, 24), (60, 15)])
    func environmentsShowTheirLastVerdict(width: Int, height: Int) {
        var state = EnvironmentsPanelTests.loaded(width: width, height: height)
        var statuses = EnvironmentsPanelTests.statuses()
        let time = Date(timeIntervalSince1970: 1_795_681_800)
        statuses[2].lastVerdict = RecordedVerdict(environment: "production", verdict: .breach, version: "1.1.0", time: time,
                                                  by: "Lin Lead <lead@acme.example>", summary: "breach on 1.1.0; error rate: 0.12 (must be ≤ 0.05)")
        statuses[1].lastVerdict = RecordedVerdict(environment: "staging", verdict: .healthy, version: "1.1.0", time: time, by: "Ada", summary: "")
        _ = ConsoleReducer.reduce(&state, .environmentsLoaded(statuses))
        let buffer = ConsoleView.render(state)
        Snapshot.assert(buffer, named: "environments-verdicts-\(width)x\(height)")
        if height >= 24 {
            #expect(buffer.text.contains("✗ breach on 1.1.0 2026-11-26 08:30"))
            #expect(buffer.text.contains("✓ healthy on 1.1.0"))
            #expect(ReleasePanelTests.role(of: "✗ breach on 1.1.0", in: buffer) == .error)
            #expect(ReleasePanelTests.role(of: "✓ healthy on 1.1.0", in: buffer) == .ok)
        }
        #expect(buffer.text.contains("v verify"))
    }

    @Test func vVerifiesTheSelectedEnvironmentAndTheStatusLineSaysTheVerdict() {
        var state = EnvironmentsPanelTests.loaded()
        let effects = ConsoleReducer.reduce(&state, .key(.character("v")))
        #expect(effects == [.verifyEnvironment("production")])
        #expect(state.inFlight.contains(.verifyingEnvironment))
        #expect(ConsoleReducer.reduce(&state, .key(.character("v"))) == [], "one verification at a time")
        let verdict = EnvironmentVerdict(environment: "production", version: "1.1.0", backend: "1.1.0", reported: nil,
                                         checks: [], verdict: .breach, reasons: ["error rate: 0.12 (must be ≤ 0.05)"],
                                         rollbackTo: "1.0.0", rollbackCommand: "slipway env rollback production --confirm production",
                                         time: Date())
        _ = ConsoleReducer.reduce(&state, .environmentVerified(verdict))
        #expect(state.status == StatusMessage("production: breach on 1.1.0 — error rate: 0.12 (must be ≤ 0.05); roll back: slipway env rollback production --confirm production", .error))
        #expect(!state.inFlight.contains(.verifyingEnvironment))
    }

    @Test(arguments: [(120, 40), (80, 24)])
    func theRollbackPanelShowsTheCriteriaAndABreachFirst(width: Int, height: Int) {
        var state = EnvironmentsPanelTests.loaded(width: width, height: height, panel: "6")
        var readiness = EnvironmentsPanelTests.readiness
        readiness.criteria = [
            CheckResult(check: Self.errorRate, value: 0.12, samples: 1, failures: 1, state: .breach, detail: "0.12 (must be ≤ 0.05)"),
            CheckResult(check: Self.latency, value: nil, samples: 0, failures: 0, state: .inconclusive, detail: "the query returned no series (no data)"),
        ]
        _ = ConsoleReducer.reduce(&state, .rollbackLoaded(readiness, plan: EnvironmentsPanelTests.rollbackPlan, planProblem: nil))
        let buffer = ConsoleView.render(state)
        Snapshot.assert(buffer, named: "rollback-breach-\(width)x\(height)")
        #expect(buffer.text.contains("Breach: error rate is 0.12 (must be ≤ 0.05) — R rolls production back"))
        #expect(buffer.text.contains("✗ error rate  0.12 (must be ≤ 0.05)"))
        #expect(buffer.text.contains("? p99 latency  the query returned no series"))
        #expect(ReleasePanelTests.role(of: "Breach:", in: buffer) == .error)
        #expect(buffer.text.contains("R rolls production back to 1.0.0 (type its name to confirm)"))
    }

    @Test func theNoticeIsShownBeforeItIsSent() {
        var state = ReleaseFixture.state(ReleaseFixture.lastReleaseInView(), panel: .release, width: 80, height: 40)
        var effects = ConsoleReducer.reduce(&state, .key(.character("n")))
        #expect(effects == [.planRelease(.notify)])
        _ = ConsoleReducer.reduce(&state, .releasePlanned(.notify, ActionReport(
            action: "release.notify", version: "2.0.0",
            commands: ["would-send: webhook https://chat.acme.example/hooks/release — would be sent",
                       "already-sent: file ../notices.md — sent 2026-11-26T08:30:00Z by Lin Lead <lead@acme.example>"],
            dryRun: true, message: "Subject: acme-api 2.0.0 released\n\nacme-api 2.0.0 was released on 2026-11-26 (v2.0.0).\nImpacted systems: api.\n\n### Added\n- Search.")))
        let screen = ConsoleView.render(state).text
        Snapshot.assert(ConsoleView.render(state), named: "release-notify-confirm-80x40")
        #expect(screen.contains("Send the release notice"))
        #expect(screen.contains("· would-send: webhook https://chat.acme.example/hooks/release"))
        #expect(screen.contains("The notice:"))
        #expect(screen.contains("Impacted systems: api."))
        #expect(screen.contains("y sends it, n cancels"))
        effects = ConsoleReducer.reduce(&state, .key(.character("y")))
        #expect(effects == [.runRelease(.notify)])
    }
}
