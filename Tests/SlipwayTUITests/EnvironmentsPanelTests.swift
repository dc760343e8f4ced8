import Foundation
import SlipwayKit
import Testing
@testable import SlipwayTUI

/// The Environments and Rollback panels: screens at 80×24 and 120×40 and the reducer's promotion, hold and
/// rollback flow, from hand-made statuses (no git).
@Suite struct EnvironmentsPanelTests {
    static func settings(_ name: String, auto: Bool = false) -> EnvironmentSettings {
        EnvironmentSettings(name: name, auto: auto,
                            backend: .gitops(GitopsSettings(repo: "../acme-envs.git", file: "\(name)/values.yaml", key: "image.tag")),
                            rollback: RollbackSettings(plans: "docs/rollback", targetMinutes: 15))
    }

    static let day = Date(timeIntervalSince1970: 1_772_000_000)

    static func statuses(stagingHeld: Bool = false) -> [EnvironmentStatus] {
        [
            EnvironmentStatus(settings: settings("test", auto: true),
                              state: DeploymentState(version: "1.2.0", since: day, by: "Acme CI <ci@acme.example>")),
            EnvironmentStatus(settings: settings("staging"),
                              state: DeploymentState(version: "1.1.0", since: day - 86_400, by: "Ada Release <ada@acme.example>"),
                              holds: stagingHeld ? [DeploymentHold(environment: "staging", version: "1.2.0", since: day, by: "Lin Lead",
                                                                   reason: "rolled back")] : [],
                              promotable: "1.2.0"),
            EnvironmentStatus(settings: settings("production"),
                              state: DeploymentState(version: "1.1.0", since: day - 3 * 86_400, by: "Lin Lead <lead@acme.example>")),
        ]
    }

    static let readiness = RollbackReadiness(environment: "production", deployed: "1.1.0", target: "1.0.0", items: [
        ReadinessItem(id: "plan", title: "rollback plan for the deployed version", state: .fail, reason: "no plan at docs/rollback/v1.1.0.md"),
        ReadinessItem(id: "criteria", title: "rollback criteria defined before deployment", state: .fail,
                      reason: "no Rollback criteria section in the plan and none recorded at promotion"),
        ReadinessItem(id: "migrations", title: "migrations since the rollback target are reversible", state: .fail,
                      reason: "db/migrations/0002_create_orders.up.sql: 0002_create_orders.down.sql is empty"),
        ReadinessItem(id: "artefacts", title: "previous version's artefacts still in the registry", state: .fail,
                      reason: "1 of 2 artefact(s) of 1.0.0 not usable: registry.acme.example/acme/web:1.0.0 is not in the registry",
                      details: ["✗ oci-image registry.acme.example/acme/web:1.0.0 missing",
                                "✓ pypi acme-web 1.0.0 verified sha256:73cb3858a687"]),
        ReadinessItem(id: "time", title: "rollback within 15 min", state: .unknown, reason: "unknown until measured"),
    ])

    static let rollbackPlan = RollbackPlan(environment: settings("production"), current: "1.1.0",
                                           target: DeploymentRecord(version: "1.0.0"), choice: "the last good version in history")

    static func loaded(width: Int = 80, height: Int = 24, panel: Character = "5", stagingHeld: Bool = false) -> ConsoleState {
        var state = ConsoleFixture.state(width: width, height: height)
        let effects = ConsoleReducer.reduce(&state, .key(.character(panel)))
        #expect(effects.contains(.loadEnvironments))
        let next = ConsoleReducer.reduce(&state, .environmentsLoaded(statuses(stagingHeld: stagingHeld)))
        if panel == "6" {
            #expect(next == [.loadRollback(environment: "production")])
            _ = ConsoleReducer.reduce(&state, .rollbackLoaded(readiness, plan: rollbackPlan, planProblem: nil))
        }
        return state
    }

    @Test(arguments: [(80, 24), (120, 40)])
    func environmentsPanel(width: Int, height: Int) {
        var state = Self.loaded(width: width, height: height, stagingHeld: true)
        _ = ConsoleReducer.reduce(&state, .key(.character("k")))
        let screen = ConsoleView.render(state).text
        Snapshot.assert(ConsoleView.render(state), named: "environments-\(width)x\(height)")
        #expect(screen.contains("▸ staging"))
        #expect(screen.contains("auto: deployed by CI"))
        #expect(screen.contains("held: 1.2.0"))
        #expect(screen.contains("staging is behind: 1.1.0 → 1.2.0 can be promoted"))
        #expect(screen.contains("p promote"))
    }

