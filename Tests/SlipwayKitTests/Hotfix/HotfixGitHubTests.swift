import Foundation
import Testing
@testable import SlipwayKit

/// The hotfix flow through the GitHub forge: a fake `gh` on PATH answers in gh's JSON and records its argv.
@Suite struct HotfixGitHubTests {
    @Test func theHotfixPRGoesToTheMaintenanceBranchAndALeadsLoginFastTracksIt() throws {
        let (remote, clone) = try HotfixEngineTests.project()
        try clone.write(".slipway.json", #"{"forge": {"kind": "github", "techLeads": ["lin"]}}"#)
        try clone.git(["commit", "-q", "-am", "chore: use GitHub"])
        try clone.git(["push", "-q", "origin", "main"])
        let state = try TestRepository.makeTemporaryFolder("fake-gh-state")
        defer { try? FileManager.default.removeItem(atPath: state) }
        let (folder, log) = try GitHubForgeTests.fakeGH("""
        head=$(git rev-parse refs/remotes/origin/hotfix/v1.0.1)
        case "$1 $2" in
          "pr list") if [ -f "\(state)/$(echo "$4" | tr / _)" ]; then echo '[{"number":7}]'; else echo '[]'; fi ;;
          "pr create") touch "\(state)/$(echo "$6" | tr / _)"; echo 'https://github.com/acme/web/pull/7' ;;
          "pr view") echo "{\\"number\\":7,\\"url\\":\\"https://github.com/acme/web/pull/7\\",\\"state\\":\\"OPEN\\",\\"headRefOid\\":\\"$head\\",\\"author\\":{\\"login\\":\\"ada\\"},\\"reviews\\":[{\\"author\\":{\\"login\\":\\"kim\\"},\\"state\\":\\"APPROVED\\",\\"submittedAt\\":\\"2026-11-26T08:00:00Z\\",\\"commit\\":{\\"oid\\":\\"$head\\"}},{\\"author\\":{\\"login\\":\\"lin\\"},\\"state\\":\\"APPROVED\\",\\"submittedAt\\":\\"2026-11-26T09:00:00Z\\",\\"commit\\":{\\"oid\\":\\"$head\\"}}],\\"statusCheckRollup\\":[]}" ;;
          "pr merge") ;;
          *) echo "unexpected: $*" >&2; exit 1 ;;
        esac
        """)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let repository = try clone.repository(as: HotfixEngineTests.ada, path: folder + ":/usr/bin:/bin")
        var engine = HotfixEngine(repository: repository, config: try SlipwayConfig.load(repositoryRoot: clone.root))
        engine.today = { "2026-11-26" }

        _ = try engine.start(from: "v1.0.0")
        try clone.git(["checkout", "-q", "hotfix/v1.0.1"])
        try clone.commitFile("app.txt", "one\ntwo fixed\nthree\n", message: "fix: two no longer crashes")
        try clone.git(["push", "-q", "origin", "hotfix/v1.0.1"])
        try clone.git(["checkout", "-q", "main"])
        _ = try engine.prepare(HotfixEngineTests.v101)
        #expect(try remote.git(["rev-parse", "maintenance/v1.0.x"]) == (try remote.git(["rev-parse", "v1.0.0^{commit}"])))
        let merged = try engine.merge(HotfixEngineTests.v101)
        #expect(merged.message.contains("fast-tracked by lin <lin>"))

        let calls = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(calls.contains { $0.hasPrefix("pr create --base maintenance/v1.0.x --head hotfix/v1.0.1 --title chore(release): 1.0.1") })
        #expect(calls.contains("pr merge hotfix/v1.0.1 --merge --subject Merge hotfix v1.0.1"))
        #expect(!calls.contains { $0.contains("--base main ") })
        // The backport is opened as a PR into main.
        _ = try engine.backport(HotfixEngineTests.v101)
        #expect(try remote.git(["log", "--format=%B", "main..backport/v1.0.1"]).contains("(cherry picked from commit "))
        let all = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(all.contains { $0.hasPrefix("pr create --base main --head backport/v1.0.1 --title fix: backport hotfix v1.0.1 to main") })
        let board = try HotfixBoard.load(engine)
        #expect(board.rows.first?.techLeadApproval == "lin <lin>")
        #expect(board.rows.first?.otherApprovals == ["kim (not a tech lead)"])
    }
}
