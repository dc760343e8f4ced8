import Foundation
import SlipwayKit
import Testing

/// `slipway history` and the console's `H`: past releases from real tags, with production's deployments and the
/// rollbacks the audit trail and the holds record.
@Suite struct ReleaseHistoryTests {
    @Test func eachReleaseCountsOnlyItsOwnCommitsAndKnowsWhereItWasRolledBack() throws {
        let repo = try TestRepository()
        defer { repo.cleanUp() }
        try repo.commit("feat: first")
        try repo.tag("v1.0.0", annotated: true)
        let b = try repo.commit("feat: b")
        try repo.commit("fix: c")
        try repo.tag("v1.1.0", annotated: true)
        try repo.git(["checkout", "-q", "-b", "hotfix/v1.0.1", "v1.0.0"])
        let h = try repo.commit("fix: h")
        try repo.tag("v1.0.1")
        try repo.git(["checkout", "-q", "main"])
        let d = try repo.commit("feat: d")
        try repo.tag("v1.2.0-rc.1")
        try repo.commit("fix: e")
        try repo.tag("v1.2.0", annotated: true)
        let time = { (sha: String) in Date(timeIntervalSince1970: Double(try repo.git(["log", "-1", "--format=%at", sha]))!) }

        let inProduction = Date(timeIntervalSince1970: 1_767_300_000)
        let audit = [AuditEntry(identity: "Lin <lin@acme.example>", action: "env.rollback", version: "1.0.1", target: "production",
                                outcome: "ok", durationSeconds: 40, detail: "from 1.1.0"),
                     AuditEntry(identity: "Lin <lin@acme.example>", action: "env.rollback", version: "1.0.0", target: "test",
                                outcome: "failed", durationSeconds: 4, detail: "from 1.0.1")]
        let holds = [DeploymentHold(environment: "staging", version: "1.2.0", since: inProduction, by: "Kim", reason: "rolled back to 1.1.0")]
        let history = try ReleaseHistory.load(repository: try repo.repository(), tagPrefix: "v",
                                              production: [DeploymentRecord(version: "1.1.0", time: inProduction),
                                                           DeploymentRecord(version: "1.1.0", time: inProduction + 3600)],
                                              audit: audit, holds: holds)
        #expect(history.map(\.tag) == ["v1.2.0", "v1.1.0", "v1.0.1", "v1.0.0"], "newest first, no pre-release")
        let byTag = Dictionary(uniqueKeysWithValues: history.map { ($0.tag, $0) })
        #expect(byTag["v1.2.0"]?.firstCommitAt == (try time(d)), "the rc's commits belong to the release")
        #expect(byTag["v1.1.0"]?.firstCommitAt == (try time(b)))
        #expect(byTag["v1.0.1"]?.firstCommitAt == (try time(h)), "a hotfix counts only its own commits")
        #expect(byTag["v1.1.0"]?.inProductionAt == inProduction, "the first time production ran it")
        #expect(byTag["v1.1.0"]?.leadTimeSeconds == inProduction.timeIntervalSince(try time(b)))
        #expect(byTag["v1.2.0"]?.leadTimeSeconds == nil)
        #expect(byTag["v1.1.0"]?.rolledBackIn == ["production"])
        #expect(byTag["v1.2.0"]?.rolledBackIn == ["staging"])
        #expect(byTag["v1.0.1"]?.rolledBackIn == [], "a failed rollback is not one")
        #expect(byTag["v1.2.0"]?.taggedBy == "Ada Release" && byTag["v1.0.1"]?.taggedBy == "Ada Release", "the tagger, or a lightweight tag's author")
        #expect(try ReleaseHistory.load(repository: try repo.repository(), tagPrefix: "v", production: [], audit: [], holds: [], limit: 2)
                    .map(\.tag) == ["v1.2.0", "v1.1.0"])
    }

    @Test func durationsReadLikeAPerson() {
        #expect(ReleaseHistory.duration(45 * 60) == "45m")
        #expect(ReleaseHistory.duration(5 * 3600 + 20 * 60) == "5h 20m")
        #expect(ReleaseHistory.duration(3 * 86_400 + 4 * 3600) == "3d 4h")
    }
}

/// The console's first rows: the newest commits read from HEAD alone, up to the last release's commit.
@Suite struct VersionPreviewTests {
    @Test func thePreviewStopsAtTheLastReleaseAndFindsTheTagForm() throws {
        let repo = try TestRepository()
        defer { repo.cleanUp() }
        try repo.commit("feat: before")
        try repo.tag("1.4.0")
        try repo.commit("fix: one")
        try repo.commit("feat!: two")
        let (commits, base) = try VersionPlanner.preview(try repo.repository())
        #expect(base?.name == "1.4.0", "the bare X.Y.Z form, found from the tags")
        #expect(commits.map(\.subject) == ["feat!: two", "fix: one"], "newest first, nothing from the release itself")
        #expect(commits.map(\.level) == [.major, .patch])
        let (limited, _) = try VersionPlanner.preview(try repo.repository(), limit: 1)
        #expect(limited.count == 1)
    }
}
