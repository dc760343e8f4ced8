import Foundation
@testable import SlipwayKit
import Testing
@testable import SlipwayTUI

/// One source of truth for what is on screen (issue 20, item 1): every finished action of every panel reads
/// again what the dependency map says it changed — and only that — and the panels then show what a fresh
/// load shows.
@Suite struct RefreshMapTests {
    /// A console that has read everything: the proposal, the release, the environments with a readiness, the
    /// hotfix board and the history (closed).
    static func everythingRead() -> ConsoleState {
        var state = ReleaseFixture.state(ReleaseFixture.notStarted(), panel: .release, width: 120, height: 40)
        _ = ConsoleReducer.reduce(&state, .key(.character("6")))
        _ = ConsoleReducer.reduce(&state, .environmentsLoaded(EnvironmentsPanelTests.statuses()))
        _ = ConsoleReducer.reduce(&state, .rollbackLoaded(EnvironmentsPanelTests.readiness, plan: EnvironmentsPanelTests.rollbackPlan, planProblem: nil))
        _ = ConsoleReducer.reduce(&state, .key(.character("7")))
        _ = ConsoleReducer.reduce(&state, .hotfixes(.boardLoaded(HotfixFixture.board)))
        _ = ConsoleReducer.reduce(&state, .historyLoaded([], audit: []))
        state.inFlight = []
        return state
    }

    static let report = ActionReport(action: "release.tag", version: "2.0.0", commands: [], dryRun: false, message: "done")
    static let verdict = EnvironmentVerdict(environment: "production", version: "1.1.0", backend: "1.1.0", reported: nil, checks: [],
                                            verdict: .healthy, reasons: [], rollbackTo: nil, rollbackCommand: nil, time: Date())
    static let deployment = DeploymentActionResult(environment: "staging", action: "env.promote", from: "1.1.0", to: "1.2.0",
                                                   outcome: DeploymentOutcome(commands: []), durationSeconds: 2)

    /// Each mutation, the action that reports it finished, and the panel it is made from.
    static let finished: [(ConsoleMutation, ConsoleAction, Character)] = [
        (.overridesSaved, .overridesSaved(ReleaseOverrides(), message: "overridden"), "2"),
        (.releaseFilesWritten, .releaseFilesWritten(["CHANGELOG.md"]), "2"),
        (.releaseAction(.tag), .releaseActionDone(.tag, report), "3"),
        (.releaseAction(.merge), .releaseActionFailed(.merge, "the remote refused"), "3"),
        (.releaseAction(.notify), .releaseActionDone(.notify, report), "3"),
        (.deployment, .deploymentFinished(deployment), "5"),
        (.deployment, .deploymentFailed(environment: "production", message: "helm failed", output: ""), "6"),
        (.holdsCleared, .holdsCleared(environment: "staging", versions: ["1.2.0"]), "5"),
        (.environmentVerified, .environmentVerified(verdict), "5"),
        (.hotfixAction(.merge), .hotfixes(.done(HotfixRequest(.merge, version: SemanticVersion("1.2.1")!), message: "merged")), "7"),
        (.hotfixAction(.backport), .hotfixes(.failed(HotfixRequest(.backport, version: SemanticVersion("1.2.1")!), message: "conflict",
                                                      conflictFiles: [])), "7"),
    ]

    /// Which data `effects` and the state say are being read again.
    static func reread(_ effects: [ConsoleEffect], _ state: ConsoleState) -> Set<ConsoleData> {
        var data = Set<ConsoleData>()
        for effect in effects {
            switch effect {
            case .loadWorkspace: data.insert(.workspace)
            case .loadRelease: data.insert(.release)
            case .loadEnvironments: data.insert(.environments)
            case .hotfixes(.loadBoard): data.insert(.hotfixes)
            case .loadHistory: data.insert(.history)
            default: break
            }
        }
        if case .notLoaded = state.environments.rollback { data.insert(.rollback) }
        if case .notLoaded = state.history { data.insert(.history) }
        return data
    }

    @Test(arguments: 0..<finished.count)
    func eachFinishedActionReadsAgainWhatItChangedAndNothingElse(case index: Int) {
        let (mutation, action, panel) = Self.finished[index]
        var state = Self.everythingRead()
        _ = ConsoleReducer.reduce(&state, .key(.character(panel)))
        state.inFlight = []
        var effects = ConsoleReducer.reduce(&state, action)
        // An overrides save reads the proposal itself (the effect that saved answers with it).
        if mutation == .overridesSaved { effects.append(.loadWorkspace(overrides: nil)) }
        let expected = ConsoleReducer.changes(after: mutation)
        #expect(Self.reread(effects, state) == expected, "\(mutation): \(effects)")
    }

    @Test func theMapCoversEveryMutationAndEveryDataHasAReader() {
        let all: [ConsoleMutation] = [.overridesSaved, .releaseFilesWritten, .deployment, .holdsCleared, .environmentVerified]
            + ReleaseAction.allCases.map { .releaseAction($0) } + HotfixAction.allCases.map { .hotfixAction($0) }
        let covered = all.reduce(into: Set<ConsoleData>()) { $0.formUnion(ConsoleReducer.changes(after: $1)) }
        #expect(covered == Set(ConsoleData.allCases), "a data no action changes: \(Set(ConsoleData.allCases).subtracting(covered))")
        #expect(all.allSatisfy { ConsoleReducer.changes(after: $0).contains(.history) || $0 == .overridesSaved || $0 == .releaseFilesWritten },
                "every action that is audited refreshes the trail")
    }

    /// After a promotion, the Environments and Rollback panels show exactly what a console that read the new
    /// state from scratch shows.
    @Test func afterAPromotionThePanelsMatchAFreshLoad() {
        var state = Self.everythingRead()
        _ = ConsoleReducer.reduce(&state, .key(.character("5")))
        state.inFlight = []
        _ = ConsoleReducer.reduce(&state, .deploymentFinished(Self.deployment))
        var promoted = EnvironmentsPanelTests.statuses()
        promoted[1] = EnvironmentStatus(settings: promoted[1].settings, state: DeploymentState(version: "1.2.0", since: EnvironmentsPanelTests.day))
        _ = ConsoleReducer.reduce(&state, .environmentsLoaded(promoted))

        var fresh = ConsoleFixture.state(width: 120, height: 40)
        _ = ConsoleReducer.reduce(&fresh, .key(.character("5")))
        _ = ConsoleReducer.reduce(&fresh, .environmentsLoaded(promoted))
        fresh.environments.selected = state.environments.selected
        // The body (rows 2 to the status line) is the same, but for the line that says what was done.
        let body = { (screen: String) -> [Substring] in
            var lines = Array(screen.split(separator: "\n", omittingEmptySubsequences: false).dropFirst(2).dropLast(2)
                .filter { !$0.contains("now runs 1.2.0 (took") })
            while lines.last?.isEmpty == true { lines.removeLast() }
            return lines
        }
        var after = ConsoleView.render(state).text
        #expect(body(after) == body(ConsoleView.render(fresh).text), "\(after)")
        #expect(after.contains("staging     1.2.0"))
        // The readiness read before the promotion is not shown again: it is read when its panel shows.
        let effects = ConsoleReducer.reduce(&state, .key(.character("6")))
        #expect(effects.contains { if case .loadRollback = $0 { return true } else { return false } }, "\(effects)")
        after = ConsoleView.render(state).text
        #expect(!after.contains("production runs 1.1.0, would go back to 1.0.0"))
    }
}
