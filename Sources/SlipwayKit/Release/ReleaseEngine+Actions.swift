import Foundation

extension ReleaseEngine {
    /// Runs `body` as `step`: journalled while in flight, audited when done (either way).
    func perform(_ step: ReleaseStep, version: SemanticVersion, commands: [String], dryRun: Bool,
                 journal: ReleaseJournal, note: String? = nil, _ body: () throws -> String) throws -> ActionReport {
        try perform(action: "release.\(step.key)", step: step.key, version: version, commands: commands, dryRun: dryRun,
                    journal: journal, journalKind: "release", finishes: step == .tag, note: note, body)
    }

    /// Runs `body` as the action `action` of any flow (a release, a hotfix): the journal of `journalKind` says it
    /// is in flight, the audit log gets its outcome (with `note`, e.g. an override's reason); `finishes` removes
    /// the journal when it succeeds.
    func perform(action: String, step: String, version: SemanticVersion, commands: [String], dryRun: Bool,
                 journal: ReleaseJournal, journalKind: String, finishes: Bool, note: String? = nil,
                 _ body: () throws -> String) throws -> ActionReport {
        if dryRun {
            return ActionReport(action: action, version: version.description, commands: commands, dryRun: true,
                                message: "dry run: nothing was changed")
        }
        // One release or hotfix action at a time in this clone: both move branches and the working tree.
        let lock = try OperationLock(repository: repository, scope: "repository", command: "slipway \(action.replacingOccurrences(of: ".", with: " "))")
        defer { lock.release() }
        var journal = journal
        journal.inFlight = ReleaseJournal.InFlight(step: step, commands: commands, startedAt: Date())
        try journal.save(repository, kind: journalKind)
        let claims = ReleaseClaims(repository: repository, remote: remote)
        if journalKind == "release" { claims.advance(journalKind, to: step) }
        let started = ContinuousClock.now
        let identity = (try? GitIdentity.current(repository).description) ?? "unknown"
        func seconds() -> Double {
            let elapsed = ContinuousClock.now - started
            return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        }
        do {
            let message = try body()
            journal.inFlight = nil
            journal.lastFailure = nil
            if finishes { ReleaseJournal.remove(repository, kind: journalKind) } else { try journal.save(repository, kind: journalKind) }
            if finishes, journalKind == "release" { claims.end(journalKind) }
            let detail = note.map { "\(message); \($0)" } ?? message
            try? AuditLog(repository: repository, remote: remote).append(AuditEntry(identity: identity, action: action, version: version.description,
                                                                    commands: commands, outcome: "ok", durationSeconds: seconds(), detail: detail))
            return ActionReport(action: action, version: version.description, commands: commands, dryRun: false, message: message)
        } catch {
            // A refusal leaves nothing half-done; a failure is kept so that status can say what went wrong.
            let refused = error is ReleaseBlocked
            journal.inFlight = nil
            if !refused { journal.lastFailure = String(describing: error) }
            try? journal.save(repository, kind: journalKind)
            try? AuditLog(repository: repository, remote: remote).append(AuditEntry(identity: identity, action: action, version: version.description,
                                                                    commands: commands, outcome: refused ? "refused" : "failed", durationSeconds: seconds(),
                                                                    detail: String(describing: error)))
            throw error
        }
    }

    func display(_ commands: [[String]]) -> [String] {
        commands.map { CommandInvocation($0).description }
    }

    private func requireStarted() throws -> (version: SemanticVersion, journal: ReleaseJournal) {
        try fetch()
        guard let (version, journal) = try releaseInProgress() else {
            throw ReleaseBlocked(reason: "no release is in progress", fix: "run `slipway release prepare`")
        }
        let identity = (try? GitIdentity.current(repository).description) ?? "unknown"
        return (version, journal ?? ReleaseJournal(version: version.description, branch: branchName(for: version), base: base,
                                                   startedBy: identity))
    }

    // MARK: Step 1–3 (+ push): prepare

