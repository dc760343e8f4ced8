import Foundation

/// The hotfix process of RELEASE-PROCESS.md §3: a `hotfix/vX.Y.Z` branch from a release tag, PATCH only, a tech
/// lead's fast-track approval, then the release steps 5–8 into the line's `maintenance/vX.Y.x` branch (main is
/// never touched), and a backport to main. Reuses the release engine's forge, files, journal and audit.
public struct HotfixEngine: Sendable {
    public var release: ReleaseEngine
    /// The current time, for the board's ages.
    public var now: @Sendable () -> Date = { Date() }

    public init(repository: GitRepository, config: SlipwayConfig, files: (any ReleaseFilesEditing)? = ReleaseFileEditor(),
                forge: (any Forge)? = nil) {
        release = ReleaseEngine(repository: repository, config: config, files: files, forge: forge)
    }

    public var repository: GitRepository { release.repository }
    public var config: SlipwayConfig { release.config }
    public var forge: any Forge { release.forge }
    public var remote: String { release.remote }
    /// Today as `YYYY-MM-DD` (UTC), for the CHANGELOG heading.
    public var today: @Sendable () -> String {
        get { release.today }
        set { release.today = newValue }
    }

    public func branchName(for version: SemanticVersion) -> String { "hotfix/\(config.tagPrefix)\(version)" }
    public func maintenanceBranch(for version: SemanticVersion) -> String { "maintenance/\(config.tagPrefix)\(version.major).\(version.minor).x" }
    public func backportBranch(for version: SemanticVersion) -> String { "backport/\(config.tagPrefix)\(version)" }
    /// The journal of one hotfix: `.git/slipway/hotfix-X.Y.Z.json`.
    public static func journalKind(for version: SemanticVersion) -> String { "hotfix-\(version)" }
    static func releaseSubject(for version: SemanticVersion) -> String { "chore(release): \(version)" }
    static let overrideTrailer = "Hotfix-Override"

    // MARK: Start