    @Test(arguments: [(80, 24), (120, 40)])
    func rollbackPanel(width: Int, height: Int) {
        var state = Self.loaded(width: width, height: height, panel: "6")
        var screen = ConsoleView.render(state).text
        Snapshot.assert(ConsoleView.render(state), named: "rollback-\(width)x\(height)")
        #expect(screen.contains("production runs 1.1.0, would go back to 1.0.0"))
        #expect(screen.contains("✗ rollback plan"))
        #expect(screen.contains("? rollback within 15 min"))
        #expect(screen.contains("✗ previous version's artefacts still in the registry"))
        #expect(screen.contains("✗ oci-image registry.acme.example/acme/web:1.0.0 missing"), "each artefact of the target has its row")
        #expect(screen.contains("R rolls production back to 1.0.0 (type its name to confirm)"), "the action stays in view under the target")

        // The guarded rollback: the name typed back, then the clock while it runs.
        _ = ConsoleReducer.reduce(&state, .key(.character("R")))
        for character in "production" { _ = ConsoleReducer.reduce(&state, .key(.character(character))) }
        screen = ConsoleView.render(state).text
        Snapshot.assert(ConsoleView.render(state), named: "rollback-confirm-\(width)x\(height)")
        #expect(screen.contains("Type production to confirm: production"))
        let effects = ConsoleReducer.reduce(&state, .key(.enter))
        #expect(effects == [.rollback(environment: "production", to: "1.0.0", confirmation: "production")])
        for _ in 0..<1000 { _ = ConsoleReducer.reduce(&state, .tick) }
        screen = ConsoleView.render(state).text
        Snapshot.assert(ConsoleView.render(state), named: "rollback-running-\(width)x\(height)")
        #expect(screen.contains("Rolling production back to 1.0.0: 01:20 of 15:00"))
    }

    /// A checklist taller than the screen scrolls by the page; choosing another environment starts at the top.
    @Test func theRollbackChecklistScrollsByThePage() {
        var state = Self.loaded(width: 80, height: 16, panel: "6")
        var screen = ConsoleView.render(state).text
        #expect(!screen.contains("? rollback within 15 min"))
        _ = ConsoleReducer.reduce(&state, .key(.pageDown))
        screen = ConsoleView.render(state).text
        #expect(screen.contains("? rollback within 15 min"))
        #expect(!screen.contains("production runs 1.1.0"))
        _ = ConsoleReducer.reduce(&state, .key(.character("g")))
        #expect(ConsoleView.render(state).text.contains("production runs 1.1.0"))
        _ = ConsoleReducer.reduce(&state, .key(.pageDown))
        _ = ConsoleReducer.reduce(&state, .key(.character("k")))
        #expect(state.environments.rollbackScroll == 0)
        #expect(state.environments.rollbackStatus?.name == "staging")
    }

    @Test func promotionPlansThenConfirmsAndAProtectedOneNeedsTheName() {
        var state = Self.loaded()
        #expect(state.environments.selectedStatus?.name == "production", "production is selected by default")
        _ = ConsoleReducer.reduce(&state, .key(.character("k")))
        #expect(state.environments.selectedStatus?.name == "staging")
        #expect(ConsoleReducer.reduce(&state, .key(.character("p"))) == [.planPromotion(environment: "staging")])
        let plan = PromotionPlan(environment: Self.settings("staging"), current: "1.1.0", target: "1.2.0", source: "test",
                                 offered: ["1.2.0"], commits: ConsoleFixture.commits(count: 2),
                                 changelog: "## [1.2.0] - 2026-03-05\n\n### Added\n\n- Product search by name.")
        _ = ConsoleReducer.reduce(&state, .promotionPlanned(plan))
        let screen = ConsoleView.render(state).text
        #expect(screen.contains("staging: 1.1.0 → 1.2.0"))
        #expect(screen.contains("perf(db): index the release lookups"))
        #expect(screen.contains("- Product search by name."))
        #expect(ConsoleReducer.reduce(&state, .key(.character("y")))
                == [.promote(environment: "staging", version: "1.2.0", confirmation: nil)])
        #expect(state.environments.running?.action == "promotion")
        let result = DeploymentActionResult(environment: "staging", action: "env.promote", from: "1.1.0", to: "1.2.0",
                                            outcome: DeploymentOutcome(commands: []), durationSeconds: 3)
        #expect(ConsoleReducer.reduce(&state, .deploymentFinished(result)) == [.loadEnvironments])
        #expect(state.environments.running == nil)
        #expect(state.status?.text == "staging now runs 1.2.0 (took 00:03)")