    // Long because steps 2–3 are one journalled action: preconditions, the claim in the shared remote, then the branch, files, commit and push.
    /// Branch `release/vX.Y.Z` from the base, write the manifests and CHANGELOG, commit, push. Resumes a
    /// prepare that was interrupted (the branch exists here, or the commit exists but was not pushed).
    /// `overrideReason` lets a release go on despite chart lint errors; the reason goes to the audit log.
    /// `takeOver` claims the release from another clone that began it (the audit log says whose it was).
    public func prepare(version chosen: SemanticVersion? = nil, dryRun: Bool = false, overrideReason: String? = nil,
                        takeOver: Bool = false) throws -> ActionReport {
        try fetch()
        let identity = try GitIdentity.current(repository)
        let existing = try releaseInProgress()
        let proposal: VersionProposal
        do { proposal = try VersionPlanner(repository: repository, config: config).propose() } catch { throw ForgeError(String(describing: error)) }
        let version: SemanticVersion
        if let existing {
            if let chosen, chosen != existing.version {
                throw ReleaseBlocked(reason: "the release of \(existing.version) is in progress",
                                     fix: "finish it, or delete \(branchName(for: existing.version)) and \(ReleaseJournal.path(repository)) to start over")
            }
            version = existing.version
        } else {
            guard chosen != nil || proposal.isReleaseNeeded else {
                throw ReleaseBlocked(reason: "there are no releasable changes since \(proposal.baseTag?.name ?? "the start")",
                                     fix: "merge a feat or fix, classify commits, or give --version")
            }
            version = chosen ?? proposal.next
        }
        let branch = branchName(for: version)
        let format = try repository.gitUnchecked(["check-ref-format", "--branch", branch])
        guard format.status.isSuccess else {
            throw ReleaseBlocked(reason: "'\(branch)' is not a valid branch name", fix: "fix tagPrefix in .slipway.json")
        }
        let remoteDone = (try? repository.resolveCommit("refs/remotes/\(remote)/\(branch)")).map {
            (try? repository.git(["log", "-1", "--format=%s", $0]).trimmedText) == commitSubject(for: version)
        } ?? false
        if remoteDone {
            return ActionReport(action: "release.prepare", version: version.description, commands: [], dryRun: dryRun,
                                message: "\(branch) with the release commit is already on \(remote)")
        }
        let localBranch = (try? repository.resolveCommit("refs/heads/\(branch)")) != nil
        var note: String?
        if existing == nil || !localBranch {
            var problems = try preconditions(for: version, proposal: proposal)
            if let reason = overrideReason, let lint = problems.first(where: { $0.detail.hasPrefix("chart lint:") }) {
                problems.removeAll { $0 == lint }
                note = "chart lint overridden (\(lint.detail)): \(reason)"
            }
            if let first = problems.first { throw ReleaseBlocked(reason: first.detail, fix: first.fix ?? "") }
        }
        guard let files else { throw ForgeError("the release files cannot be written: no manifest/CHANGELOG editor is available") }
        let commands: [[String]] = [
            localBranch ? ["git", "checkout", branch] : ["git", "checkout", "-b", branch, base],
            ["slipway", "manifest", "set-version", "--version", version.description],
            ["slipway", "changelog", "release", "--version", version.description, "--date", today()],
            ["git", "add", "--"] + Self.orInWords((try? files.changes(version: version, date: today(), proposal: proposal, repository: repository, config: config)) ?? [],
                                                  "# each release file the two steps above change"),
            ["git", "commit", "-m", commitSubject(for: version)],
            ["git", "push", "--set-upstream", remote, branch],
            ["git", "checkout", base],
        ]
        let journal = existing?.journal ?? ReleaseJournal(version: version.description, branch: branch, base: base,
                                                          startedBy: identity.description)
        if !dryRun {
            let replaced = try ReleaseClaims(repository: repository, remote: remote).take(
                "release", version: version.description, branch: branch, by: identity.description, step: ReleaseStep.manifest.key,
                takeOver: takeOver, stale: { (try? tagExists(tagName(for: SemanticVersion($0.version) ?? version)).anywhere) ?? false })
            if let replaced {
                let taken = "taken over from \(replaced.startedBy) (clone \(replaced.clone.prefix(8)), step \(replaced.step))"
                note = note.map { "\($0); \(taken)" } ?? taken
            }
        }
        return try perform(.manifest, version: version, commands: display(commands), dryRun: dryRun, journal: journal, note: note) {
            if localBranch {
                try repository.git(["checkout", "--quiet", branch])
            } else {
                try repository.git(["checkout", "--quiet", "-b", branch, "refs/heads/\(base)"])
            }
            let subject = try repository.git(["log", "-1", "--format=%s"]).trimmedText
            if subject != commitSubject(for: version) {
                // A half-done earlier attempt may have left edits: start the files from the branch's commit.
                try repository.git(["reset", "--quiet", "--hard", "HEAD"])
                let changed: [String]
                do {
                    changed = try files.apply(version: version, date: today(), proposal: proposal, repository: repository, config: config)
                } catch {
                    _ = try? repository.gitUnchecked(["checkout", "--quiet", base])
                    throw error
                }
                guard !changed.isEmpty else { throw ForgeError("no release file changed for \(version)") }
                try repository.git(["add", "--"] + changed)
                try repository.git(["commit", "--quiet", "-m", commitSubject(for: version)])
            }
            // The local forge's PR is the pushed branch; on GitHub/GitLab `open-pr` then opens the PR itself.
            try LocalForge(repository: repository, remote: remote).open(branch: branch, base: base,
                                                                          title: commitSubject(for: version), body: "")
            try repository.git(["checkout", "--quiet", base])
            return "\(branch) with \(commitSubject(for: version)) pushed to \(remote)"
        }
    }

