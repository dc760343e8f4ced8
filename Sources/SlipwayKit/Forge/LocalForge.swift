import Foundation

/// The embedded forge for teams with a plain git remote: the release branch on the remote is the PR, an
/// approval is a line in `git notes --ref=slipway/approvals` on the release commit, merge is `git merge --no-ff`.
public struct LocalForge: Forge {
    public let repository: GitRepository
    public let remote: String
    public var kind: ForgeSettings.Kind { .local }

    public static let notesRef = "refs/notes/slipway/approvals"

    public init(repository: GitRepository, remote: String = "origin") {
        self.repository = repository
        self.remote = remote
    }

    public func pullRequest(branch: String, base: String) throws -> PullRequestState? {
        let remoteBranch = "refs/remotes/\(remote)/\(branch)"
        guard let head = try? repository.resolveCommit(remoteBranch) else { return nil }
        try fetchNotes()
        let author = try repository.git(["log", "-1", "--format=%ae", head]).trimmedText
        let baseRef = "refs/remotes/\(remote)/\(base)"
        let merged = (try? repository.resolveCommit(baseRef)) != nil
            && ((try? repository.gitUnchecked(["merge-base", "--is-ancestor", head, baseRef]))?.status.isSuccess ?? false)
        // Approvals on the tip count; those on earlier commits of the branch were given before the last push.
        let range = (try? repository.resolveCommit(baseRef)) != nil ? "\(baseRef)..\(head)" : head
        let commits = try repository.git(["rev-list", range]).text.split(separator: "\n").map(String.init)
        var reviews: [ReviewApproval] = []
        for commit in merged ? [head] : (commits.isEmpty ? [head] : commits) {
            let note = try repository.gitUnchecked(["notes", "--ref=\(Self.notesRef)", "show", commit])
            guard note.status.isSuccess else { continue }
            for line in note.text.split(separator: "\n") {
                guard let record = ApprovalRecord.parse(String(line)) else { continue }
                reviews.append(ReviewApproval(reviewer: record.email, name: record.name, state: .approved,
                                              time: record.time, stale: commit != head,
                                              isAuthor: record.email.lowercased() == author.lowercased()))
            }
        }
        // One per identity: the newest current one wins.
        var seen = Set<String>()
        var unique: [ReviewApproval] = []
        for review in reviews.sorted(by: { ($0.stale ? 1 : 0, -($0.time?.timeIntervalSince1970 ?? 0)) < ($1.stale ? 1 : 0, -($1.time?.timeIntervalSince1970 ?? 0)) }) {
            let key = review.reviewer.lowercased()
            if seen.insert(key).inserted { unique.append(review) }
        }
        return PullRequestState(number: nil, url: nil, state: merged ? .merged : .open, headSHA: head, author: author,
                                reviews: unique)
    }

    public func openCommands(branch: String, base: String, title: String, body: String) -> [[String]] {
        [["git", "push", "--set-upstream", remote, "refs/heads/\(branch):refs/heads/\(branch)"]]
    }

    public func open(branch: String, base: String, title: String, body: String) throws {
        try push(["refs/heads/\(branch):refs/heads/\(branch)"], what: "the release branch \(branch)")
    }

    /// The approval note as it will be written; only its time is set when it runs.
    var approvalText: String {
        guard let identity = try? GitIdentity.current(repository) else { return "approved-by YOUR-EMAIL (the time it runs) YOUR-NAME" }
        return "approved-by \(identity.email) (the time it runs) \(identity.name)"
    }

    /// The commit the approval is for: the release branch's tip on the remote.
    func releaseCommit(_ branch: String) -> String {
        (try? repository.resolveCommit("refs/remotes/\(remote)/\(branch)")) ?? "(the tip of \(remote)/\(branch), once it is pushed)"
    }

    public func approveCommands(branch: String, base: String) -> [[String]] {
        [["git", "fetch", remote, "+\(Self.notesRef):\(Self.notesRef)"],
         ["git", "notes", "--ref=\(Self.notesRef)", "append", "-m", approvalText, releaseCommit(branch)],
         ["git", "push", remote, Self.notesRef]]
    }

