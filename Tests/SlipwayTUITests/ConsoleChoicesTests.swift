import Foundation
import SlipwayKit
import Testing
@testable import SlipwayTUI

/// Every choice in the console (issue 20, item 6): the version to promote, the rollback target, a drill,
/// the release line a hotfix starts from; approving your own hotfix disabled with its reason; hints that
/// name keys, not commands.
@Suite struct ConsoleChoicesTests {
    typealias Fixture = EnvironmentsPanelTests

    static func promotionPlan(target: String, commits: Int = 1) -> PromotionPlan {
        PromotionPlan(environment: Fixture.settings("staging"), current: "1.1.0", target: target, source: "test",
                      offered: ["1.2.0", "1.1.0", "1.0.0"], commits: ConsoleFixture.commits(count: commits),
                      changelog: "## [\(target)] - 2026-03-05")
    }

    func dialog(_ state: ConsoleState) -> EnvironmentConfirmDialog? {
        if case .confirmEnvironment(let dialog) = state.overlay { return dialog }
        return nil
    }

    @Test func thePromotedVersionIsChosenWithTheArrowsAndPlannedAgain() throws {
        var state = Fixture.loaded(width: 120, height: 40)
        _ = ConsoleReducer.reduce(&state, .key(.character("k")))
        _ = ConsoleReducer.reduce(&state, .key(.character("p")))
        _ = ConsoleReducer.reduce(&state, .promotionPlanned(Self.promotionPlan(target: "1.2.0", commits: 3)))
        var screen = ConsoleView.render(state).text
        // The version staging runs is not offered; the chosen one is marked.
        #expect(screen.contains("←/→ [1.2.0] 1.0.0"), "\(screen)")
        #expect(screen.contains("←/→ version"))
        #expect(ConsoleReducer.reduce(&state, .key(.right)) == [.planPromotion(environment: "staging", version: "1.0.0")])
        // The dialog stays (with its old plan) until the new one comes.
        #expect(dialog(state)?.target == "1.2.0")
        _ = ConsoleReducer.reduce(&state, .promotionPlanned(Self.promotionPlan(target: "1.0.0", commits: 0)))
        screen = ConsoleView.render(state).text
        #expect(screen.contains("staging: 1.1.0 → 1.0.0"))
        #expect(screen.contains("←/→ 1.2.0 [1.0.0]"))
        #expect(screen.contains("1.0.0 is older than the 1.1.0 staging runs"))
        #expect(ConsoleReducer.reduce(&state, .key(.character("y"))) == [.promote(environment: "staging", version: "1.0.0", confirmation: nil)])
    }

