import Foundation

/// GitHub through `gh`: `pr create`, `pr view --json`, `pr review --approve`, `pr merge`, `run list`.
public struct GitHubForge: Forge {
    public let repository: GitRepository
    public let remote: String
    public var kind: ForgeSettings.Kind { .github }
    var gh: ForgeCLI { ForgeCLI(program: "gh", repository: repository, loginHint: "gh auth login") }

    public init(repository: GitRepository, remote: String = "origin") {
        self.repository = repository
        self.remote = remote
    }

    static let viewFields = "number,url,state,headRefOid,author,reviews,reviewDecision,mergeable,statusCheckRollup"

    public func pullRequest(branch: String, base: String) throws -> PullRequestState? {
        let list = try gh.json(["pr", "list", "--head", branch, "--base", base, "--state", "all", "--json", "number", "--limit", "1"])
        guard let number = list.arrayValue.first?["number"]?.intValue else { return nil }
        let view = try gh.json(["pr", "view", String(number), "--json", Self.viewFields])
        return Self.parse(view)
    }

    /// Reads `gh pr view --json` (states and check values are UPPERCASE there).
    static func parse(_ view: JSONValue) -> PullRequestState {
        let head = view["headRefOid"]?.stringValue ?? ""
        let author = view["author"]?["login"]?.stringValue ?? ""
        let state: PullRequestState.State
        switch view["state"]?.stringValue?.uppercased() {
        case "MERGED": state = .merged
        case "CLOSED": state = .closed
        default: state = .open
        }
        let reviews = (view["reviews"]?.arrayValue ?? []).compactMap { review -> ReviewApproval? in
            guard let login = review["author"]?["login"]?.stringValue else { return nil }
            let reviewState: ReviewApproval.State
            switch review["state"]?.stringValue?.uppercased() {
            case "APPROVED": reviewState = .approved
            case "CHANGES_REQUESTED": reviewState = .changesRequested
            case "DISMISSED": reviewState = .dismissed
            default: reviewState = .commented
            }
            let commit = review["commit"]?["oid"]?.stringValue
            return ReviewApproval(reviewer: login, name: login, state: reviewState, time: JSONValue.date(review["submittedAt"]),
                                  stale: commit != nil && commit != head, isAuthor: login == author)
        }
        // The latest review of each reviewer is the one that stands.
        var latest: [String: ReviewApproval] = [:]
        for review in reviews where review.state != .commented {
            if let existing = latest[review.reviewer], (existing.time ?? .distantPast) > (review.time ?? .distantPast) { continue }
            latest[review.reviewer] = review
        }
        let checks = (view["statusCheckRollup"]?.arrayValue ?? []).map { check in
            CheckRun(name: check["name"]?.stringValue ?? check["context"]?.stringValue ?? "check",
                     status: check["status"]?.stringValue ?? check["state"]?.stringValue ?? "",
                     conclusion: check["conclusion"]?.stringValue ?? check["state"]?.stringValue ?? "",
                     url: check["detailsUrl"]?.stringValue ?? check["targetUrl"]?.stringValue)
        }
        let mergeable: Bool?
        switch view["mergeable"]?.stringValue {
        case "MERGEABLE": mergeable = true
        case "CONFLICTING": mergeable = false
        default: mergeable = nil
        }
        return PullRequestState(number: view["number"]?.intValue, url: view["url"]?.stringValue, state: state, headSHA: head,
                                author: author, reviews: latest.values.sorted { $0.reviewer < $1.reviewer }, checks: checks,
                                mergeable: mergeable)
    }

    public func openCommands(branch: String, base: String, title: String, body: String) -> [[String]] {
        [["gh", "pr", "create", "--base", base, "--head", branch, "--title", title, "--body", body]]
    }

    public func open(branch: String, base: String, title: String, body: String) throws {
        let push = try repository.gitUnchecked(["push", "--quiet", "--set-upstream", "--end-of-options", remote, "refs/heads/\(branch):refs/heads/\(branch)"], timeout: 300)
        guard push.status.isSuccess else {
            throw ForgeError("pushing \(branch) to \(remote) was rejected: \(push.errorSummary)")
        }
        if try pullRequest(branch: branch, base: base) != nil { return }
        _ = try gh.run(Array(openCommands(branch: branch, base: base, title: title, body: body)[0].dropFirst()))
    }

    public func approveCommands(branch: String, base: String) -> [[String]] {
        [["gh", "pr", "review", branch, "--approve", "--body", "Approved with slipway"]]
    }

    public func approve(branch: String, base: String, identity: GitIdentity) throws {
        _ = try gh.run(Array(approveCommands(branch: branch, base: base)[0].dropFirst()))
    }

    public func mergeCommands(branch: String, base: String, message: String) -> [[String]] {
        [["gh", "pr", "merge", branch, "--merge", "--subject", message]]
    }

    public func merge(branch: String, base: String, message: String) throws {
        _ = try gh.run(Array(mergeCommands(branch: branch, base: base, message: message)[0].dropFirst()), timeout: 300)
        _ = try? repository.gitUnchecked(["fetch", "--quiet", "--end-of-options", remote], timeout: 300)
    }

    /// `gh run list --commit SHA --json …` (values are lowercase there).
    public func publishRuns(tag: String, commit: String) throws -> [CheckRun]? {
        let runs = try gh.json(["run", "list", "--commit", commit, "--json", "databaseId,name,status,conclusion,url,event,headBranch"])
        return runs.arrayValue.filter { $0["headBranch"]?.stringValue == tag || $0["event"]?.stringValue == "push" }.map {
            CheckRun(name: $0["name"]?.stringValue ?? "run", status: $0["status"]?.stringValue ?? "",
                     conclusion: $0["conclusion"]?.stringValue ?? "", url: $0["url"]?.stringValue)
        }
    }
}