    /// Branches `hotfix/vX.Y.Z` from the latest release tag (or `tag`) at that tag's next PATCH (or `version`,
    /// a later PATCH of the same line) and pushes it. Refused, with the next free version offered, when the
    /// version's tag or branch already exists.
    public func start(from tag: String? = nil, version chosen: SemanticVersion? = nil, dryRun: Bool = false) throws -> ActionReport {
        if let tag, let problem = RefNameRules.problem(tag) {
            throw HotfixInputError("'\(tag)' is not a tag name (\(problem)); name a release tag such as \(config.tagPrefix)1.0.0")
        }
        try release.fetch()
        let scan = ReleaseTagScan(tagNames: try repository.tags(mergedInto: nil), prefix: config.tagPrefix)
        let base: ReleaseTag
        if let tag {
            guard (try? repository.resolveCommit("refs/tags/\(tag)")) != nil else {
                throw HotfixInputError("there is no tag '\(tag)' here or on \(remote); name a release tag such as \(scan.latest()?.name ?? "\(config.tagPrefix)1.0.0")")
            }
            guard let found = scan.releases.first(where: { $0.name == tag }), !found.version.isPrerelease else {
                throw HotfixInputError("'\(tag)' is not a release tag (\(config.tagPrefix)X.Y.Z without a pre-release); start from a release such as \(scan.latest()?.name ?? "\(config.tagPrefix)1.0.0")")
            }
            base = found
        } else {
            guard let latest = scan.latest() else {
                throw ReleaseBlocked(reason: "there is no release tag with the prefix '\(config.tagPrefix)' to start a hotfix from",
                                     fix: "release first, or name a tag with --from")
            }
            base = latest
        }
        let version = chosen ?? base.version.core.bumped(.patch)
        if let chosen {
            guard chosen.major == base.version.major, chosen.minor == base.version.minor, chosen > base.version, !chosen.isPrerelease else {
                throw HotfixInputError("\(chosen) is not a later PATCH of \(base.name); a hotfix from it is \(base.version.major).\(base.version.minor).Z with Z above \(base.version.patch)")
            }
        }
        let baseCommit = try repository.resolveCommit("refs/tags/\(base.name)")
        // A start interrupted before its push left only the local branch at the tag: that one is resumed.
        let resumable = (try? repository.resolveCommit("refs/heads/\(branchName(for: version))")) == baseCommit
        if let taken = try takenReason(version, ignoringLocalBranch: resumable) {
            var free = version
            repeat { free = free.bumped(.patch) } while try takenReason(free) != nil
            // Offer it from the line's latest release below it, so that earlier hotfixes are included.
            let from = scan.releases.filter {
                !$0.version.isPrerelease && $0.version.major == free.major && $0.version.minor == free.minor && $0.version < free
            }.max() ?? base
            let command = "slipway hotfix start --from \(from.name)" + (from.version.core.bumped(.patch) == free ? "" : " --version \(free)")
            throw ReleaseBlocked(reason: "\(version) is taken (\(taken))", fix: "the next free PATCH is \(free): run `\(command)`")
        }
        let branch = branchName(for: version)
        let commands: [[String]] = [
            ["git", "branch", "--no-track", branch, baseCommit],
            ["git", "push", "--set-upstream", remote, "refs/heads/\(branch):refs/heads/\(branch)"],
        ]
        let identity = (try? GitIdentity.current(repository).description) ?? "unknown"
        let journal = ReleaseJournal(version: version.description, branch: branch, base: base.name, startedBy: identity)
        return try release.perform(action: "hotfix.start", step: "start", version: version, commands: release.display(commands),
                                   dryRun: dryRun, journal: journal, journalKind: Self.journalKind(for: version), finishes: false) {
            if (try? repository.resolveCommit("refs/heads/\(branch)")) == nil {
                try repository.git(["branch", "--quiet", "--no-track", branch, baseCommit])
            }
            let pushed = try repository.gitUnchecked(["push", "--quiet", "--set-upstream", "--end-of-options", remote, "refs/heads/\(branch):refs/heads/\(branch)"], timeout: 300)
            guard pushed.status.isSuccess else {
                throw ForgeError("pushing \(branch) to \(remote) failed: \(pushed.errorSummary); run `slipway hotfix start --from \(base.name)` again")
            }
            return "\(branch) from \(base.name) pushed to \(remote); `git checkout \(branch)`, commit the fix with its test, and push"
        }
    }

    /// Why `version` cannot be a new hotfix (its tag or branch exists), or `nil` when it is free.
    func takenReason(_ version: SemanticVersion, ignoringLocalBranch: Bool = false) throws -> String? {
        let tag = release.tagName(for: version)
        if try release.tagExists(tag).anywhere { return "the tag \(tag) exists" }
        let branch = branchName(for: version)
        if (try? repository.resolveCommit("refs/remotes/\(remote)/\(branch)")) != nil { return "\(branch) exists on \(remote)" }
        if !ignoringLocalBranch, (try? repository.resolveCommit("refs/heads/\(branch)")) != nil { return "\(branch) exists here" }
        return nil
    }

    // MARK: Shared checks

    /// The hotfix on the remote, or a refusal saying to start it.
    func requireOnRemote(_ version: SemanticVersion) throws -> (location: HotfixLocation, tip: String) {
        guard let location = try locate(version), let tip = location.remoteTip else {
            let tagged = (try? repository.resolveCommit("refs/tags/\(release.tagName(for: version))")) != nil
            throw ReleaseBlocked(reason: tagged ? "\(branchName(for: version)) is gone; \(release.tagName(for: version)) is already released"
                                             : "there is no hotfix \(version): \(branchName(for: version)) is not on \(remote)",
                                 fix: tagged ? "see `slipway hotfix status`" : "run `slipway hotfix start`")
        }
        return (location, tip)
    }

