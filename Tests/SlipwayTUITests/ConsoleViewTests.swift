@testable import SlipwayKit
import Testing
@testable import SlipwayTUI

/// Whole screens as text at 80×24 and 120×40, against `__Snapshots__/`.
@Suite struct ConsoleViewTests {
    static let sizes = [(80, 24), (120, 40)]

    @Test(arguments: [(80, 24), (120, 40)])
    func changesPanel(width: Int, height: Int) {
        let state = ConsoleFixture.state(width: width, height: height)
        let screen = ConsoleView.render(state).text
        Snapshot.assert(ConsoleView.render(state), named: "changes-\(width)x\(height)")
        #expect(screen.contains("Breaking (1)"))
        #expect(screen.contains("Not conventional (2)"))
    }

    @Test(arguments: [(80, 24), (120, 40)])
    func versionPanel(width: Int, height: Int) {
        var state = ConsoleFixture.state(width: width, height: height)
        _ = ConsoleReducer.reduce(&state, .key(.character("2")))
        let screen = ConsoleView.render(state).text
        Snapshot.assert(ConsoleView.render(state), named: "version-\(width)x\(height)")
        #expect(screen.contains("Decided by 1 commit(s) at major"))
        #expect(screen.contains("Release-file previews are not available yet"))
    }

    @Test func versionPanelUnderTheZeroRuleWithAnOverride() {
        let overrides = ReleaseOverrides(base: "v0.3.0", version: VersionOverride(
            choice: .exact(SemanticVersion(major: 1, minor: 0, patch: 0)), reason: "first stable release"))
        var state = ConsoleState(repositoryPath: "/work/acme-api")
        let proposal = ConsoleFixture.proposal(overrides: overrides, current: SemanticVersion(major: 0, minor: 3, patch: 0))
        _ = ConsoleReducer.reduce(&state, .workspaceLoaded(ConsoleFixture.workspace(proposal, overrides: overrides)))
        _ = ConsoleReducer.reduce(&state, .key(.character("2")))
        let screen = ConsoleView.render(state).text
        Snapshot.assert(ConsoleView.render(state), named: "version-zero-override-80x24")
        #expect(screen.contains("major version is 0: a breaking change bumps minor"))
        #expect(screen.contains("exactly 1.0.0  instead of 0.4.0: first stable release"))
    }

    @Test func helpOverlayListsEveryKeyOfThePanel() {
        var state = ConsoleFixture.state(width: 120, height: 40)
        _ = ConsoleReducer.reduce(&state, .key(.character("?")))
        let screen = ConsoleView.render(state).text
        Snapshot.assert(ConsoleView.render(state), named: "help-changes-120x40")
        // Every key is in the help (what does not fit the box is a scroll away).
        let help = OverlayView.helpLines(.changes).map(\.plainText).joined(separator: "\n")
        for binding in KeyBinding.bindings(on: .changes) where binding.command.panel == nil {
            #expect(help.contains(binding.command.title), "help lacks \(binding.command)")
        }
        #expect(screen.contains("Show panel 1 Changes … 7 Hotfixes"))
        #expect(screen.contains(KeyBinding.bindings(on: .changes)[0].command.title), "the first page is on screen")
        #expect(!screen.contains("Override the next version"), "a Version-panel key is listed on Changes")
    }

    @Test func helpOnTheVersionPanelSaysWhatIsNotAvailable() {
        var state = ConsoleFixture.state(width: 120, height: 40)
        _ = ConsoleFixture.reduce(&state, keys: [.character("2"), .character("?")])
        let screen = ConsoleView.render(state).text
        #expect(screen.contains("Override the next version"))
        #expect(screen.contains("Write the release files (not available yet)"))
        #expect(!screen.contains("Classify the commit"))
    }

    @Test func helpScrollsAt80x24() {
        var state = ConsoleFixture.state()
        _ = ConsoleFixture.reduce(&state, keys: [.character("?"), .pageDown])
        let screen = ConsoleView.render(state).text
        Snapshot.assert(ConsoleView.render(state), named: "help-changes-scrolled-80x24")
        #expect(screen.contains("Quit at once"))
        _ = ConsoleReducer.reduce(&state, .key(.character("x")))
        #expect(state.overlay == nil)
    }

    @Test func classifyDialog() {
        var state = ConsoleFixture.state()
        _ = ConsoleFixture.reduce(&state, keys: [.character("G"), .character("c"), .down] + ConsoleFixture.type("fixes CI"))
        Snapshot.assert(ConsoleView.render(state), named: "classify-80x24")
    }

    @Test func versionOverrideDialogShowsItsError() {
        var state = ConsoleFixture.state()
        _ = ConsoleFixture.reduce(&state, keys: [.character("2"), .character("o"), .down, .down, .down]
                                  + ConsoleFixture.type("two.oh") + [.tab] + ConsoleFixture.type("launch") + [.enter])
        let screen = ConsoleView.render(state).text
        Snapshot.assert(ConsoleView.render(state), named: "version-override-error-80x24")
        #expect(screen.contains("'two.oh' is not a SemVer version"))
    }

