import Foundation
import Testing

/// Two consoles on two clones of the demo's remote: a rollback in one shows as a hold in the other.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed"))
struct TeamEndToEndTests {
    let slipway = TmuxSession.slipway

    @Test func aHoldMadeInOneConsoleShowsInTheOther() throws {
        let console = ConsoleEndToEndTests()
        let first = try TmuxSession(width: 80, height: 24)
        let second = try TmuxSession(width: 80, height: 24, extraEnvironment: [
            "GIT_AUTHOR_NAME": "Olu Oncall", "GIT_AUTHOR_EMAIL": "olu@acme.example",
            "GIT_COMMITTER_NAME": "Olu Oncall", "GIT_COMMITTER_EMAIL": "olu@acme.example",
        ])
        let demo = first.folder + "/demo"
        let environment = TmuxSession.paneEnvironment.merging(["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"]) { $1 }
        #expect(try Spawn.run([slipway, "demo", "--no-console", "--dir", demo], environment: environment).status == 0)
        // A second machine: another clone of the same origin (with the same settings: they are in the repository),
        // beside the first so that the settings' ../acme-envs.git is found.
        let other = demo + "/acme-web-olu"
        #expect(try Spawn.run(["git", "clone", "-q", demo + "/origin.git", other], environment: environment).status == 0)

        try console.prepareShell(first)
        try console.prepareShell(second)
        try first.run("\(slipway) --repo \(demo)/acme-web; echo EXIT=$?")
        try second.run("\(slipway) --repo \(other); echo EXIT=$?")
        try first.waitFor("1 Changes 2 Version")
        try second.waitFor("1 Changes 2 Version")

        // In the first console, promote staging to 1.2.0, then roll it back (typing its name).
        try first.press("5")
        try first.waitFor("▸ production")
        try first.press("k", "p")
        try first.waitFor("y or Enter confirms")
        try first.press("y")
        try first.waitFor("staging now runs 1.2.0", seconds: 30)
        try first.press("6")
        try first.waitFor("[production]")
        try first.press("k")
        try first.waitFor("[staging]")
        try first.waitFor("R rolls staging back to 1.1.0", seconds: 30)
        try first.press("R")
        try first.waitFor("Type staging to confirm:")
        try first.type("staging")
        try first.press("Enter")
        try first.waitFor("staging now runs 1.1.0", seconds: 30)

        // The other console, on the other clone, reads the environments again: staging holds 1.2.0.
        try second.press("5")
        try second.waitFor("▸ production", seconds: 30)
        try second.press("r")
        let screen = try second.waitForAll(["staging     1.1.0", "held: 1.2.0"], seconds: 30)
        #expect(screen.contains("staging"))
        try first.press("q")
        try second.press("q")
        try console.expectRestored(first, exitCode: 0)
        try console.expectRestored(second, exitCode: 0)
    }
}
