@testable import SlipwayKit
import Testing
@testable import SlipwayTUI

/// A monorepo's packages on the Version panel: each with its last release and next version.
@Suite struct VersionPanelPackageTests {
    static func proposal(_ name: String, path: String, current: String, next: String, bump: BumpLevel, commits: Int) -> PackageProposal {
        PackageProposal(package: WorkspacePackage(name: name, path: path, ecosystem: .npm, manifest: path + "/package.json"),
                        tagPrefix: name + "@", currentTag: name + "@" + current, current: SemanticVersion(current)!,
                        next: SemanticVersion(next)!, bump: bump, commits: commits, decidedBy: [], source: "commits")
    }

    @Test(arguments: [(120, 40), (80, 24), (60, 15)])
    func packagesAreListedWithTheirProposals(width: Int, height: Int) {
        var state = ConsoleFixture.state(width: width, height: height)
        var workspace = ConsoleFixture.workspace(ConsoleFixture.proposal())
        workspace.packages = [
            Self.proposal("@acme/web", path: "packages/web", current: "1.0.0", next: "2.0.0", bump: .major, commits: 2),
            Self.proposal("api", path: "packages/api", current: "0.4.0", next: "0.4.0", bump: .none, commits: 0),
        ]
        _ = ConsoleReducer.reduce(&state, .workspaceLoaded(workspace))
        _ = ConsoleReducer.reduce(&state, .key(.character("2")))
        let buffer = ConsoleView.render(state)
        let screen = buffer.text
        #expect(screen.contains("Packages  2, each released with --package NAME"), "\(screen)")
        #expect(screen.contains("@acme/web  1.0.0 → 2.0.0  major"))
        #expect(screen.contains("api        0.4.0  no release needed"))
        #expect(ReleasePanelTests.role(of: "2.0.0  major", in: buffer) == .accent)
    }
}
