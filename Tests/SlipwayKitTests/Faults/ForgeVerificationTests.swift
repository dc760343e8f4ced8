import Foundation
import Testing
@testable import SlipwayKit

/// Trust, but verify: a forge or backend that exits 0 without acting is caught by reading the state back, the
/// action reported failed and audited so; a hung forge is given up on within its deadline, named with its argv.
@Suite struct ForgeVerificationTests {
    /// A project on GitHub (a fake `gh` running `body`) with the release branch prepared.
    func prepared(_ body: String) throws -> (engine: ReleaseEngine, log: String, keep: [Any]) {
        let (remote, clone) = try ReleaseEngineTests.project()
        try clone.write(".slipway.json", #"{"forge": {"kind": "github", "requiredApprovals": 1}}"#)
        try clone.git(["commit", "-q", "-am", "chore: use GitHub"])
        try clone.git(["push", "-q", "origin", "main"])
        let (folder, log) = try GitHubForgeTests.fakeGH(body)
        let repository = try clone.repository(as: ReleaseEngineTests.ada, path: folder + ":/usr/bin:/bin")
        var engine = ReleaseEngine(repository: repository, config: try SlipwayConfig.load(repositoryRoot: repository.root),
                                   files: ReleaseFileEditor())
        engine.today = { "2026-12-07" }
        _ = try engine.prepare()
        return (engine, log, [remote, clone])
    }

    func lastAudit(_ engine: ReleaseEngine) -> AuditEntry? {
        AuditLog(repository: engine.repository, remote: "origin").entries().entries.last
    }

    @Test func aMergeThatExitsZeroWithoutMergingFailsAndIsAuditedFailed() throws {
        let open = #"{"number":9,"url":"https://github.com/acme/web/pull/9","state":"OPEN","headRefOid":"HEAD_SHA","author":{"login":"ada"},"reviews":[{"author":{"login":"lin"},"state":"APPROVED","submittedAt":"2026-12-07T08:00:00Z","commit":{"oid":"HEAD_SHA"}}],"statusCheckRollup":[]}"#
        let (engine, log, keep) = try prepared("""
        case "$1 $2" in
          "pr list") echo '[{"number":9}]' ;;
          "pr view") echo '\(open)' ;;
          "pr merge") exit 0 ;;
          *) echo "unexpected: $*" >&2; exit 1 ;;
        esac
        """)
        defer { withExtendedLifetime(keep) {} }
        #expect { try engine.merge() } throws: { error in
            String(describing: error).contains("reported the merge done, but the PR from release/v1.1.0 is still open; nothing was merged")
        }
        #expect(try String(contentsOfFile: log, encoding: .utf8).contains("pr merge release/v1.1.0 --merge"))
        #expect(lastAudit(engine)?.action == "release.merge" && lastAudit(engine)?.outcome == "failed")
        #expect(try engine.status(fetch: false).state(of: .merge)?.name != "done")
    }

    @Test func anOpenPRThatExitsZeroWithoutAPRFails() throws {
        let (engine, _, keep) = try prepared("""
        case "$1 $2" in
          "pr list") echo '[]' ;;
          "pr create") echo 'https://github.com/acme/web/pull/10' ;;
          *) echo "unexpected: $*" >&2; exit 1 ;;
        esac
        """)
        defer { withExtendedLifetime(keep) {} }
        #expect { try engine.openPullRequest() } throws: { error in
            String(describing: error).contains("reported the PR opened, but no open PR from release/v1.1.0 into main can be found")
        }
        #expect(lastAudit(engine)?.action == "release.pull-request" && lastAudit(engine)?.outcome == "failed")
    }

    @Test func anApprovalThatIsNotRecordedFails() throws {
        let open = #"{"number":9,"state":"OPEN","headRefOid":"h","author":{"login":"ada"},"reviews":[],"statusCheckRollup":[]}"#
        let (engine, _, keep) = try prepared("""
        case "$1 $2" in
          "pr list") echo '[{"number":9}]' ;;
          "pr view") echo '\(open)' ;;
          "pr review") exit 0 ;;
          *) echo "unexpected: $*" >&2; exit 1 ;;
        esac
        """)
        defer { withExtendedLifetime(keep) {} }
        #expect { try engine.approve() } throws: { error in
            String(describing: error).contains("reported the approval done, but the PR shows no new approval (0 of 1)")
        }
        #expect(lastAudit(engine)?.outcome == "failed")
    }

    /// A hung `gh`: the query is stopped at its 20 s deadline with the argv named; the next query in the same
    /// process does not wait again.
    @Test func aHungForgeIsGivenUpOnOnceWithinItsDeadline() throws {
        let (folder, _) = try GitHubForgeTests.fakeGH("exec sleep 100")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let repo = try TestRepository()
        try repo.commit("chore: init")
        let forge = GitHubForge(repository: try repo.repository(as: ReleaseEngineTests.ada, path: folder + ":/usr/bin:/bin"))
        let start = Date()
        #expect { try forge.pullRequest(branch: "release/v1.1.0", base: "main") } throws: { error in
            String(describing: error).contains("gh pr list --head release/v1.1.0 --base main --state all --json number --limit 1 did not finish within 20 s")
        }
        let first = Date().timeIntervalSince(start)
        #expect(first >= 19 && first < 60, "waited \(first) s")
        let again = Date()
        #expect { try forge.publishRuns(tag: "v1.1.0", commit: "abc") } throws: { error in
            String(describing: error).contains("did not answer within 20 s a moment ago; not asked again")
        }
        #expect(Date().timeIntervalSince(again) < 5)
    }

    /// helm says it upgraded, and the release did not move: the promotion fails, audited failed.
    @Test func aBackendThatExitsZeroWithoutDeployingFails() throws {
        let helm = try FakeHelm()
        try helm.write("mode", "noop")
        let app = try TestRepository()
        try app.commit("chore: init")
        let backend = helm.backend()
        let pipeline = EnvironmentPipeline(repository: try app.repository(), config: SlipwayConfig(),
                                           environments: [EnvironmentSettings(name: "production", backend: .helm(FakeHelm.settings))]) { _ in backend }
        let plan = PromotionPlan(environment: pipeline.environments[0], current: "1.2.0", target: "1.3.0", source: nil, offered: ["1.3.0"])
        #expect { try pipeline.promote(plan, confirmation: "production") } throws: { error in
            String(describing: error).contains("the backend reported success, but production runs 1.2.0 (deployed), not 1.3.0")
        }
        let entry = pipeline.audit.entries().entries.last
        #expect(entry?.action == "env.promote" && entry?.outcome == "failed")
    }
}