    @Test func whatWasTypedSurvivesAnotherChoice() {
        var state = Fixture.loaded()
        let plan = { (target: String) in
            RollbackPlan(environment: Fixture.settings("production"), current: "1.2.0", target: DeploymentRecord(version: target),
                         choice: "last good version in history")
        }
        var first = plan("1.1.0")
        first.offered = ["1.1.0", "1.0.0"]
        _ = ConsoleReducer.reduce(&state, .rollbackPlanned(first))
        for character in "prod" { _ = ConsoleReducer.reduce(&state, .key(.character(character))) }
        #expect(ConsoleReducer.reduce(&state, .key(.left)) == [.planRollback(environment: "production", to: "1.0.0", drill: false)])
        var second = plan("1.0.0")
        second.offered = ["1.1.0", "1.0.0"]
        _ = ConsoleReducer.reduce(&state, .rollbackPlanned(second))
        #expect(dialog(state)?.typed == "prod")
        #expect(dialog(state)?.target == "1.0.0")
        for character in "uction" { _ = ConsoleReducer.reduce(&state, .key(.character(character))) }
        #expect(ConsoleReducer.reduce(&state, .key(.enter))
                == [.rollback(environment: "production", to: "1.0.0", confirmation: "production", drill: false)])
    }

    @Test func theRollbackTargetIsChosenFromTheHistory() {
        var state = Fixture.loaded(width: 120, height: 40, panel: "6")
        var plan = Fixture.rollbackPlan
        plan.offered = ["1.0.0", "0.9.0"]
        _ = ConsoleReducer.reduce(&state, .rollbackLoaded(Fixture.readiness, plan: plan, planProblem: nil))
        _ = ConsoleReducer.reduce(&state, .key(.character("R")))
        #expect(ConsoleView.render(state).text.contains("←/→ [1.0.0] 0.9.0"))
        #expect(ConsoleReducer.reduce(&state, .key(.right)) == [.planRollback(environment: "production", to: "0.9.0", drill: false)])
        #expect(state.inFlight.contains(.planningRollback))
        #expect(ConsoleReducer.reduce(&state, .environmentRefused("the history of production does not know 0.9.0")).isEmpty)
        #expect(!state.inFlight.contains(.planningRollback))
        #expect(state.status?.text == "the history of production does not know 0.9.0")
    }

    @Test func aDrillRunsOnlyOutsideProductionAndPutsTheVersionBack() {
        var protected = Fixture.settings("production")
        protected.protected = true
        var statuses = Fixture.statuses()
        statuses[2] = EnvironmentStatus(settings: protected, state: statuses[2].state)
        var state = ConsoleFixture.state(width: 120, height: 40)
        _ = ConsoleReducer.reduce(&state, .key(.character("6")))
        _ = ConsoleReducer.reduce(&state, .environmentsLoaded(statuses))
        #expect(ConsoleReducer.reduce(&state, .key(.character("D"))).isEmpty)
        #expect(state.status?.text.contains("drills run on non-production environments; production is protected") == true)

        _ = ConsoleReducer.reduce(&state, .key(.character("k")))
        #expect(ConsoleReducer.reduce(&state, .key(.character("D"))) == [.planRollback(environment: "staging", to: nil, drill: true)])
        let plan = RollbackPlan(environment: Fixture.settings("staging"), current: "1.1.0", target: DeploymentRecord(version: "1.0.0"),
                                choice: "last good version in history", drill: true)
        _ = ConsoleReducer.reduce(&state, .rollbackPlanned(plan))
        let screen = ConsoleView.render(state).text
        #expect(screen.contains("Drill a rollback of staging"))
        #expect(screen.contains("staging: 1.1.0 → 1.0.0 → 1.1.0 (drill)"))
        for character in "staging" { _ = ConsoleReducer.reduce(&state, .key(.character(character))) }
        #expect(ConsoleReducer.reduce(&state, .key(.enter)) == [.rollback(environment: "staging", to: "1.0.0", confirmation: "staging", drill: true)])
        #expect(state.environments.running?.action == "drill")
        var result = DeploymentActionResult(environment: "staging", action: "env.rollback", from: "1.1.0", to: "1.0.0",
                                            outcome: DeploymentOutcome(commands: []), durationSeconds: 4, targetSeconds: 900)
        result.restored = "1.1.0"
        _ = ConsoleReducer.reduce(&state, .deploymentFinished(result))
        #expect(state.status?.text == "drill on staging: rolled back to 1.0.0, then 1.1.0 put back (the rollback took 00:04, within the 15:00 target)")
        #expect(state.status?.text.contains("is held") == false, "a drill holds nothing")
    }

    @Test func hintsNameTheKeyThatDoesIt() {
        #expect(KeyHints.keyed("unknown until measured; run slipway env rollback ENV --drill on a non-production environment")
                == "unknown until measured; press D on the Rollback panel (6) on a non-production environment")
        #expect(KeyHints.keyed("1.2.0 is held (rolled back); clear it with slipway env hold staging --clear")
                == "1.2.0 is held (rolled back); clear it with h on the Environments panel (5)")
        #expect(KeyHints.keyed("`slipway hotfix prepare 1.2.1`") == "p on the Hotfixes panel (7)")
        #expect(KeyHints.keyed("a tech lead runs `slipway hotfix approve 1.2.1`") == "a tech lead presses a on the Hotfixes panel (7)")
        #expect(KeyHints.keyed("run slipway release prepare") == "press Enter on the Release panel (3)")
        // Options the console has no key for stay as commands.
        let kept = ["`slipway hotfix prepare 1.2.1 --override-reason \"…\"`", "slipway release notify --resend email",
                    "slipway env verify staging --watch 10m", "slipway release prepare --take-over"]
        for text in kept { #expect(KeyHints.keyed(text) == text) }
        #expect(StatusMessage("run slipway artefacts verify").text == "press v on the Release panel (3)")
    }

    @Test func approvingYourOwnHotfixIsDisabledWithTheReason() {
        var board = HotfixFixture.board
        let index = board.rows.firstIndex { $0.version.description == "1.2.1" }!
        board.rows[index].author = "ada@acme.example"
        board.reader = "Ada@acme.example"
        var state = ConsoleFixture.state(width: 120, height: 40)
        _ = ConsoleReducer.reduce(&state, .key(.character("7")))
        _ = ConsoleReducer.reduce(&state, .hotfixes(.boardLoaded(board)))
        state.hotfixes.selected = index
        _ = ConsoleReducer.reduce(&state, .key(.enter))
        let screen = ConsoleView.render(state).text
        #expect(screen.contains("a  approve   disabled: you (Ada@acme.example) wrote 1.2.1"), "\(screen)")
        #expect(ConsoleReducer.reduce(&state, .key(.character("a"))).isEmpty, "no dry run, no confirm")
        #expect(state.hotfixes.confirm == nil)
        #expect(state.status?.text == "you (Ada@acme.example) wrote 1.2.1: your approval would not count; a tech lead approves it")
        // Someone else may.
        board.reader = "lin@acme.example"
        _ = ConsoleReducer.reduce(&state, .hotfixes(.boardLoaded(board)))
        #expect(ConsoleReducer.reduce(&state, .key(.character("a"))) == [.hotfixes(.plan(HotfixRequest(.approve, version: board.rows[index].version)))])
    }

    @Test func aHotfixStartsFromTheReleaseLineChosenWithTheArrows() {
        var board = HotfixFixture.board
        board.releaseTags = ["v1.2.0", "v1.1.1", "v1.1.0", "v1.0.1", "v1.0.0"].map {
            ReleaseTag(name: $0, version: SemanticVersion(String($0.dropFirst()))!)
        }
        let starts = HotfixRequest.starts(base: board.releaseTags.first, board: board)
        // One per line, newest first, each from its latest tag, at the first PATCH no hotfix holds.
        #expect(starts.map(\.from) == ["v1.2.0", "v1.1.1", "v1.0.1"])
        #expect(starts.map { $0.version?.description } == ["1.2.2", "1.1.2", "1.0.3"])

        var state = ConsoleFixture.state(width: 120, height: 40)
        _ = ConsoleReducer.reduce(&state, .key(.character("7")))
        _ = ConsoleReducer.reduce(&state, .hotfixes(.boardLoaded(board)))
        let first = starts[0]
        #expect(ConsoleReducer.reduce(&state, .key(.character("s"))) == [.hotfixes(.plan(first))])
        _ = ConsoleReducer.reduce(&state, .hotfixes(.planned(first, commands: ["git switch -c hotfix/v1.2.2 v1.2.0"], message: "")))
        var screen = ConsoleView.render(state).text
        #expect(screen.contains("Start hotfix 1.2.2 from v1.2.0? It runs:"))
        #expect(screen.contains("another release line (1 of 3: v1.2.0, v1.1.1, v1.0.1)"))
        #expect(screen.contains("←/→ release line"))
        #expect(ConsoleReducer.reduce(&state, .key(.right)) == [.hotfixes(.plan(starts[1]))])
        _ = ConsoleReducer.reduce(&state, .hotfixes(.planned(starts[1], commands: ["git switch -c hotfix/v1.1.2 v1.1.1"], message: "")))
        screen = ConsoleView.render(state).text
        #expect(screen.contains("Start hotfix 1.1.2 from v1.1.1? It runs:"))
        #expect(ConsoleReducer.reduce(&state, .key(.character("y"))) == [.hotfixes(.run(starts[1]))])
    }
}
