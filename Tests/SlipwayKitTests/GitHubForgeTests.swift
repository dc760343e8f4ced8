import Foundation
import Testing
@testable import SlipwayKit

/// GitHub cannot run here: a fake `gh` on PATH answers in gh's documented JSON and records its argv.
@Suite struct GitHubForgeTests {
    /// Writes an executable `gh` into a fresh folder; it appends its argv to `calls.log` and runs `body`.
    static func fakeGH(_ body: String) throws -> (folder: String, log: String) { try fakeTool("gh", body) }

    /// Writes an executable `name` into a fresh folder; it appends its argv to `calls.log` and runs `body`.
    static func fakeTool(_ name: String, _ body: String) throws -> (folder: String, log: String) {
        let folder = try TestRepository.makeTemporaryFolder("fake-\(name)")
        let log = folder + "/calls.log"
        let script = """
        #!/bin/sh
        printf '%s\\n' "$*" >> '\(log)'
        \(body)
        """
        try Data(script.utf8).write(to: URL(fileURLWithPath: folder + "/" + name))
        chmod(folder + "/" + name, 0o755)
        return (folder, log)
    }

    static let prView = #"""
    {"number":42,"url":"https://github.com/acme/web/pull/42","state":"OPEN","headRefOid":"aaaa1111",
     "author":{"login":"ada"},"reviewDecision":"REVIEW_REQUIRED","mergeable":"MERGEABLE",
     "reviews":[
       {"author":{"login":"lin"},"state":"APPROVED","submittedAt":"2026-11-20T10:00:00Z","commit":{"oid":"aaaa1111"}},
       {"author":{"login":"kim"},"state":"APPROVED","submittedAt":"2026-11-19T10:00:00Z","commit":{"oid":"0ld0ld00"}},
       {"author":{"login":"ada"},"state":"APPROVED","submittedAt":"2026-11-20T11:00:00Z","commit":{"oid":"aaaa1111"}},
       {"author":{"login":"bo"},"state":"COMMENTED","submittedAt":"2026-11-20T12:00:00Z","commit":{"oid":"aaaa1111"}}
     ],
     "statusCheckRollup":[{"__typename":"CheckRun","name":"build","status":"COMPLETED","conclusion":"SUCCESS","detailsUrl":"https://ci/1"},
                          {"__typename":"CheckRun","name":"e2e","status":"IN_PROGRESS","conclusion":"","detailsUrl":"https://ci/2"}]}
    """#

    @Test func readsThePRAndRecordsTheCalls() throws {
        let (folder, log) = try Self.fakeGH("""
        case "$1 $2" in
          "pr list") echo '[{"number":42}]' ;;
          "pr view") cat <<'JSON'
        \(Self.prView)
        JSON
          ;;
          "run list") echo '[{"databaseId":7,"name":"publish","status":"completed","conclusion":"success","url":"https://ci/7","event":"push","headBranch":"v1.1.0"}]' ;;
          *) echo "unexpected: $*" >&2; exit 1 ;;
        esac
        """)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let repo = try TestRepository()
        try repo.commit("chore: init")
        let forge = GitHubForge(repository: try repo.repository(as: ReleaseEngineTests.ada, path: folder + ":/usr/bin:/bin"))
        let state = try #require(try forge.pullRequest(branch: "release/v1.1.0", base: "main"))
        #expect(state.number == 42 && state.state == .open)
        #expect(state.countingApprovals == 1)   // kim's is stale, ada wrote it, bo only commented
        #expect(state.reviews.first { $0.reviewer == "kim" }?.stale == true)
        #expect(state.reviews.first { $0.reviewer == "ada" }?.isAuthor == true)
        #expect(state.checks.map(\.status) == ["completed", "in_progress"])
        #expect(state.checks[0].succeeded && !state.checks[1].finished)
        let runs = try #require(try forge.publishRuns(tag: "v1.1.0", commit: "abc"))
        #expect(runs.count == 1 && runs[0].succeeded)
        let calls = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n")
        #expect(calls[0] == "pr list --head release/v1.1.0 --base main --state all --json number --limit 1")
        #expect(calls[1] == "pr view 42 --json number,url,state,headRefOid,author,reviews,reviewDecision,mergeable,statusCheckRollup")
        #expect(calls[2] == "run list --commit abc --json databaseId,name,status,conclusion,url,event,headBranch")
    }

    @Test func notLoggedInAndMissingAreNamed() throws {
        let (folder, _) = try Self.fakeGH("echo 'To get started with GitHub CLI, please run:  gh auth login' >&2; exit 4")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let repo = try TestRepository()
        try repo.commit("chore: init")
        let forge = GitHubForge(repository: try repo.repository(as: ReleaseEngineTests.ada, path: folder + ":/usr/bin:/bin"))
        #expect { try forge.pullRequest(branch: "b", base: "main") } throws: { error in
            String(describing: error).contains("gh is not logged in; run `gh auth login`")
        }
        let missing = GitHubForge(repository: try repo.repository(as: ReleaseEngineTests.ada, path: "/usr/bin:/bin"))
        #expect { try missing.pullRequest(branch: "b", base: "main") } throws: { error in
            String(describing: error).contains("gh is not installed")
        }
    }

    @Test func garbageIsAnErrorNotACrash() throws {
        let (folder, _) = try Self.fakeGH("echo '<html>502 Bad Gateway</html>'")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let repo = try TestRepository()
        try repo.commit("chore: init")
        let forge = GitHubForge(repository: try repo.repository(as: ReleaseEngineTests.ada, path: folder + ":/usr/bin:/bin"))
        #expect { try forge.pullRequest(branch: "b", base: "main") } throws: { error in
            String(describing: error).contains("printed something that is not JSON")
        }
    }

    /// Someone closed the release PR on GitHub without merging it: status says so with the way on, approvals are
    /// blocked, and merge refuses without calling `gh pr merge`.
    @Test func aReleasePRClosedBySomeoneElseIsReportedAndMergeRefuses() throws {
        let (remote, clone) = try ReleaseEngineTests.project()
        defer { withExtendedLifetime(remote) {} }
        try clone.write(".slipway.json", #"{"forge": {"kind": "github", "requiredApprovals": 1}}"#)
        try clone.git(["commit", "-q", "-am", "chore: use GitHub"])
        try clone.git(["push", "-q", "origin", "main"])
        let (folder, log) = try Self.fakeGH("""
        case "$1 $2" in
          "pr list") echo '[{"number":9}]' ;;
          "pr view") echo '{"number":9,"url":"https://github.com/acme/web/pull/9","state":"CLOSED","headRefOid":"aaaa1111","author":{"login":"ada"},"reviews":[{"author":{"login":"lin"},"state":"APPROVED","submittedAt":"2026-11-26T08:00:00Z","commit":{"oid":"aaaa1111"}}],"statusCheckRollup":[]}' ;;
          *) echo "unexpected: $*" >&2; exit 1 ;;
        esac
        """)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let repository = try clone.repository(as: ReleaseEngineTests.ada, path: folder + ":/usr/bin:/bin")
        var engine = ReleaseEngine(repository: repository, config: try SlipwayConfig.load(repositoryRoot: repository.root),
                                   files: ReleaseFileEditor())
        engine.today = { "2026-11-26" }
        _ = try engine.prepare()
        let status = try engine.status()
        let pullRequest = try #require(status.state(of: .pullRequest))
        #expect(pullRequest.name == "failed")
        #expect(String(describing: pullRequest).contains("#9 was closed without merging"), "\(pullRequest)")
        #expect(status.state(of: .approvals)?.name == "blocked")
        #expect(status.state(of: .merge)?.name == "blocked")
        #expect(String(describing: status.state(of: .merge)).contains("closed without merging"))
        #expect { try engine.merge() } throws: { error in
            String(describing: error).contains("closed without merging")
        }
        let calls = try String(contentsOfFile: log, encoding: .utf8)
        #expect(!calls.contains("pr merge"))
    }
}