    /// `values`, or — when they cannot be known before the run — what they will be, said in words.
    static func orInWords(_ values: [String], _ words: String) -> [String] { values.isEmpty ? [words] : values }

    // MARK: Step 4

    public func openPullRequest(dryRun: Bool = false) throws -> ActionReport {
        let (version, journal) = try requireStarted()
        let branch = journal.branch
        let title = commitSubject(for: version)
        let body = "Release \(version) following the release standard. Prepared by slipway."
        if let existing = try forge.pullRequest(branch: branch, base: base), existing.state != .closed {
            return ActionReport(action: "release.pull-request", version: version.description, commands: [], dryRun: dryRun,
                                message: "the release PR is already open: \(existing.url ?? "\(branch) on \(remote)")")
        }
        let commands = forge.openCommands(branch: branch, base: base, title: title, body: body)
        return try perform(.pullRequest, version: version, commands: display(commands), dryRun: dryRun, journal: journal) {
            try forge.open(branch: branch, base: base, title: title, body: body)
            // Trust, but verify: the forge's exit status is not the PR.
            guard let opened = try forge.pullRequest(branch: branch, base: base), opened.state == .open else {
                throw ForgeError("\(forge.kind) reported the PR opened, but no open PR from \(branch) into \(base) can be found; look on the forge, then run `slipway release open-pr` again")
            }
            return "release PR opened from \(branch) into \(base)" + (opened.url.map { ": \($0)" } ?? "")
        }
    }

    // MARK: Step 5

    public func approve(dryRun: Bool = false) throws -> ActionReport {
        let (version, journal) = try requireStarted()
        let identity = try GitIdentity.current(repository)
        let commands = forge.approveCommands(branch: journal.branch, base: base)
        return try perform(.approvals, version: version, commands: display(commands), dryRun: dryRun, journal: journal) {
            if let state = try forge.pullRequest(branch: journal.branch, base: base),
               state.author.lowercased() == identity.email.lowercased() {
                throw ReleaseBlocked(reason: "\(identity) wrote the release commit, and an author's own approval does not count",
                                     fix: "ask another reviewer to approve")
            }
            let before = try forge.pullRequest(branch: journal.branch, base: base)?.countingApprovals ?? 0
            let start = Date()
            try forge.approve(branch: journal.branch, base: base, identity: identity)
            let state = try forge.pullRequest(branch: journal.branch, base: base)
            let recorded = state?.reviews.contains { $0.counts && ($0.time.map { $0 >= start.addingTimeInterval(-300) } ?? false) } ?? false
            guard let state, state.countingApprovals > before || recorded else {
                throw ForgeError("\(forge.kind) reported the approval done, but the PR shows no new approval (\(state?.countingApprovals ?? 0) of \(config.forge.requiredApprovals)); look on the forge, then approve again")
            }
            return "approved by \(identity): \(state.countingApprovals) of \(config.forge.requiredApprovals) approval(s)"
        }
    }