    /// The PATCH-only check of the hotfix's commits, overridden by `reason`, the journal's, or the release commit's trailer.
    public func patchCheck(_ location: HotfixLocation, overrideReason reason: String? = nil) throws -> HotfixPatchCheck {
        var stored = reason ?? location.journal?.overrideReason
        if stored == nil, let releaseCommit = location.releaseCommit {
            let trailer = try repository.git(["log", "-1", "--format=%(trailers:key=\(Self.overrideTrailer),valueonly)", releaseCommit.sha]).trimmedText
            if !trailer.isEmpty { stored = trailer }
        }
        return HotfixPatchCheck.check(location.commits, rules: config.bump, majorIsZero: (location.baseTag?.version.major ?? 1) == 0,
                                      overrideReason: stored)
    }

    /// `true` when the branch's tip on the remote is the `chore(release): X.Y.Z` commit.
    func isPrepared(_ location: HotfixLocation) -> Bool {
        guard let tip = location.remoteTip, let releaseCommit = location.releaseCommit else { return false }
        return releaseCommit.sha == tip
    }

    func requireCleanTree() throws {
        let dirty = try repository.git(["status", "--porcelain", "--untracked-files=no"]).trimmedText
        if !dirty.isEmpty {
            throw ReleaseBlocked(reason: "the working tree has \(dirty.split(separator: "\n").count) uncommitted change(s)", fix: "commit or stash them")
        }
    }

    /// Where HEAD is now: the branch's name, or the commit on a detached HEAD.
    func returnPoint() throws -> String {
        if let branch = try repository.currentBranch() { return branch }
        return try repository.resolveCommit("HEAD")
    }

    /// `maintenance/vX.Y.x` on the remote, made from the base tag when it does not exist yet.
    func ensureMaintenance(_ location: HotfixLocation) throws {
        if (try? repository.resolveCommit("refs/remotes/\(remote)/\(location.maintenance)")) != nil { return }
        guard let base = location.baseTag else {
            throw ReleaseBlocked(reason: "\(location.maintenance) does not exist and the base tag is unknown", fix: "fetch the tags and try again")
        }
        let commit = try repository.resolveCommit("refs/tags/\(base.name)")
        let pushed = try repository.gitUnchecked(["push", "--quiet", "--end-of-options", remote, "\(commit):refs/heads/\(location.maintenance)"], timeout: 300)
        guard pushed.status.isSuccess else {
            throw ForgeError("creating \(location.maintenance) on \(remote) failed: \(pushed.errorSummary); check your access and try again")
        }
        _ = try? repository.gitUnchecked(["fetch", "--quiet", "--end-of-options", remote, "refs/heads/\(location.maintenance):refs/remotes/\(remote)/\(location.maintenance)"], timeout: 300)
    }

    func maintenanceCommands(_ location: HotfixLocation) -> [[String]] {
        guard (try? repository.resolveCommit("refs/remotes/\(remote)/\(location.maintenance)")) == nil, let base = location.baseTag else { return [] }
        return [["git", "push", remote, "\(base.name)^{commit}:refs/heads/\(location.maintenance)"]]
    }

    // MARK: Prepare (the PATCH release's version and CHANGELOG)

