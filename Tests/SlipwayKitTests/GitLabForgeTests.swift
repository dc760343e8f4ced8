import Foundation
import Testing
@testable import SlipwayKit

/// GitLab cannot run here: a fake `glab` on PATH answers in GitLab's API JSON and records its argv.
@Suite struct GitLabForgeTests {
    static let mergeRequest = #"""
    {"iid": 7, "web_url": "https://gitlab.example/acme/web/-/merge_requests/7", "state": "opened",
     "sha": "bbbb2222", "author": {"username": "ada"}, "merge_status": "can_be_merged",
     "head_pipeline": {"id": 90, "status": "running", "web_url": "https://gitlab.example/p/90"}}
    """#
    static let approvals = #"""
    {"approvals_required": 2, "approvals_left": 1,
     "approved_by": [{"user": {"username": "lin", "name": "Lin Lead"}, "approved_at": "2026-11-26T10:05:00.000Z"},
                     {"user": {"username": "kim", "name": "Kim Ops"}, "approved_at": "2026-11-26T08:00:00.000Z"},
                     {"user": {"username": "ada", "name": "Ada"}}]}
    """#
    /// The MR's versions (one per push, newest first): bbbb2222 was pushed at 09:30, after kim approved.
    static let versions = #"""
    [{"id": 12, "head_commit_sha": "bbbb2222", "base_commit_sha": "0000", "start_commit_sha": "0000",
      "created_at": "2026-11-26T09:30:00.123Z", "merge_request_id": 70, "state": "collected", "real_size": "2"},
     {"id": 11, "head_commit_sha": "aaaa1111", "base_commit_sha": "0000", "start_commit_sha": "0000",
      "created_at": "2026-11-25T17:00:00.000Z", "merge_request_id": 70, "state": "collected", "real_size": "1"}]
    """#

    @Test func readsTheMergeRequestAndItsApprovals() throws {
        let (folder, log) = try GitHubForgeTests.fakeTool("glab", """
        case "$1 $2" in
          "mr list") echo '[{"iid": 7}]' ;;
          "mr view") cat <<'JSON'
        \(Self.mergeRequest)
        JSON
          ;;
          "api projects/:id/merge_requests/7/approvals") cat <<'JSON'
        \(Self.approvals)
        JSON
          ;;
          "api projects/:id/merge_requests/7/versions") cat <<'JSON'
        \(Self.versions)
        JSON
          ;;
          "api projects/:id/pipelines?ref=v1.1.0") echo '[{"id": 91, "status": "failed", "web_url": "https://gitlab.example/p/91"}]' ;;
          *) echo "unexpected: $*" >&2; exit 1 ;;
        esac
        """)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let repo = try TestRepository()
        try repo.commit("chore: init")
        let forge = GitLabForge(repository: try repo.repository(as: ReleaseEngineTests.ada, path: folder + ":/usr/bin:/bin"))
        let state = try #require(try forge.pullRequest(branch: "release/v1.1.0", base: "main"))
        #expect(state.number == 7 && state.state == .open && state.headSHA == "bbbb2222")
        #expect(state.countingApprovals == 1)   // ada wrote it; kim approved before the last push (stale)
        #expect(state.reviews.first { $0.reviewer == "ada" }?.isAuthor == true)
        #expect(state.reviews.first { $0.reviewer == "kim" }?.stale == true)
        #expect(state.reviews.first { $0.reviewer == "lin" }?.stale == false)
        #expect(state.reviews.first { $0.reviewer == "lin" }?.time == ISO8601DateFormatter().date(from: "2026-11-26T10:05:00Z"))
        #expect(state.checks.first?.status == "running" && state.checks.first?.finished == false)
        #expect(state.mergeable == true)
        let runs = try #require(try forge.publishRuns(tag: "v1.1.0", commit: "abc"))
        #expect(runs.count == 1 && runs[0].failed)
        let calls = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n")
        #expect(calls[0] == "mr list --source-branch release/v1.1.0 --target-branch main --all -F json")
        #expect(calls[1] == "mr view 7 -F json")
        #expect(calls[2] == "api projects/:id/merge_requests/7/approvals")
        #expect(calls[3] == "api projects/:id/merge_requests/7/versions")
        #expect(calls[4] == "api projects/:id/pipelines?ref=v1.1.0")
    }

    @Test func notLoggedInIsNamed() throws {
        let (folder, _) = try GitHubForgeTests.fakeTool("glab", "echo 'You are not logged into any GitLab hosts. Run glab auth login' >&2; exit 1")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let repo = try TestRepository()
        try repo.commit("chore: init")
        let forge = GitLabForge(repository: try repo.repository(as: ReleaseEngineTests.ada, path: folder + ":/usr/bin:/bin"))
        #expect { try forge.pullRequest(branch: "b", base: "main") } throws: { error in
            String(describing: error).contains("glab is not logged in; run `glab auth login`")
        }
    }

    /// Without approval times (older GitLab) or without the versions, nothing is marked stale: an approval
    /// is never thrown away on a guess.
    @Test func withoutTimesNoApprovalIsStale() {
        let view = try! JSONParser.parse(Array(Self.mergeRequest.utf8))
        let untimed = try! JSONParser.parse(Array(#"{"approved_by": [{"user": {"username": "lin"}}]}"#.utf8))
        let timed = try! JSONParser.parse(Array(#"{"approved_by": [{"user": {"username": "lin"}, "approved_at": "2026-11-26T08:00:00Z"}]}"#.utf8))
        let versions = try! JSONParser.parse(Array(Self.versions.utf8))
        #expect(GitLabForge.parse(view, approvals: untimed, versions: versions).countingApprovals == 1)
        #expect(GitLabForge.parse(view, approvals: timed, versions: nil).countingApprovals == 1)
        #expect(GitLabForge.parse(view, approvals: timed, versions: versions).countingApprovals == 0)
    }
}
