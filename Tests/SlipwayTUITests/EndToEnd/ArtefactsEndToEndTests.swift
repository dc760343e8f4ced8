import Foundation
import Testing

/// The demo's artefacts in a real terminal: nothing listens where its registries would be, so the last
/// release's step 8 and the rollback target's artefacts read unreachable, with the reason, and no hang.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed"))
struct ArtefactsEndToEndTests {
    let slipway = TmuxSession.slipway

    @Test func theDemosArtefactsReadUnreachableAndVAsksAgain() throws {
        let console = ConsoleEndToEndTests()
        let session = try TmuxSession(width: 80, height: 24)
        let demo = session.folder + "/demo"
        let environment = TmuxSession.paneEnvironment.merging(["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"]) { $1 }
        let made = try Spawn.run([slipway, "demo", "--no-console", "--dir", demo], environment: environment)
        #expect(made.status == 0, "slipway demo failed: \(made.output)")

        try console.prepareShell(session)
        try session.run("\(slipway) --repo \(demo)/acme-web; echo EXIT=$?")
        try session.waitFor("1 Changes 2 Version")
        try session.press("3")
        // Below the next release's steps: the last release with a row per artefact. Scroll to it.
        try session.waitFor("Preconditions all met", seconds: 30)
        try session.press("G")
        var screen = try session.waitForAll(["· 8 CI publishes, verified",
                                             "artefacts: 3 unreachable", "? oci-image unreachable 127.0.0.1:5999/acme/web:1.2.0",
                                             "? helm-oci  unreachable oci://127.0.0.1:5999/charts/web:0.3.0",
                                             "? pypi      unreachable acme-web 1.2.0",
                                             "→ 9 Verified where it runs", "· 10 Monitoring healthy", "→ 11 Stakeholders notified"], seconds: 30)
        #expect(screen.contains("connection refused") || screen.contains("Couldn't connect"), "a row says why:\n\(screen)")
        #expect(screen.contains("v verify"))

        try session.press("PageUp")
        try session.waitFor("Last release v1.2.0  tag pushed")
        try session.press("v")
        try session.waitFor("artefacts of v1.2.0: 3 unreachable", seconds: 30)

        // The rollback target's artefacts, row by row.
        try session.press("6")
        screen = try session.waitForAll(["? previous version's artefacts still in the registry", "3 unreachable for 1.0.0",
                                         "? oci-image 127.0.0.1:5999/acme/web:1.0.0 unreachable"], seconds: 30)
        try session.press("q")
        try console.expectRestored(session, exitCode: 0)
    }
}