    // Long because preparing a hotfix is one journalled action: the PATCH-only check, the override trailer, the files, commit and push.
    /// Commits the manifests at `version` and the CHANGELOG section for it (drafted from the hotfix's own commits
    /// when Unreleased is empty) onto the hotfix branch as `chore(release): X.Y.Z`, and pushes it (opening the PR
    /// into `maintenance/vX.Y.x` on GitHub/GitLab). `overrideReason` lets a non-PATCH hotfix go on.
    public func prepare(_ version: SemanticVersion, overrideReason: String? = nil, dryRun: Bool = false) throws -> ActionReport {
        try release.fetch()
        let (location, tip) = try requireOnRemote(version)
        let branch = location.branch
        guard let base = location.baseTag else {
            throw ReleaseBlocked(reason: location.problems.first ?? "the base tag of \(branch) is unknown", fix: "fetch the tags and try again")
        }
        if isPrepared(location) {
            return ActionReport(action: "hotfix.prepare", version: version.description, commands: [], dryRun: dryRun,
                                message: "\(branch) already ends with \(Self.releaseSubject(for: version)) on \(remote)")
        }
        guard !location.commits.isEmpty else {
            throw ReleaseBlocked(reason: "\(branch) has no commits since \(base.name)", fix: "commit the fix with its test on \(branch) and push it first")
        }
        if let problem = location.problems.first { throw ReleaseBlocked(reason: problem, fix: "see `slipway hotfix status`") }
        let check = try patchCheck(location, overrideReason: overrideReason)
        if let blocked = check.blocked(branch: branch) { throw blocked }
        try requireCleanTree()
        guard let files = release.files else { throw ForgeError("the release files cannot be written: no manifest/CHANGELOG editor is available") }
        let localTip = try? repository.resolveCommit("refs/heads/\(branch)")
        let subject = Self.releaseSubject(for: version)
        if let localTip, localTip != tip,
           try repository.git(["log", "-1", "--format=%P%x1f%s", localTip]).trimmedText == "\(tip)\u{1F}\(subject)" {
            // A prepare interrupted after its commit and before its push: push what it made.
            let commands = maintenanceCommands(location) + forge.openCommands(branch: branch, base: location.maintenance, title: subject, body: "")
            let journal = location.journal ?? ReleaseJournal(version: version.description, branch: branch, base: base.name,
                                                             startedBy: (try? GitIdentity.current(repository).description) ?? "unknown", startedAt: location.firstCommitAt)
            return try release.perform(action: "hotfix.prepare", step: "prepare", version: version, commands: release.display(commands),
                                       dryRun: dryRun, journal: journal, journalKind: Self.journalKind(for: version), finishes: false) {
                try ensureMaintenance(location)
                try forge.open(branch: branch, base: location.maintenance, title: subject,
                               body: "Hotfix \(version) from \(base.name), to be merged into \(location.maintenance). Prepared by slipway.")
                return "\(branch) with \(subject), made here earlier, pushed to \(remote)"
            }
        }
        if let localTip, localTip != tip, !(try isAncestor(localTip, of: tip)) {
            throw ReleaseBlocked(reason: "\(branch) here has commits that are not on \(remote)", fix: "push them (or reset the branch to \(remote)/\(branch)), then prepare")
        }
        let point = try returnPoint()
        let overriding = !check.isPatchOnly ? check.overrideReason : nil
        var message = subject
        if let overriding { message += "\n\n\(Self.overrideTrailer): \(overriding.replacingOccurrences(of: "\n", with: " "))" }
        let commands: [[String]] = [
            localTip == nil ? ["git", "checkout", "-b", branch, "--track", "\(remote)/\(branch)"] : ["git", "checkout", branch],
        ] + (localTip != nil && localTip != tip ? [["git", "merge", "--ff-only", "\(remote)/\(branch)"]] : []) + [
            ["slipway", "manifest", "set-version", "--version", version.description],
            ["slipway", "changelog", "release", "--version", version.description, "--date", today()],
            ["git", "add", "--", "<changed files>"],
            ["git", "commit", "-m", message],
        ] + maintenanceCommands(location) + forge.openCommands(branch: branch, base: location.maintenance, title: subject, body: "")
            + [["git", "checkout", point]]
        var journal = location.journal ?? ReleaseJournal(version: version.description, branch: branch, base: base.name,
                                                         startedBy: (try? GitIdentity.current(repository).description) ?? "unknown", startedAt: location.firstCommitAt)
        journal.overrideReason = overriding
        return try release.perform(action: "hotfix.prepare", step: "prepare", version: version, commands: release.display(commands),
                                   dryRun: dryRun, journal: journal, journalKind: Self.journalKind(for: version), finishes: false,
                                   note: overriding.map { "PATCH-only overridden: \($0)" }) {
            if localTip == nil {
                try repository.git(["checkout", "--quiet", "-b", branch, "--track", "\(remote)/\(branch)"])
            } else {
                try repository.git(["checkout", "--quiet", branch])
                if localTip != tip { try repository.git(["merge", "--quiet", "--ff-only", "refs/remotes/\(remote)/\(branch)"]) }
            }
            do {
                let proposal: VersionProposal
                do {
                    proposal = try VersionPlanner(repository: repository, config: config, overrides: ReleaseOverrides())
                        .propose(from: "refs/tags/\(base.name)", to: tip)
                } catch { throw ForgeError(String(describing: error)) }
                let changed = try files.apply(version: version, date: today(), proposal: proposal, repository: repository, config: config)
                guard !changed.isEmpty else { throw ForgeError("no release file changed for \(version); check versionFiles and the CHANGELOG") }
                try repository.git(["add", "--"] + changed)
                try repository.git(["commit", "--quiet", "-m", message])
                try ensureMaintenance(location)
                try forge.open(branch: branch, base: location.maintenance, title: subject,
                               body: "Hotfix \(version) from \(base.name), to be merged into \(location.maintenance). Prepared by slipway.")
            } catch {
                _ = try? repository.gitUnchecked(["reset", "--quiet", "--hard", "HEAD"])
                _ = try? repository.gitUnchecked(["checkout", "--quiet", point])
                throw error
            }
            try repository.git(["checkout", "--quiet", point])
            return "\(branch) with \(subject) pushed to \(remote), to be merged into \(location.maintenance)"
                + (overriding.map { " (PATCH-only overridden: \($0))" } ?? "")
        }
    }

