import Foundation
import Testing

/// The Hotfixes panel in a real terminal on the demo workspace: the board, one hotfix opened, a backport run
/// through its confirm dialog, reviewed by a lead from another clone and merged into main from the console, each
/// checked on the demo's origin with git.
extension ConsoleEndToEndTests {
    @Test func aBackportFromTheHotfixesPanelOfTheDemo() throws {
        let session = try TmuxSession(width: 80, height: 24)
        try prepareShell(session)
        let demo = session.folder + "/demo"
        try session.run("\(slipway) demo --no-console --dir \(demo) >/dev/null && \(slipway) --repo \(demo)/acme-web; echo EXIT=$?")
        try session.waitFor("1 Changes 2 Version", seconds: 60)

        try session.press("7")
        var screen = try session.waitForAll(["• 1.2.1", "✓ 1.1.1"], seconds: 30)
        let lines = screen.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.contains("1.2.1   v1.2.0") && $0.contains("no (1 miss)") }, "1.2.1 is not shown as lacking on main")
        let released = lines.first { $0.contains("1.1.1   v1.1.0") }?.trimmingCharacters(in: .whitespaces) ?? ""
        #expect(released.range(of: #"yes +[0-9]+[mhd]$"#, options: .regularExpression) != nil, "1.1.1 is not shown as backported: \(released)")

        try session.press("Enter")
        screen = try session.waitForAll(["Hotfix 1.2.1  ready-to-merge", "not on main", "b  backport"])
        #expect(screen.contains("Backported  no: main lacks 1 of 1 commit(s)"))

        try session.press("b")
        screen = try session.waitForAll(["Confirm: slipway hotfix backport 1.2.1", "$ git cherry-pick -x"], seconds: 30)
        #expect(screen.contains("$ git checkout -b backport/v1.2.1 --no-track origin/main"))
        try session.press("y")
        screen = try session.waitFor("backport/v1.2.1 from main with 1 cherry-picked commit(s)", seconds: 30)
        try session.waitFor("backport/v1.2.1: pushed", seconds: 30)

        // The backport's PR into main: its author's review is refused before anything runs; a lead reviews it
        // from another clone; then B merges it from the console.
        try session.press("A")
        try session.waitFor("hotfix approve-backport 1.2.1: Ada Release <ada@acme.example> made", seconds: 30)
        let lin = demo + "/lin"
        let environment = TmuxSession.paneEnvironment.merging(["PATH": "/usr/bin:/bin"]) { $1 }
        #expect(try Spawn.run(["git", "clone", "-q", demo + "/origin.git", lin], environment: environment).status == 0)
        _ = try Spawn.run(["git", "-C", lin, "config", "user.email", "lead@acme.example"], environment: environment)
        _ = try Spawn.run(["git", "-C", lin, "config", "user.name", "Lin Lead"], environment: environment)
        let approved = try Spawn.run([slipway, "--repo", lin, "hotfix", "approve-backport", "1.2.1"], environment: environment)
        #expect(approved.status == 0, "\(approved.output)")
        try session.press("B")
        try session.waitFor("Confirm: slipway hotfix merge-backport 1.2.1", seconds: 30)
        try session.press("y")
        try session.waitFor("backport/v1.2.1 merged into main on origin: main has hotfix 1.2.1", seconds: 30)
        try session.waitFor("Backported  yes", seconds: 30)

        try session.press("q")
        try expectRestored(session, exitCode: 0)
        try session.run("git -C \(demo)/origin.git rev-parse -q --verify refs/heads/backport/v1.2.1 >/dev/null && echo BACKPORT-ON-ORIGIN"
            + "; git -C \(demo)/origin.git log -1 --format=%B backport/v1.2.1~1 | grep -q 'cherry picked from commit' && echo PICKED-WITH-X")
        try session.waitForAll(["BACKPORT-ON-ORIGIN", "PICKED-WITH-X"])
        try session.run("git -C \(demo)/origin.git log -1 --format=%s main")
        try session.waitFor("Merge backport of hotfix v1.2.1")
    }
}