        // Production: the name, exactly.
        _ = ConsoleReducer.reduce(&state, .environmentsLoaded(Self.statuses()))
        _ = ConsoleReducer.reduce(&state, .key(.character("j")))
        _ = ConsoleReducer.reduce(&state, .promotionPlanned(PromotionPlan(environment: Self.settings("production"), current: "1.1.0",
                                                                          target: "1.2.0", source: "staging", offered: ["1.2.0"])))
        for character in "prod" { _ = ConsoleReducer.reduce(&state, .key(.character(character))) }
        #expect(ConsoleReducer.reduce(&state, .key(.enter)).isEmpty)
        guard case .confirmEnvironment(let dialog) = state.overlay else {
            Issue.record("the confirmation closed on a wrong name")
            return
        }
        #expect(dialog.error == "'prod' is not production: type its exact name")
        _ = ConsoleReducer.reduce(&state, .key(.escape))
        #expect(state.overlay == nil)
        #expect(state.status?.text == "nothing promoted")
    }

    @Test func autoEnvironmentsAreNotPromotedAndHoldsAreCleared() {
        var state = Self.loaded(stagingHeld: true)
        _ = ConsoleReducer.reduce(&state, .key(.character("g")))
        #expect(ConsoleReducer.reduce(&state, .key(.character("p"))).isEmpty)
        #expect(state.status?.text.contains("deployed by CI") == true)
        #expect(ConsoleReducer.reduce(&state, .key(.character("h"))).isEmpty)
        #expect(state.status?.text == "test has no hold to clear")
        _ = ConsoleReducer.reduce(&state, .key(.character("j")))
        #expect(ConsoleReducer.reduce(&state, .key(.character("h"))) == [.clearHolds(environment: "staging")])
        #expect(ConsoleReducer.reduce(&state, .holdsCleared(environment: "staging", versions: ["1.2.0"])) == [.loadEnvironments])
        #expect(state.status?.text == "cleared the hold on 1.2.0 in staging")
    }

    @Test func aFailedRollbackShowsTheBackendOutputAndReadsTheStateAgain() {
        var state = Self.loaded(panel: "6")
        _ = ConsoleReducer.reduce(&state, .key(.character("R")))
        for character in "production" { _ = ConsoleReducer.reduce(&state, .key(.character(character))) }
        _ = ConsoleReducer.reduce(&state, .key(.enter))
        let effects = ConsoleReducer.reduce(&state, .deploymentFailed(environment: "production", message: "the push was rejected",
                                                                      output: "! [rejected] main -> main (fetch first)"))
        #expect(effects == [.loadEnvironments])
        #expect(state.environments.running == nil)
        _ = ConsoleReducer.reduce(&state, .environmentsLoaded(Self.statuses()))
        let screen = ConsoleView.render(state).text
        #expect(screen.contains("production: the push was rejected"))
        #expect(screen.contains("! [rejected] main -> main (fetch first)"))
    }

    @Test func choosingAnotherEnvironmentReadsItsReadiness() {
        var state = Self.loaded(panel: "6")
        #expect(ConsoleReducer.reduce(&state, .key(.character("k"))) == [.loadRollback(environment: "staging")])
        #expect(ConsoleReducer.reduce(&state, .rollbackFailed(environment: "staging", message: "no earlier version")).isEmpty)
        #expect(ConsoleView.render(state).text.contains("Could not judge staging's rollback readiness:"))
    }

    @Test func helpAndPaletteListTheEnvironmentKeys() {
        var state = Self.loaded(width: 120, height: 40)
        _ = ConsoleReducer.reduce(&state, .key(.character("?")))
        var screen = ConsoleView.render(state).text
        #expect(screen.contains("Promote the selected environment"))
        #expect(screen.contains("Clear the selected environment's hold"))
        _ = ConsoleReducer.reduce(&state, .key(.escape))
        _ = ConsoleReducer.reduce(&state, .key(.character(":")))
        for character in "roll" { _ = ConsoleReducer.reduce(&state, .key(.character(character))) }
        screen = ConsoleView.render(state).text
        #expect(screen.contains("Roll the selected environment back"))

        // From another panel the palette's command opens the panel and reads what it needs.
        var fresh = ConsoleFixture.state()
        #expect(ConsoleReducer.reduce(&fresh, .command(.rollback)) == [.loadEnvironments])
        #expect(fresh.panel == .rollback)
        #expect(ConsoleReducer.reduce(&fresh, .environmentsLoaded(Self.statuses())) == [.loadRollback(environment: "production")])
    }
}
