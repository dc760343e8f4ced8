import Foundation

/// The backport's last steps: its PR into the base branch is reviewed like any change to it (the release PR's
/// number of approvals, the author's own not counting) and then merged through the forge, read back after.
extension HotfixEngine {
    /// The backport PR (`backport/vX.Y.Z` into the base branch), or why there is none to act on.
    func backportPullRequest(_ version: SemanticVersion) throws -> (branch: String, state: PullRequestState) {
        try release.fetch()
        let branch = backportBranch(for: version)
        guard (try? repository.resolveCommit("refs/remotes/\(remote)/\(branch)")) != nil,
              let state = try forge.pullRequest(branch: branch, base: config.baseBranch) else {
            throw ReleaseBlocked(reason: "\(branch) is not on \(remote)", fix: "run `slipway hotfix backport \(version)` first")
        }
        return (branch, state)
    }

    /// Records the current identity's review of the backport PR (never its author's).
    public func approveBackport(_ version: SemanticVersion, dryRun: Bool = false) throws -> ActionReport {
        let (branch, state) = try backportPullRequest(version)
        let main = config.baseBranch
        if state.state == .merged {
            return ActionReport(action: "hotfix.approve-backport", version: version.description, commands: [], dryRun: dryRun,
                                message: "\(branch) is already merged into \(main)")
        }
        let identity = try GitIdentity.current(repository)
        if state.author.lowercased() == identity.email.lowercased() {
            throw ReleaseBlocked(reason: "\(identity) made \(branch), and an author's own approval does not count",
                                 fix: "ask a reviewer to approve it")
        }
        let commands = forge.approveCommands(branch: branch, base: main)
        return try release.perform(action: "hotfix.approve-backport", step: "approve-backport", version: version,
                                   commands: release.display(commands), dryRun: dryRun, journal: journal(for: version, branch: branch),
                                   journalKind: Self.journalKind(for: version), finishes: false) {
            try forge.approve(branch: branch, base: main, identity: identity)
            let after = try forge.pullRequest(branch: branch, base: main)
            return "approved by \(identity): \(after?.countingApprovals ?? 0) of \(config.forge.requiredApprovals) approval(s) on \(branch)"
        }
    }

    /// Merges the approved backport into the base branch; main then has the hotfix's commits and CHANGELOG section.
    public func mergeBackport(_ version: SemanticVersion, dryRun: Bool = false) throws -> ActionReport {
        let (branch, state) = try backportPullRequest(version)
        let main = config.baseBranch
        if state.state == .merged {
            return ActionReport(action: "hotfix.merge-backport", version: version.description, commands: [], dryRun: dryRun,
                                message: "\(branch) is already merged into \(main)")
        }
        if state.state == .closed {
            throw ReleaseBlocked(reason: "the backport PR was closed without merging", fix: "reopen it, or run `slipway hotfix backport \(version)` again")
        }
        if let shortfall = ReleaseEngine.approvalShortfall(state, required: config.forge.requiredApprovals) {
            throw ReleaseBlocked(reason: "\(branch): " + shortfall,
                                 fix: "a reviewer other than \(state.author) runs `slipway hotfix approve-backport \(version)`")
        }
        let message = "Merge backport of hotfix \(release.tagName(for: version))"
        let commands = forge.mergeCommands(branch: branch, base: main, message: message)
        return try release.perform(action: "hotfix.merge-backport", step: "merge-backport", version: version,
                                   commands: release.display(commands), dryRun: dryRun, journal: journal(for: version, branch: branch),
                                   journalKind: Self.journalKind(for: version), finishes: false) {
            try forge.merge(branch: branch, base: main, message: message)
            try release.confirmMerged(branch, head: state.headSHA)
            return "\(branch) merged into \(main) on \(remote): \(main) has hotfix \(version)"
        }
    }

    func journal(for version: SemanticVersion, branch: String) -> ReleaseJournal {
        let location = (try? locate(version)) ?? nil
        return location?.journal
            ?? ReleaseJournal(version: version.description, branch: location?.branch ?? branch, base: location?.baseTag?.name ?? "",
                              startedBy: (try? GitIdentity.current(repository).description) ?? "unknown",
                              startedAt: location?.firstCommitAt ?? Date())
    }
}
