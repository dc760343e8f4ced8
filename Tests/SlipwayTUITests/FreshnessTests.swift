import Foundation
@testable import SlipwayKit
import Testing
@testable import SlipwayTUI

/// Screens stay true after an action: what depends on it is read again, statuses leave with what they described.
@Suite struct FreshnessTests {
    @Test func anOverrideReadsTheReleaseAgain() {
        var state = ReleaseFixture.state(ReleaseFixture.notStarted(), panel: .release, width: 120, height: 40)
        let effects = ConsoleReducer.reduce(&state, .overridesSaved(ReleaseOverrides(), message: "next version overridden (rc)"))
        #expect(effects.contains(.loadRelease), "\(effects)")
    }

    @Test func writingTheReleaseFilesReadsTheReleaseAgain() {
        var state = ReleaseFixture.state(ReleaseFixture.notStarted(), panel: .version, width: 120, height: 40)
        let effects = ConsoleReducer.reduce(&state, .releaseFilesWritten(["package.json", "CHANGELOG.md"]))
        #expect(effects.contains(.loadRelease), "\(effects)")
    }

    @Test func clearingAFilterClearsItsStatusAndSlashStartsAFreshPrompt() {
        var state = ConsoleFixture.state()
        _ = ConsoleReducer.reduce(&state, .key(.character("/")))
        for character in "fix" { _ = ConsoleReducer.reduce(&state, .key(.character(character))) }
        _ = ConsoleReducer.reduce(&state, .key(.enter))
        #expect(state.status?.text.hasPrefix("filter 'fix'") == true)
        _ = ConsoleReducer.reduce(&state, .key(.character("/")))
        #expect(state.filterText.isEmpty, "a fresh prompt")
        for character in "api x" { _ = ConsoleReducer.reduce(&state, .key(.character(character))) }
        _ = ConsoleReducer.reduce(&state, .key(.character("\u{17}")))
        #expect(state.filterText == "api ", "Ctrl-W deletes the last word")
        _ = ConsoleReducer.reduce(&state, .key(.character("\u{15}")))
        #expect(state.filterText.isEmpty, "Ctrl-U clears the line")
        _ = ConsoleReducer.reduce(&state, .key(.escape))
        #expect(state.status?.text == "filter cleared")
    }

    @Test func clearingAHoldTakesBackTheRollbacksHeldLine() {
        var state = EnvironmentsPanelTests.loaded()
        state.environments.outcome = StatusMessage("staging now runs 1.1.0 (took 00:01); 1.2.0 is held", .ok)
        state.environments.outcomeAction = "env.rollback"
        _ = ConsoleReducer.reduce(&state, .holdsCleared(environment: "staging", versions: ["1.2.0"]))
        #expect(state.environments.outcome == nil)
    }

    @Test func theRollbackPanelShowsOnlyARollbacksOutcome() {
        var state = EnvironmentsPanelTests.loaded(width: 120, height: 60, panel: "6")
        state.environments.outcome = StatusMessage("staging now runs 1.2.0 (took 00:00)", .ok)
        state.environments.outcomeAction = "env.promote"
        #expect(!ConsoleView.render(state).text.contains("took 00:00"))
        state.environments.outcomeAction = "env.rollback"
        #expect(ConsoleView.render(state).text.contains("took 00:00"))
    }
}
