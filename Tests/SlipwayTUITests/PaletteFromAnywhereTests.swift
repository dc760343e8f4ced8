import Foundation
import SlipwayKit
import Testing
@testable import SlipwayTUI

/// The palette runs an action from any panel: it opens the action's panel and starts it there, once the panel's
/// data is in.
@Suite struct PaletteFromAnywhereTests {
    @Test func promoteFromTheChangesPanelPlansThePromotionOnceTheEnvironmentsAreRead() {
        var state = ConsoleFixture.state()
        #expect(state.panel == .changes)
        let first = ConsoleReducer.reduce(&state, .command(.promote))
        #expect(state.panel == .environments && first.contains(.loadEnvironments))
        #expect(state.pendingCommand == .promote)
        let next = ConsoleReducer.reduce(&state, .environmentsLoaded(EnvironmentsPanelTests.statuses()))
        #expect(next.contains { if case .planPromotion = $0 { return true } else { return false } }, "\(next)")
        #expect(state.pendingCommand == nil)
    }

    @Test func whenThePanelIsLeftTheActionDoesNotStart() {
        var state = ConsoleFixture.state()
        _ = ConsoleReducer.reduce(&state, .command(.promote))
        _ = ConsoleReducer.reduce(&state, .key(.character("1")))
        let next = ConsoleReducer.reduce(&state, .environmentsLoaded(EnvironmentsPanelTests.statuses()))
        #expect(!next.contains { if case .planPromotion = $0 { return true } else { return false } })
    }

    @Test func rollbackFromTheVersionPanelAsksForTheNameOnceReadinessIsIn() {
        var state = EnvironmentsPanelTests.loaded(panel: "6")
        _ = ConsoleReducer.reduce(&state, .key(.character("2")))
        _ = ConsoleReducer.reduce(&state, .command(.rollback))
        #expect(state.panel == .rollback)
        if case .confirmEnvironment(let dialog)? = state.overlay {
            #expect(dialog.environment == "production")
        } else {
            // Readiness is read again on the panel: the rollback starts when it arrives.
            #expect(state.pendingCommand == .rollback)
            _ = ConsoleReducer.reduce(&state, .rollbackLoaded(EnvironmentsPanelTests.readiness, plan: EnvironmentsPanelTests.rollbackPlan, planProblem: nil))
            guard case .confirmEnvironment(let dialog)? = state.overlay else { Issue.record("no confirm: \(String(describing: state.overlay))"); return }
            #expect(dialog.environment == "production")
        }
    }
}
