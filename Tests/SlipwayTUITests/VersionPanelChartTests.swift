@testable import SlipwayKit
import Testing
@testable import SlipwayTUI

/// The Version panel's charts: each chart's own version beside the app's, chart lint's findings under it, and
/// the rules explained in the help.
@Suite struct VersionPanelChartTests {
    static func state(width: Int, height: Int) -> ConsoleState {
        var state = ConsoleFixture.state(width: width, height: height)
        let proposal = ConsoleFixture.proposal()
        let feature = proposal.commits.first { $0.subject.hasPrefix("feat(api)") }!
        var workspace = ConsoleFixture.workspace(proposal)
        workspace.charts = [
            ChartVersionProposal(path: "charts/web", file: "charts/web/Chart.yaml", current: "0.3.0",
                                 next: SemanticVersion(major: 0, minor: 4, patch: 0), bump: .minor, decidedBy: [feature], touching: 2),
            ChartVersionProposal(path: "charts/worker", file: "charts/worker/Chart.yaml", current: "1.1.0",
                                 next: SemanticVersion(major: 1, minor: 1, patch: 0), bump: .none, decidedBy: [], touching: 0),
        ]
        workspace.chartLint = [ChartLintReport(path: "charts/web", findings: [
            ChartFinding("secret-value", .error, file: "charts/web/values.yaml", line: 12,
                         "auth.password holds a secret value; leave it empty and reference a Kubernetes Secret (existingSecret, secretKeyRef)"),
            ChartFinding("oci-distribution", .warning, file: "charts/web/Chart.yaml",
                         "no helm-oci artefact distributes charts/web; add it to artefacts in .slipway.json"),
        ])]
        _ = ConsoleReducer.reduce(&state, .workspaceLoaded(workspace))
        _ = ConsoleReducer.reduce(&state, .key(.character("2")))
        return state
    }

    @Test(arguments: [(120, 40), (80, 24), (60, 15)])
    func chartsShowBesideTheAppsVersion(width: Int, height: Int) {
        let buffer = ConsoleView.render(Self.state(width: width, height: height))
        let screen = buffer.text
        Snapshot.assert(buffer, named: "version-charts-\(width)x\(height)")
        #expect(screen.contains("Chart     charts/web  0.3.0 → 0.4.0"))
        if height >= 24 {
            #expect(screen.contains("Chart     charts/worker  1.1.0  stays: untouched since the last release"))
            #expect(screen.contains("✗ values.yaml:12 [secret-value] auth.password holds a secret"))
            #expect(screen.contains("! Chart.yaml [oci-distribution]"))
            #expect(ReleasePanelTests.role(of: "✗ values.yaml:12", in: buffer) == .error)
            #expect(ReleasePanelTests.role(of: "! Chart.yaml", in: buffer) == .warn)
            #expect(ReleasePanelTests.role(of: "0.4.0", in: buffer) == .accent)
        }
    }

    @Test func theHelpSaysWhatEachRuleProtects() throws {
        let help = OverlayView.helpLines(.version).map(\.plainText)
        let rule = try #require(help.firstIndex { $0.trimmingCharacters(in: .whitespaces) == "secret-value" })
        #expect(help[rule + 1].trimmingCharacters(in: .whitespaces).hasPrefix("no secret value in values.yaml or a template"))
        #expect(help.contains { $0.contains("chart-version-not-bumped") })
        #expect(!OverlayView.helpLines(.changes).map(\.plainText).contains { $0.contains("secret-value") })
    }
}