    @Test func filteredList() {
        var state = ConsoleFixture.state()
        _ = ConsoleFixture.reduce(&state, keys: [.character("/")] + ConsoleFixture.type("type:feat") + [.enter])
        let screen = ConsoleView.render(state).text
        Snapshot.assert(ConsoleView.render(state), named: "changes-filtered-80x24")
        #expect(!screen.contains("fix(ui)"))
    }

    @Test func commitDetailAndCommandLog() {
        var state = ConsoleFixture.state()
        _ = ConsoleReducer.reduce(&state, .key(.enter))
        let sha = ConsoleFixture.sha(4)
        _ = ConsoleReducer.reduce(&state, .commitDetailLoaded(sha: sha, text: "commit \(sha)\nAuthor: Ada Release <ada@example.com>\nDate:   2026-01-01T00:05:00+00:00\n\nfeat!: drop the v1 API\n\n api.swift | 2 +-"))
        Snapshot.assert(ConsoleView.render(state), named: "commit-detail-80x24")
        _ = ConsoleReducer.reduce(&state, .key(.escape))
        let records = [
            CommandRecord(arguments: ["git", "log", "-z", "v1.4.0..HEAD"], workingDirectory: "/w", status: .exited(0),
                          duration: 0.012, startedAt: .init(timeIntervalSince1970: 0), failureTail: "", timedOut: false),
            CommandRecord(arguments: ["git", "push", "https://***@example.com/r.git"], workingDirectory: "/w", status: .exited(128),
                          duration: 0.2, startedAt: .init(timeIntervalSince1970: 0), failureTail: "fatal: could not read from remote", timedOut: false),
        ]
        _ = ConsoleReducer.reduce(&state, .commandLogUpdated(records))
        _ = ConsoleReducer.reduce(&state, .key(.character("L")))
        let log = ConsoleView.render(state).text
        Snapshot.assert(ConsoleView.render(state), named: "command-log-80x24")
        #expect(log.contains("✗ exit 128  200 ms   git push 'https://***@example.com/r.git'"))
        #expect(log.contains("fatal: could not read from remote"))
        #expect(!log.contains("secret"))
    }

    @Test func paletteListsCommandsByName() {
        var state = ConsoleFixture.state()
        _ = ConsoleFixture.reduce(&state, keys: [.character(":")] + ConsoleFixture.type("over"))
        let screen = ConsoleView.render(state).text
        Snapshot.assert(ConsoleView.render(state), named: "palette-80x24")
        #expect(screen.contains("override-version"))
    }

    @Test func belowEightyByTwentyFourItStaysReadable() {
        var state = ConsoleFixture.state(width: 56, height: 14)
        _ = ConsoleReducer.reduce(&state, .key(.character("j")))
        let screen = ConsoleView.render(state).text
        Snapshot.assert(ConsoleView.render(state), named: "changes-56x14")
        #expect(screen.contains(" 1 Chg 2 Ver 3 Rel"))
        #expect(screen.hasPrefix(" slipway │ acme-api │ main │ last v1.4.0 │ next v2.0.0"))
        #expect(screen.contains("feat(api): add the search"))
        #expect(screen.split(separator: "\n").last?.hasPrefix(" Enter open  / filter") == true)
    }

    @Test func aTinyTerminalGetsOneReadableMessage() {
        let state = ConsoleFixture.state(width: 20, height: 8)
        let screen = ConsoleView.render(state).text
        Snapshot.assert(ConsoleView.render(state), named: "too-small-20x8")
        #expect(screen.hasPrefix("Terminal too small"))
    }

    @Test func loadingAndFailureAreShownInThePanel() {
        var state = ConsoleState(repositoryPath: "/tmp/not-a-repo")
        _ = ConsoleReducer.start(&state)
        #expect(ConsoleView.render(state).text.contains("Reading the commits since the last release…"))
        _ = ConsoleReducer.reduce(&state, .workspaceFailed("/tmp/not-a-repo is not a git repository (or any of its parents); pass --repo DIR or run inside a repository"))
        let screen = ConsoleView.render(state).text
        Snapshot.assert(ConsoleView.render(state), named: "not-a-repository-80x24")
        #expect(screen.contains("Could not read the repository:"))
    }

    @Test func noCommitsSinceTheLastRelease() {
        var state = ConsoleFixture.state(commitCount: 0)
        #expect(ConsoleView.render(state).text.contains("No commits since v1.4.0: nothing to release."))
        _ = ConsoleReducer.reduce(&state, .key(.character("2")))
        let screen = ConsoleView.render(state).text
        #expect(screen.contains("nothing new since v1.4.0"))
        #expect(screen.contains("No commit calls for a release."))
        #expect(screen.contains("│ next none │"))
    }

    /// Every size from nothing to huge, through the overlays: the screen is always well formed.
    @Test func everySizeFromTinyToHugeIsWellFormed() {
        for width in stride(from: 0, through: 200, by: 7) {
            for height in stride(from: 0, through: 60, by: 5) {
                var state = ConsoleFixture.state(width: width, height: height)
                for key: Key in [.character("?"), .escape, .character("2"), .character("o"), .escape, .character("L")] {
                    _ = ConsoleReducer.reduce(&state, .key(key))
                    ScreenChecks.expectWellFormed(ConsoleView.render(state), state, width: width, height: height)
                }
            }
        }
    }
}
