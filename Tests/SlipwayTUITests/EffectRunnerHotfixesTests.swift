import Foundation
import SlipwayKit
import Testing
@testable import SlipwayTUI

/// The Hotfixes panel's effects against the demo workspace's real git: the board, a dry run, a backport conflict.
@Suite struct EffectRunnerHotfixesTests {
    private let environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("GIT_") }
        .merging(["GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null", "TZ": "UTC"]) { $1 }

    private func git(_ arguments: [String], in folder: String) throws {
        _ = try CommandRunner(baseEnvironment: environment).run(CommandInvocation(["git"] + arguments, in: folder))
    }

    @Test func theBoardADryRunAndABackportThatConflicts() throws {
        let folder = NSTemporaryDirectory() + "slipway-hotfix-effects-\(UUID().uuidString.prefix(8))"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let demo = try DemoWorkspace.build(in: folder)
        let effects = EffectRunner(repositoryPath: demo.applicationRepository, runner: CommandRunner(baseEnvironment: environment),
                                   releaseFiles: nil)

        guard case .hotfixes(.boardLoaded(let board)) = effects.performHotfix(.loadBoard) else {
            Issue.record("the board did not load")
            return
        }
        #expect(board.rows.map(\.version.description) == ["1.2.1", "1.1.1"])

        let version = try SemanticVersion(parsing: "1.2.1")
        let request = HotfixRequest(.backport, version: version)
        guard case .hotfixes(.planned(_, let commands, _)) = effects.performHotfix(.plan(request)) else {
            Issue.record("no dry run")
            return
        }
        #expect(commands.contains { $0.hasPrefix("git cherry-pick -x ") })
        #expect(try String(contentsOfFile: demo.applicationRepository + "/src/health.js", encoding: .utf8).contains("setTimeout") == false,
                "the dry run changed the working tree")

        // Main changes the same lines the hotfix fixes: the backport stops with the file named.
        let clone = demo.applicationRepository
        try Data("module.exports = (app) => app.get(\"/readyz\", (req, res) => res.send(\"ok\"));\n".utf8)
            .write(to: URL(fileURLWithPath: clone + "/src/health.js"))
        try git(["commit", "-q", "-am", "refactor(api): one readiness route"], in: clone)
        try git(["push", "-q", "origin", "main"], in: clone)
        guard case .hotfixes(.failed(_, let message, let files)) = effects.performHotfix(.run(request)) else {
            Issue.record("the backport did not report the conflict")
            return
        }
        #expect(files == ["src/health.js"])
        #expect(message.contains("git cherry-pick --continue"))
    }
}
