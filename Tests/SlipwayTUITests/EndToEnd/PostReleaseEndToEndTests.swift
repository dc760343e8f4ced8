import Foundation
import Testing

/// After the release, in a real terminal on the demo: verify an environment (nothing listens where its service
/// would be: inconclusive, with the reason), then send the notice from the Release panel after reading it.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed"))
struct PostReleaseEndToEndTests {
    let slipway = TmuxSession.slipway

    @Test func verifyThenNotifyOnTheDemo() throws {
        let console = ConsoleEndToEndTests()
        let session = try TmuxSession(width: 80, height: 24)
        let demo = session.folder + "/demo"
        let environment = TmuxSession.paneEnvironment.merging(["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"]) { $1 }
        let made = try Spawn.run([slipway, "demo", "--no-console", "--dir", demo], environment: environment)
        #expect(made.status == 0, "slipway demo failed: \(made.output)")

        try console.prepareShell(session)
        try session.run("\(slipway) --repo \(demo)/acme-web; echo EXIT=$?")
        try session.waitFor("1 Changes 2 Version")
        try session.press("5")
        try session.waitFor("▸ production")
        try session.press("g")
        try session.waitFor("▸ test")
        try session.press("v")
        try session.waitFor("test: inconclusive on 1.2.0 — the service at http://127.0.0.1:5996", seconds: 30)
        try session.waitFor("? inconclusive on 1.2.0")

        try session.press("3")
        try session.waitFor("Preconditions all met", seconds: 30)
        try session.press("n")
        var screen = try session.waitForAll(["Send the release notice — 1.2.0", "would-send: file ../release-notices.md",
                                             "The notice:"], seconds: 30)
        try session.press("y")
        screen = try session.waitFor("notify: the notice of 1.2.0 went to 1 channel(s)", seconds: 30)
        let notices = try String(contentsOfFile: demo + "/release-notices.md", encoding: .utf8)
        #expect(notices.hasPrefix("## acme-web 1.2.0 released\n\nacme-web 1.2.0 was released on "))
        #expect(notices.contains("Impacted systems: storefront, checkout."))
        // Sent once: asked again, every channel already has it and nothing is offered.
        try session.press("n")
        screen = try session.waitFor("every channel has the notice of 1.2.0 already", seconds: 30)
        #expect(!screen.contains("Send the release notice"))
        try session.press("q")
        try console.expectRestored(session, exitCode: 0)
    }
}