    // MARK: Step 6

    public func merge(dryRun: Bool = false) throws -> ActionReport {
        let (version, journal) = try requireStarted()
        guard let state = try forge.pullRequest(branch: journal.branch, base: base) else {
            throw ReleaseBlocked(reason: "\(journal.branch) is not on \(remote)", fix: "run `slipway release prepare`")
        }
        if state.state == .merged {
            return ActionReport(action: "release.merge", version: version.description, commands: [], dryRun: dryRun,
                                message: "\(journal.branch) is already merged into \(base)")
        }
        if state.state == .closed {
            throw ReleaseBlocked(reason: "the release PR was closed without merging", fix: "reopen it or prepare again")
        }
        if let shortfall = Self.approvalShortfall(state, required: config.forge.requiredApprovals) {
            throw ReleaseBlocked(reason: shortfall, fix: "a reviewer other than \(state.author) runs `slipway release approve`")
        }
        let message = "Merge release \(tagName(for: version))"
        let commands = forge.mergeCommands(branch: journal.branch, base: base, message: message)
        return try perform(.merge, version: version, commands: display(commands), dryRun: dryRun, journal: journal) {
            try forge.merge(branch: journal.branch, base: base, message: message)
            try confirmMerged(journal.branch, head: state.headSHA)
            return "\(journal.branch) merged into \(base) on \(remote)"
        }
    }

    /// Why `state` cannot be merged yet (`2 of 3 required approval(s) (1 stale: …)`), or `nil` when it can.
    static func approvalShortfall(_ state: PullRequestState, required: Int) -> String? {
        guard state.countingApprovals < required else { return nil }
        let stale = state.reviews.filter(\.stale).count
        let own = state.reviews.filter(\.isAuthor).count
        var reason = "\(state.countingApprovals) of \(required) required approval(s)"
        if stale > 0 { reason += " (\(stale) stale: given before the last push)" }
        if own > 0 { reason += " (the author's own approval does not count)" }
        return reason
    }

    /// After the forge said it merged: the PR reads merged and the base branch on the remote holds the release
    /// commit; otherwise the merge failed, whatever the exit status said.
    func confirmMerged(_ branch: String, head: String) throws {
        let after = try forge.pullRequest(branch: branch, base: base)
        guard after?.state == .merged else {
            throw ForgeError("\(forge.kind) reported the merge done, but the PR from \(branch) is \(after.map { "still \($0.state)" } ?? "gone"); nothing was merged: look on the forge, then run the merge again")
        }
        _ = try? repository.gitUnchecked(["fetch", "--quiet", "--end-of-options", remote, "+refs/heads/\(base):refs/remotes/\(remote)/\(base)"], timeout: 60)
        let onBase = try repository.gitUnchecked(["merge-base", "--is-ancestor", head, "refs/remotes/\(remote)/\(base)"]).status.isSuccess
        guard onBase else {
            throw ForgeError("\(forge.kind) reports the PR merged, but \(base) on \(remote) does not contain the release commit \(head.prefix(7)); check how the forge merged it before tagging")
        }
    }

    // MARK: Step 7

    /// The commit on the base branch that merged the release branch's tip (or the tip itself after a fast-forward).
    public func mergeCommit(for head: String, into branch: String? = nil) throws -> String? {
        let baseRef = "refs/remotes/\(remote)/\(branch ?? base)"
        let lines = try repository.git(["log", "--first-parent", "--merges", "--format=%H %P", "-n", "500", baseRef]).text
            .split(separator: "\n")
        for line in lines {
            let fields = line.split(separator: " ").map(String.init)
            if fields.dropFirst().contains(head) { return fields[0] }
        }
        let ancestor = try repository.gitUnchecked(["merge-base", "--is-ancestor", head, baseRef]).status.isSuccess
        return ancestor ? head : nil
    }

