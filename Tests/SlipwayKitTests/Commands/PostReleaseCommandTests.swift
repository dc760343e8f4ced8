import Foundation
import Testing
@testable import SlipwayKit

/// `env verify` and `release notify` as a user runs them: exit codes, JSON, and what the audit log and release
/// status make of them.
@Suite struct PostReleaseCommandTests {
    /// Production's service reports its version through a command; `reported` is what it prints.
    static func fixture(reported: String) throws -> GitopsFixture {
        try GitopsFixture(productionExtra: #", "verify": {"command": ["sh", "-c", "echo \#(reported)", "{env}", "{version}"]}"#)
    }

    @Test func verifyExitsZeroOnlyWhenHealthyAndKeepsTheVerdict() throws {
        var fixture = try Self.fixture(reported: "1.0.0")
        var result = try SlipwayBinary.run(["env", "verify", "production", "--json", "--repo", fixture.app.root])
        #expect(result.code == 0, "\(result.stdout)\(result.stderr)")
        let json = try JSONParser.parse(Data(result.stdout.utf8))
        #expect(json["verdict"] == .string("healthy") && json["version"] == .string("1.0.0") && json["reported"] == .string("1.0.0"))
        #expect(json["checks"] == .array([]) && json["rollbackTo"] == .null)
        result = try SlipwayBinary.run(["env", "status", "--repo", fixture.app.root])
        #expect(result.stdout.contains("✓ healthy on 1.0.0 at "), "the Environments view shows the last verdict: \(result.stdout)")

        fixture = try Self.fixture(reported: "0.9.0")
        result = try SlipwayBinary.run(["env", "verify", "production", "--repo", fixture.app.root])
        #expect(result.code == 1)
        #expect(result.stdout.hasPrefix("✗ production: breach — expects 1.0.0, the backend runs 1.0.0, the service reports 0.9.0\n"))
        #expect(result.stdout.contains("· the service reports 0.9.0, not 1.0.0"))
        let audit = AuditLog(repository: try fixture.app.repository()).entries().entries.last
        #expect(audit?.action == "env.verify" && audit?.outcome == "breach" && audit?.target == "production")
    }

    @Test func watchPrintsEachRoundAndBadDurationsAreUsage() throws {
        let fixture = try Self.fixture(reported: "1.0.0")
        var result = try SlipwayBinary.run(["env", "verify", "production", "--watch", "forever", "--repo", fixture.app.root])
        #expect(result.code == 2 && result.stderr.contains("--watch 'forever' is not a duration"))
        result = try SlipwayBinary.run(["env", "verify", "production", "--watch", "1s", "--json", "--repo", fixture.app.root])
        #expect(result.code == 0, "\(result.stderr)")
        guard case .array(let rounds)? = try JSONParser.parse(Data(result.stdout.utf8))["rounds"] else { Issue.record("no rounds"); return }
        #expect(rounds.count == 1 && rounds.first?["verdict"] == .string("healthy"))
        result = try SlipwayBinary.run(["env", "verify", "production", "--version", "nope", "--repo", fixture.app.root])
        #expect(result.code == 2 && result.stderr.contains("'nope' is not a version X.Y.Z"), "bad input")
    }

    @Test func notifyFromTheCommandLine() throws {
        let (remote, clone, _) = try ReleaseNotifierTests.released(notify: #"[{"kind": "file", "path": "../notices-\#(UUID().uuidString.prefix(6)).md"}]"#)
        defer { withExtendedLifetime(remote) {} }
        var result = try SlipwayBinary.run(["release", "notify", "--dry-run", "--repo", clone.root])
        #expect(result.code == 0)
        #expect(result.stdout.contains("Impacted systems: web, billing.") && result.stdout.contains("would-send"))
        result = try SlipwayBinary.run(["release", "notify", "--json", "--repo", clone.root])
        #expect(result.code == 0, "\(result.stderr)")
        #expect(try JSONParser.parse(Data(result.stdout.utf8))["channels"]?.jsonText.contains(#""state":"sent""#) == true)
        result = try SlipwayBinary.run(["release", "status", "--json", "--repo", clone.root])
        let last = try JSONParser.parse(Data(result.stdout.utf8))["lastRelease"]
        guard case .array(let steps)? = last?["postRelease"] else { Issue.record("no post-release steps: \(result.stdout)"); return }
        #expect(steps.map { $0["key"] } == [.string("verified"), .string("monitoring"), .string("notified")])
        #expect(steps[2]["state"] == .string("done") && steps[2]["detail"] == .string("sent to 1 channel(s)"))
        #expect(steps[0]["state"] == .string("blocked"), "no environments are configured in this project")
        result = try SlipwayBinary.run(["release", "notify", "--resend", "pager", "--repo", clone.root])
        #expect(result.code == 2 && result.stderr.contains("--resend pager names no configured channel"))
        try clone.write(".slipway.json", "{}")
        result = try SlipwayBinary.run(["release", "notify", "--repo", clone.root])
        #expect(result.code == 2 && result.stderr.contains("no notify channels are configured"))
    }
}