    // MARK: Approve (fast track)

    /// Records the current identity's approval of the prepared hotfix; says whether it satisfies the fast-track rule.
    public func approve(_ version: SemanticVersion, dryRun: Bool = false) throws -> ActionReport {
        try release.fetch()
        let (location, _) = try requireOnRemote(version)
        guard isPrepared(location) else {
            throw ReleaseBlocked(reason: "\(location.branch) is not prepared (it does not end with \(Self.releaseSubject(for: version)))",
                                 fix: "run `slipway hotfix prepare \(version)` first")
        }
        guard let state = try forge.pullRequest(branch: location.branch, base: location.maintenance) else {
            throw ReleaseBlocked(reason: "there is no PR for \(location.branch) into \(location.maintenance)", fix: "run `slipway hotfix prepare \(version)`")
        }
        if state.state == .merged {
            return ActionReport(action: "hotfix.approve", version: version.description, commands: [], dryRun: dryRun,
                                message: "\(location.branch) is already merged into \(location.maintenance)")
        }
        let identity = try GitIdentity.current(repository)
        // Refused before anything is planned or journalled: a dry run says so too, and the hotfix's age is untouched.
        if state.author.lowercased() == identity.email.lowercased() {
            let refusal = ReleaseBlocked(reason: "\(identity) wrote the release commit, and an author's own approval does not count",
                                         fix: "ask a tech lead to approve")
            if !dryRun {
                try? AuditLog(repository: repository, remote: remote).append(AuditEntry(
                    identity: identity.description, action: "hotfix.approve", version: version.description, commands: [],
                    outcome: "refused", durationSeconds: 0, detail: String(describing: refusal)))
            }
            throw refusal
        }
        let journal = location.journal ?? ReleaseJournal(version: version.description, branch: location.branch,
                                                         base: location.baseTag?.name ?? "", startedBy: identity.description, startedAt: location.firstCommitAt)
        let commands = forge.approveCommands(branch: location.branch, base: location.maintenance)
        return try release.perform(action: "hotfix.approve", step: "approve", version: version, commands: release.display(commands),
                                   dryRun: dryRun, journal: journal, journalKind: Self.journalKind(for: version), finishes: false) {
            try forge.approve(branch: location.branch, base: location.maintenance, identity: identity)
            let rule = FastTrackApproval.evaluate(try forge.pullRequest(branch: location.branch, base: location.maintenance),
                                                  techLeads: config.forge.techLeads)
            if let lead = rule.approvedBy { return "approved by \(identity): the fast-track rule is met (tech lead \(lead))" }
            return "approved by \(identity), who is not a tech lead: shown, but a tech lead (forge.techLeads) must still approve"
        }
    }

    // MARK: Merge into the maintenance line