    public func tag(dryRun: Bool = false) throws -> ActionReport {
        let (version, journal) = try requireStarted()
        return try tagMerged(version: version, branch: journal.branch, into: base, journal: journal, action: "release.tag",
                             journalKind: "release", command: { "slipway release \($0)" }, dryRun: dryRun)
    }

    /// Step 7 for any flow: the annotated tag `Release version X.Y.Z` on the commit that merged `branch` into
    /// `target` on the remote, pushed; resumes a tag made here but not pushed. `command` names the flow's command
    /// for a step (`prepare`, `merge`, `tag`) in messages.
    func tagMerged(version: SemanticVersion, branch: String, into target: String, journal: ReleaseJournal, action: String,
                   journalKind: String, command: (String) -> String, dryRun: Bool) throws -> ActionReport {
        let tag = tagName(for: version)
        guard let head = try? repository.resolveCommit("refs/remotes/\(remote)/\(branch)") else {
            throw ReleaseBlocked(reason: "\(branch) is not on \(remote)", fix: "run `\(command("prepare"))`")
        }
        guard let mergeTarget = try mergeCommit(for: head, into: target) else {
            throw ReleaseBlocked(reason: "\(branch) is not merged into \(target) on \(remote)", fix: "run `\(command("merge"))`")
        }
        let exists = try tagExists(tag)
        if exists.remote {
            let pointsAt = try remoteTagCommit(tag)
            guard pointsAt == mergeTarget else {
                throw ReleaseBlocked(reason: "the tag \(tag) already exists on \(remote) on \(pointsAt.map { String($0.prefix(7)) } ?? "another commit"), not on the merge \(mergeTarget.prefix(7))",
                                     fix: "find out who made it; if it is wrong, delete it on \(remote) (git push \(remote) :refs/tags/\(tag)) and tag again")
            }
            // An earlier run pushed it and was stopped before it said so: the step is done.
            return try perform(action: action, step: ReleaseStep.tag.key, version: version, commands: [], dryRun: dryRun,
                               journal: journal, journalKind: journalKind, finishes: true) {
                "\(tag) is already on \(remote) on the merge \(mergeTarget.prefix(7)); the tag step is done"
            }
        }
        var resumePush = false
        if exists.local {
            let pointsAt = try repository.resolveCommit("refs/tags/\(tag)")
            guard pointsAt == mergeTarget, journal.inFlight?.step == ReleaseStep.tag.key || journal.lastFailure != nil else {
                throw ReleaseBlocked(reason: "a local tag \(tag) already exists\(pointsAt == mergeTarget ? "" : " on another commit")",
                                     fix: "delete it (git tag -d \(tag)) if it is a mistake")
            }
            resumePush = true
        }
        if let files {
            let problems = try files.problems(version: version, at: mergeTarget, repository: repository, config: config)
            if !problems.isEmpty {
                throw ReleaseBlocked(reason: "the merged tree does not carry \(version): \(problems.joined(separator: "; "))",
                                     fix: "fix the release files on \(target) first")
            }
        }
        let message = "Release version \(version)"
        let commands: [[String]] = (resumePush ? [] : [["git", "tag", "-a", "-m", message, "--end-of-options", tag, mergeTarget]])
            + [["git", "push", remote, "refs/tags/\(tag)"]]
        return try perform(action: action, step: ReleaseStep.tag.key, version: version, commands: display(commands), dryRun: dryRun,
                           journal: journal, journalKind: journalKind, finishes: true) {
            if !resumePush { try repository.git(["tag", "-a", "-m", message, "--end-of-options", tag, mergeTarget]) }
            let pushed = try repository.gitUnchecked(["push", "--quiet", "--end-of-options", remote, "refs/tags/\(tag)"], timeout: 300)
            guard pushed.status.isSuccess else {
                throw ForgeError("pushing \(tag) to \(remote) failed: \(pushed.errorSummary); run `\(command("tag"))` again")
            }
            return "\(tag) (\(message)) on \(mergeTarget.prefix(7)) pushed to \(remote)"
        }
    }
}
