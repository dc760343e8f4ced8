import Foundation

/// GitLab through `glab`: `mr create`, `mr view -F json`, `mr approve`, `mr merge`, and the pipelines API.
public struct GitLabForge: Forge {
    public let repository: GitRepository
    public let remote: String
    public var kind: ForgeSettings.Kind { .gitlab }
    var glab: ForgeCLI { ForgeCLI(program: "glab", repository: repository, loginHint: "glab auth login") }

    public init(repository: GitRepository, remote: String = "origin") {
        self.repository = repository
        self.remote = remote
    }

    public func pullRequest(branch: String, base: String) throws -> PullRequestState? {
        let list = try glab.json(["mr", "list", "--source-branch", branch, "--target-branch", base, "--all", "-F", "json"])
        guard let iid = list.arrayValue.first?["iid"]?.intValue else { return nil }
        let view = try glab.json(["mr", "view", String(iid), "-F", "json"])
        let approvals = try glab.json(["api", "projects/:id/merge_requests/\(iid)/approvals"])
        // When the head was pushed: an approval given before it is stale. (Newer GitLab gives approval times,
        // `approved_at`; without them, or without the versions, nothing is marked stale.)
        let versions = try? glab.json(["api", "projects/:id/merge_requests/\(iid)/versions"])
        return Self.parse(view, approvals: approvals, versions: versions)
    }

    /// Reads `glab mr view -F json`, the approvals API answer and the MR's versions (one per push, newest first).
    static func parse(_ view: JSONValue, approvals: JSONValue, versions: JSONValue? = nil) -> PullRequestState {
        let state: PullRequestState.State
        switch view["state"]?.stringValue {
        case "merged": state = .merged
        case "closed": state = .closed
        default: state = .open
        }
        let author = view["author"]?["username"]?.stringValue ?? ""
        let head = view["sha"]?.stringValue
        let headPushed = versions?.arrayValue.first { $0["head_commit_sha"]?.stringValue == head }.flatMap { JSONValue.date($0["created_at"]) }
        let reviews = (approvals["approved_by"]?.arrayValue ?? []).compactMap { entry -> ReviewApproval? in
            guard let user = entry["user"]?["username"]?.stringValue else { return nil }
            let time = JSONValue.date(entry["approved_at"])
            let stale = time.map { approved in headPushed.map { approved < $0 } ?? false } ?? false
            return ReviewApproval(reviewer: user, name: entry["user"]?["name"]?.stringValue ?? user, state: .approved,
                                  time: time, stale: stale, isAuthor: user == author)
        }
        let pipeline = view["head_pipeline"] ?? view["pipeline"]
        let checks = pipeline.map { [CheckRun(name: "pipeline \($0["id"]?.intValue.map(String.init) ?? "")",
                                              status: $0["status"]?.stringValue ?? "",
                                              conclusion: Self.conclusion($0["status"]?.stringValue), url: $0["web_url"]?.stringValue)] } ?? []
        return PullRequestState(number: view["iid"]?.intValue, url: view["web_url"]?.stringValue, state: state,
                                headSHA: view["sha"]?.stringValue ?? "", author: author, reviews: reviews, checks: checks,
                                mergeable: view["merge_status"]?.stringValue.map { $0 == "can_be_merged" })
    }

    static func conclusion(_ status: String?) -> String {
        switch status {
        case "success": return "success"
        case "failed": return "failure"
        case "canceled": return "cancelled"
        case "skipped": return "skipped"
        default: return ""
        }
    }

    public func openCommands(branch: String, base: String, title: String, body: String) -> [[String]] {
        [["glab", "mr", "create", "--source-branch", branch, "--target-branch", base, "--title", title, "--description", body, "--yes"]]
    }

    public func open(branch: String, base: String, title: String, body: String) throws {
        let push = try repository.gitUnchecked(["push", "--quiet", "--set-upstream", "--end-of-options", remote, "refs/heads/\(branch):refs/heads/\(branch)"], timeout: 300)
        guard push.status.isSuccess else {
            throw ForgeError("pushing \(branch) to \(remote) was rejected: \(push.errorSummary)")
        }
        if try pullRequest(branch: branch, base: base) != nil { return }
        _ = try glab.run(Array(openCommands(branch: branch, base: base, title: title, body: body)[0].dropFirst()))
    }

    public func approveCommands(branch: String, base: String) -> [[String]] { [["glab", "mr", "approve", branch]] }

    public func approve(branch: String, base: String, identity: GitIdentity) throws {
        _ = try glab.run(["mr", "approve", branch])
    }

    public func mergeCommands(branch: String, base: String, message: String) -> [[String]] {
        [["glab", "mr", "merge", branch, "--yes", "--message", message]]
    }

    public func merge(branch: String, base: String, message: String) throws {
        _ = try glab.run(["mr", "merge", branch, "--yes", "--message", message], timeout: 300)
        _ = try? repository.gitUnchecked(["fetch", "--quiet", "--end-of-options", remote], timeout: 300)
    }

    public func publishRuns(tag: String, commit: String) throws -> [CheckRun]? {
        let pipelines = try glab.json(["api", "projects/:id/pipelines?ref=\(tag)"])
        return pipelines.arrayValue.map {
            CheckRun(name: "pipeline \($0["id"]?.intValue.map(String.init) ?? "")", status: $0["status"]?.stringValue ?? "",
                     conclusion: Self.conclusion($0["status"]?.stringValue), url: $0["web_url"]?.stringValue)
        }
    }
}
