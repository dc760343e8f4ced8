import Foundation

extension HotfixEngine {
    /// The hotfix compared with the base branch on the remote (`nil` when the hotfix cannot be found or has no base).
    public func backportCheck(_ location: HotfixLocation, target: String? = nil) throws -> BackportCheck? {
        guard let end = location.end, let base = location.baseTag,
              let baseCommit = try? repository.resolveCommit("refs/tags/\(base.name)") else { return nil }
        let targetRef = target ?? "refs/remotes/\(remote)/\(config.baseBranch)"
        guard (try? repository.resolveCommit(targetRef)) != nil else { return nil }
        return try BackportCheck.check(location.commits, tip: end, base: baseCommit, target: targetRef, version: location.version,
                                       changelog: config.changelog, repository: repository)
    }

    // Long because a backport is one journalled action whose cherry-picks, conflict handling and clean-up share the branch state.
    /// Cherry-picks (with `-x`) the hotfix commits that main lacks onto `backport/vX.Y.Z` made from main, adds the
    /// hotfix's CHANGELOG section once, pushes the branch and opens it through the forge. Main itself is never
    /// changed. A conflict stops with the branch left mid-cherry-pick for a person to finish (`BackportConflict`);
    /// running it again afterwards resumes.
    public func backport(_ version: SemanticVersion, dryRun: Bool = false) throws -> ActionReport {
        try release.fetch()
        guard let location = try locate(version), let end = location.end else {
            throw ReleaseBlocked(reason: "there is no hotfix \(version) (no \(branchName(for: version)) on \(remote), no tag \(release.tagName(for: version)))",
                                 fix: "see `slipway hotfix status`")
        }
        guard location.baseTag != nil else {
            throw ReleaseBlocked(reason: location.problems.first ?? "the base tag of \(location.branch) is unknown", fix: "fetch the tags and try again")
        }
        let main = config.baseBranch
        let mainRef = "refs/remotes/\(remote)/\(main)"
        guard (try? repository.resolveCommit(mainRef)) != nil else {
            throw ReleaseBlocked(reason: "\(remote)/\(main) is unknown", fix: "push \(main) to \(remote) first")
        }
        if try cherryPickInProgress() {
            throw ReleaseBlocked(reason: "a cherry-pick is in progress on \(try repository.currentBranch() ?? "a detached HEAD")",
                                 fix: "resolve the files, `git add` them and `git cherry-pick --continue` (or `git cherry-pick --abort`), then run `slipway hotfix backport \(version)` again")
        }
        guard let onMain = try backportCheck(location) else {
            throw ReleaseBlocked(reason: "\(location.branch) cannot be compared with \(main)", fix: "fetch and try again")
        }
        let branch = backportBranch(for: version)
        if onMain.commitsPresent && (onMain.changelogHasSection || location.releaseCommit == nil) {
            return ActionReport(action: "hotfix.backport", version: version.description, commands: [], dryRun: dryRun,
                                message: "hotfix \(version) is already on \(main): nothing to backport")
        }
        let localTip = try? repository.resolveCommit("refs/heads/\(branch)")
        let remoteTip = try? repository.resolveCommit("refs/remotes/\(remote)/\(branch)")
        let startRef = localTip.map { _ in "refs/heads/\(branch)" } ?? remoteTip.map { _ in "refs/remotes/\(remote)/\(branch)" } ?? mainRef
        guard let onBranch = try backportCheck(location, target: startRef) else {
            throw ReleaseBlocked(reason: "\(branch) cannot be compared with the hotfix", fix: "fetch and try again")
        }
        let missing = onBranch.missing
        let needsChangelog = !onBranch.changelogHasSection && location.releaseCommit != nil
        if missing.isEmpty, !needsChangelog, remoteTip != nil, localTip == nil || localTip == remoteTip {
            return ActionReport(action: "hotfix.backport", version: version.description, commands: [], dryRun: dryRun,
                                message: "\(branch) with the hotfix is on \(remote): merge it into \(main)")
        }
        try requireCleanTree()
        let point = try returnPoint()
        let checkout: [String] = localTip != nil ? ["git", "checkout", branch]
            : (remoteTip != nil ? ["git", "checkout", "-b", branch, "--track", "\(remote)/\(branch)"] : ["git", "checkout", "-b", branch, "--no-track", "\(remote)/\(main)"])
        let changelogSubject = "docs(changelog): add the \(version) hotfix section"
        let commands: [[String]] = [checkout]
            + (missing.isEmpty ? [] : [["git", "cherry-pick", "-x"] + missing.map(\.sha)])
            + (needsChangelog ? [["git", "commit", "-m", changelogSubject, "--", config.changelog]] : [])
            + forge.openCommands(branch: branch, base: main, title: "fix: backport hotfix \(release.tagName(for: version)) to \(main)", body: "")
            + [["git", "checkout", point]]
        let journal = location.journal ?? ReleaseJournal(version: version.description, branch: location.branch,
                                                         base: location.baseTag?.name ?? "", startedBy: "unknown", startedAt: location.firstCommitAt)
        return try release.perform(action: "hotfix.backport", step: "backport", version: version, commands: release.display(commands),
                                   dryRun: dryRun, journal: journal, journalKind: Self.journalKind(for: version), finishes: false) {
            // The same checkout, with main named by its full ref (a local branch called origin/main cannot shadow it).
            try repository.git(["checkout", "--quiet"] + Array(checkout.dropFirst(2)).map { $0 == "\(remote)/\(main)" ? mainRef : $0 })
            if !missing.isEmpty {
                let picked = try repository.gitUnchecked(["cherry-pick", "-x"] + missing.map(\.sha), timeout: 600)
                if !picked.status.isSuccess {
                    let conflicted = try repository.git(["diff", "--name-only", "--diff-filter=U"]).text
                        .split(separator: "\n").map(String.init)
                    let stopped = (try? repository.git(["rev-parse", "--short", "CHERRY_PICK_HEAD"]).trimmedText) ?? "a commit"
                    let inProgress = try cherryPickInProgress()
                    if conflicted.isEmpty && !inProgress {
                        _ = try? repository.gitUnchecked(["checkout", "--quiet", point])
                        throw ForgeError("`git cherry-pick -x` onto \(branch) failed: \(picked.errorSummary); check \(branch) and run `slipway hotfix backport \(version)` again")
                    }
                    throw BackportConflict(version: version, branch: branch, commit: stopped, files: conflicted, main: main)
                }
            }
            let source = location.releaseCommit?.sha ?? location.tagCommit ?? end
            if needsChangelog, let hotfixData = try repository.show(config.changelog, at: source) {
                let path = repository.root + "/" + config.changelog
                let current = FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) } ?? ""
                if let text = BackportChangelog.merged(hotfix: Changelog(text: String(decoding: hotfixData, as: UTF8.self), file: config.changelog),
                                                       into: Changelog(text: current, file: config.changelog), version: version) {
                    try AtomicFile.write(Data(text.utf8), to: path)
                    try repository.git(["add", "--", config.changelog])
                    try repository.git(["commit", "--quiet", "-m", changelogSubject])
                }
            }
            do {
                try forge.open(branch: branch, base: main, title: "fix: backport hotfix \(release.tagName(for: version)) to \(main)",
                               body: "Cherry-picks the commits of hotfix \(release.tagName(for: version)) that \(main) lacks (with -x), and its CHANGELOG section. Prepared by slipway.")
            } catch {
                _ = try? repository.gitUnchecked(["checkout", "--quiet", point])
                throw error
            }
            try repository.git(["checkout", "--quiet", point])
            let count = missing.count
            return "\(branch) from \(main) with \(count) cherry-picked commit(s)\(needsChangelog ? " and the \(version) CHANGELOG section" : "") pushed to \(remote); merge it into \(main)"
        }
    }

    func cherryPickInProgress() throws -> Bool {
        try repository.gitUnchecked(["rev-parse", "--verify", "--quiet", "CHERRY_PICK_HEAD"]).status.isSuccess
    }
}

/// A backport stopped by a conflict: the branch is left mid-cherry-pick for a person to finish; exit 1 in headless use.
public struct BackportConflict: Error, Sendable, CustomStringConvertible {
    public let version: SemanticVersion
    public let branch: String
    /// The short sha of the hotfix commit that did not apply.
    public let commit: String
    /// The files with conflicts, as git names them.
    public let files: [String]
    public let main: String

    /// The commands that finish the backport.
    public var nextCommands: [String] {
        ["git status", "edit the conflicted files, then: git add " + (files.isEmpty ? "<files>" : files.joined(separator: " ")),
         "git cherry-pick --continue", "slipway hotfix backport \(version)"]
    }

    public var description: String {
        "cherry-picking \(commit) onto \(branch) conflicts in \(files.isEmpty ? "the working tree" : files.joined(separator: ", ")); \(branch) is checked out with the conflict (\(main) is unchanged): resolve it, then run \(nextCommands.dropFirst().joined(separator: "; "))"
    }
}