    public func approve(branch: String, base: String, identity: GitIdentity) throws {
        guard let state = try pullRequest(branch: branch, base: base) else {
            throw ForgeError("there is no release branch \(branch) on \(remote) to approve; run `slipway release prepare` first")
        }
        guard state.state == .open else { throw ForgeError("\(branch) is already merged; nothing to approve") }
        if state.reviews.contains(where: { $0.reviewer.lowercased() == identity.email.lowercased() && !$0.stale }) {
            throw ForgeError("\(identity) has already approved \(branch) at \(state.headSHA.prefix(7))")
        }
        let record = ApprovalRecord(email: identity.email, name: identity.name, time: Date()).line
        for attempt in 1...3 {
            try repository.git(["notes", "--ref=\(Self.notesRef)", "append", "-m", record, state.headSHA])
            let pushed = try repository.gitUnchecked(["push", "--end-of-options", remote, Self.notesRef], timeout: 120)
            if pushed.status.isSuccess { return }
            // Someone else approved at the same moment: take theirs and add ours again.
            try fetchNotes()
            if attempt == 3 {
                throw ForgeError("the approval could not be pushed to \(remote): \(pushed.errorSummary)")
            }
        }
    }

    public func mergeCommands(branch: String, base: String, message: String) -> [[String]] {
        [["git", "checkout", base],
         ["git", "merge", "--ff-only", "refs/remotes/\(remote)/\(base)"],
         ["git", "merge", "--no-ff", "-m", message, "refs/remotes/\(remote)/\(branch)"],
         ["git", "push", remote, "refs/heads/\(base):refs/heads/\(base)"]]
    }

    public func merge(branch: String, base: String, message: String) throws {
        for command in mergeCommands(branch: branch, base: base, message: message).dropLast() {
            let output = try repository.gitUnchecked(Array(command.dropFirst()))
            guard output.status.isSuccess else {
                _ = try? repository.gitUnchecked(["merge", "--abort"])
                throw ForgeError("`\(command.joined(separator: " "))` failed: \(CommandError(invocation: output.invocation, kind: .failed(output.status), stderr: output.stderr).outputTail)")
            }
        }
        try push(["refs/heads/\(base):refs/heads/\(base)"], what: base)
    }

    public func publishRuns(tag: String, commit: String) throws -> [CheckRun]? { nil }

    /// Takes the remote's approvals (they are the record; a local-only note is never relied on).
    func fetchNotes() throws {
        let output = try repository.gitUnchecked(["fetch", "--quiet", "--end-of-options", remote, "+\(Self.notesRef):\(Self.notesRef)"], timeout: 30)
        if !output.status.isSuccess, !output.errorText.contains("couldn't find remote ref") {
            throw ForgeError("approvals could not be fetched from \(remote): \(output.errorSummary)")
        }
    }

    private func push(_ refspecs: [String], what: String) throws {
        let output = try repository.gitUnchecked(["push", "--quiet", "--end-of-options", remote] + refspecs, timeout: 300)
        guard output.status.isSuccess else {
            let reason = output.errorText.contains("rejected") || output.errorText.contains("fetch first")
                ? "the remote has commits this clone does not (someone pushed first); fetch, check, and run again"
                : output.errorSummary
            throw ForgeError("pushing \(what) to \(remote) was rejected: \(reason)")
        }
    }
}

/// One approval line in the notes: `approved-by <email> <ISO time> <name>`.
struct ApprovalRecord {
    var email: String
    var name: String
    var time: Date

    var line: String {
        "approved-by \(email) \(ISO8601DateFormatter().string(from: time)) \(name)"
    }

    static func parse(_ line: String) -> ApprovalRecord? {
        let parts = line.split(separator: " ", maxSplits: 3).map(String.init)
        guard parts.count >= 3, parts[0] == "approved-by", let time = ISO8601DateFormatter().date(from: parts[2]) else { return nil }
        return ApprovalRecord(email: parts[1], name: parts.count > 3 ? parts[3] : parts[1], time: time)
    }
}
