import Foundation

/// acme-web's two hotfixes, made with the git steps `slipway hotfix` takes (RELEASE-PROCESS.md §3):
/// `v1.1.1`, released from `v1.1.0` on `maintenance/v1.1.x` and backported to main before 1.2.0; and `1.2.1`,
/// branched from `v1.2.0`, prepared and approved by the tech lead, not merged and not yet on main.
extension DemoWorkspace {
    /// The hotfixes the demo holds: version, base tag, and whether main has their commits.
    public static let hotfixes: [(version: String, base: String, backported: Bool)] = [
        ("1.1.1", "v1.1.0", true), ("1.2.1", "v1.2.0", false),
    ]

    static let healthWithMigrationCheck = """
        module.exports = (app) => {
          app.get("/healthz", (req, res) => res.send("ok"));
          app.get("/readyz", (req, res) => (app.locals.migrating ? res.status(503).send("migrating") : res.send("ready")));
        };

        """

    static let healthWithTimeout = """
        module.exports = (app) => {
          app.get("/healthz", (req, res) => res.send("ok"));
          app.get("/readyz", (req, res) => {
            res.setTimeout(2000, () => res.status(503).send("timeout"));
            return app.locals.migrating ? res.status(503).send("migrating") : res.send("ready");
          });
        };

        """

    /// Right after 1.1.0: hotfix/v1.1.1 from the tag, its fix and release commit, the lead's approval, the merge
    /// into maintenance/v1.1.x tagged v1.1.1, and the backport onto main (`cherry-pick -x` and the CHANGELOG
    /// section). The hotfix branch is deleted, as after a merged PR. `changelog` becomes main's.
    static func buildReleasedHotfix(_ git: DemoGit, changelog: inout DemoChangelog) throws(DemoWorkspaceError) {
        git.clock.advance(days: 3)
        try git.run(["checkout", "-q", "-b", "hotfix/v1.1.1", "v1.1.0"])
        let fix = try git.commit("fix(api): report not ready while migrations run\n\nCloses #96",
                                 files: ["src/health.js": healthWithMigrationCheck], hours: 2, days: 0)
        var hotfixLog = changelog
        hotfixLog.addUnreleased("Fixed", "Readiness reports not ready while migrations run.")
        hotfixLog.release("1.1.1", date: DemoClock.day(git.clock.now))
        let releaseCommit = try git.commit("chore(release): 1.1.1", files: releaseFiles("1.1.1", chart: "0.2.0", changelog: hotfixLog),
                                           hours: 1, days: 0)
        try approveAsLead(git, releaseCommit)

        try git.run(["checkout", "-q", "-b", "maintenance/v1.1.x", "v1.1.0"])
        git.clock.advance(minutes: 30)
        try git.run(["merge", "--no-ff", "-q", "-m", "Merge hotfix v1.1.1", "hotfix/v1.1.1"], as: .reviewer)
        try git.tagRelease("1.1.1")

        try git.run(["checkout", "-q", "main"])
        git.clock.advance(hours: 1)
        try git.run(["cherry-pick", "-x", fix])
        try git.commit("docs(changelog): add the 1.1.1 hotfix section", files: ["CHANGELOG.md": hotfixLog.text], after: 5, days: 0)
        try git.run(["branch", "-q", "-D", "hotfix/v1.1.1"])
        changelog = hotfixLog
    }

    /// After the unreleased work: hotfix/v1.2.1 from v1.2.0 with a fix and its release commit, approved by the
    /// tech lead; maintenance/v1.2.x made from the tag, as `prepare` makes it. `releasedLog` is the CHANGELOG at 1.2.0.
    static func buildInProgressHotfix(_ git: DemoGit, releasedLog: DemoChangelog) throws(DemoWorkspaceError) {
        git.clock.advance(hours: 3)
        try git.run(["branch", "-q", "maintenance/v1.2.x", "v1.2.0"])
        try git.run(["checkout", "-q", "-b", "hotfix/v1.2.1", "v1.2.0"])
        try git.commit("fix(api): time out the readiness check after two seconds\n\nCloses #171",
                       files: ["src/health.js": healthWithTimeout], hours: 1, days: 0)
        var hotfixLog = releasedLog
        hotfixLog.addUnreleased("Fixed", "The readiness check times out after two seconds.")
        hotfixLog.release("1.2.1", date: DemoClock.day(git.clock.now))
        let releaseCommit = try git.commit("chore(release): 1.2.1", files: releaseFiles("1.2.1", chart: "0.3.0", changelog: hotfixLog),
                                           after: 20, days: 0)
        try approveAsLead(git, releaseCommit)
        try git.run(["checkout", "-q", "main"])
    }

    /// Pushes the maintenance lines, the open hotfix branch and the approvals, then leaves only main checked out here.
    static func publishHotfixes(_ git: DemoGit) throws(DemoWorkspaceError) {
        let branches = ["maintenance/v1.1.x", "maintenance/v1.2.x", "hotfix/v1.2.1"]
        try git.run(["push", "-q", "origin"] + branches.map { "refs/heads/\($0):refs/heads/\($0)" } + [LocalForge.notesRef])
        try git.run(["branch", "-q", "-D"] + branches)
    }

    private static func releaseFiles(_ version: String, chart: String, changelog: DemoChangelog) -> [String: String?] {
        ["package.json": DemoFiles.packageJSON(version: version),
         "package-lock.json": DemoFiles.packageLock(version: version),
         "charts/web/Chart.yaml": DemoFiles.chart(version: chart, appVersion: version),
         "CHANGELOG.md": changelog.text]
    }

    /// The tech lead's approval as the local forge records it: a line in the approvals notes on the release commit.
    private static func approveAsLead(_ git: DemoGit, _ commit: String) throws(DemoWorkspaceError) {
        git.clock.advance(minutes: 40)
        let lead = DemoIdentity.reviewer
        let record = ApprovalRecord(email: lead.email, name: lead.name, time: Date(timeIntervalSince1970: TimeInterval(git.clock.now)))
        try git.run(["notes", "--ref=\(LocalForge.notesRef)", "append", "-m", record.line, commit], as: lead)
    }
}