    /// Merges the approved hotfix into `maintenance/vX.Y.x` (made from the base tag when missing); main is not touched.
    public func merge(_ version: SemanticVersion, overrideReason: String? = nil, dryRun: Bool = false) throws -> ActionReport {
        try release.fetch()
        let (location, _) = try requireOnRemote(version)
        guard isPrepared(location) else {
            throw ReleaseBlocked(reason: "\(location.branch) is not prepared (it does not end with \(Self.releaseSubject(for: version)))",
                                 fix: "run `slipway hotfix prepare \(version)` first")
        }
        let state = (try? repository.resolveCommit("refs/remotes/\(remote)/\(location.maintenance)")) == nil ? nil
            : try forge.pullRequest(branch: location.branch, base: location.maintenance)
        if state?.state == .merged {
            return ActionReport(action: "hotfix.merge", version: version.description, commands: [], dryRun: dryRun,
                                message: "\(location.branch) is already merged into \(location.maintenance)")
        }
        if state?.state == .closed {
            throw ReleaseBlocked(reason: "the hotfix PR was closed without merging", fix: "reopen it, or prepare again")
        }
        let check = try patchCheck(location, overrideReason: overrideReason)
        if let blocked = check.blocked(branch: location.branch) { throw blocked }
        let rule = FastTrackApproval.evaluate(state, techLeads: config.forge.techLeads)
        if let blocked = rule.blocked(branch: location.branch, version: version) { throw blocked }
        try requireCleanTree()
        let point = try returnPoint()
        let message = "Merge hotfix \(release.tagName(for: version))"
        let commands = maintenanceCommands(location) + forge.mergeCommands(branch: location.branch, base: location.maintenance, message: message)
            + (forge.kind == .local ? [["git", "checkout", point]] : [])
        var journal = location.journal ?? ReleaseJournal(version: version.description, branch: location.branch,
                                                         base: location.baseTag?.name ?? "", startedBy: "unknown", startedAt: location.firstCommitAt)
        if !check.isPatchOnly { journal.overrideReason = check.overrideReason }
        return try release.perform(action: "hotfix.merge", step: ReleaseStep.merge.key, version: version, commands: release.display(commands),
                                   dryRun: dryRun, journal: journal, journalKind: Self.journalKind(for: version), finishes: false,
                                   note: check.isPatchOnly ? nil : check.overrideReason.map { "PATCH-only overridden: \($0)" }) {
            try ensureMaintenance(location)
            defer { if forge.kind == .local { _ = try? repository.gitUnchecked(["checkout", "--quiet", point]) } }
            try forge.merge(branch: location.branch, base: location.maintenance, message: message)
            return "\(location.branch) merged into \(location.maintenance) on \(remote) (fast-tracked by \(rule.approvedBy ?? "a tech lead")); \(config.baseBranch) is untouched"
        }
    }

    // MARK: Tag

    /// The annotated tag `vX.Y.Z` ("Release version X.Y.Z") on the merge into the maintenance line, pushed.
    public func tag(_ version: SemanticVersion, dryRun: Bool = false) throws -> ActionReport {
        try release.fetch()
        let (location, _) = try requireOnRemote(version)
        guard isPrepared(location) else {
            throw ReleaseBlocked(reason: "\(location.branch) is not prepared (it does not end with \(Self.releaseSubject(for: version)))",
                                 fix: "run `slipway hotfix prepare \(version)`, then approve and merge it")
        }
        guard (try? repository.resolveCommit("refs/remotes/\(remote)/\(location.maintenance)")) != nil else {
            throw ReleaseBlocked(reason: "\(location.maintenance) does not exist on \(remote), so \(location.branch) is not merged",
                                 fix: "run `slipway hotfix merge \(version)`")
        }
        let journal = location.journal ?? ReleaseJournal(version: version.description, branch: location.branch,
                                                         base: location.baseTag?.name ?? "", startedBy: "unknown", startedAt: location.firstCommitAt)
        return try release.tagMerged(version: version, branch: location.branch, into: location.maintenance, journal: journal,
                                     action: "hotfix.tag", journalKind: Self.journalKind(for: version),
                                     command: { "slipway hotfix \($0) \(version)" }, dryRun: dryRun)
    }
}

/// Bad input to a hotfix command (a tag that is not a release, a version off the line): exit 2 in headless use.
public struct HotfixInputError: Error, Sendable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
