import Foundation

/// Runs the release standard's steps 1–8 against the repository and the forge. Every state is derived afresh
/// from git and the forge; the journal only says which step was in flight, so a crash at any point resumes.
public struct ReleaseEngine: Sendable {
    /// How long a read-only view waits for the remote before it shows what was fetched last.
    public static let readDeadline: Double = 20
    public let repository: GitRepository
    public let config: SlipwayConfig
    public let forge: any Forge
    public let files: (any ReleaseFilesEditing)?
    /// Today as `YYYY-MM-DD` (UTC), for the CHANGELOG heading.
    public var today: @Sendable () -> String = { ReleaseEngine.utcDate(Date()) }

    public init(repository: GitRepository, config: SlipwayConfig, files: (any ReleaseFilesEditing)?, forge: (any Forge)? = nil) {
        self.repository = repository
        self.config = config
        self.files = files
        self.forge = forge ?? ReleaseEngine.defaultForge(repository: repository, config: config)
    }

    public static func defaultForge(repository: GitRepository, config: SlipwayConfig) -> any Forge {
        switch config.forge.kind {
        case .local: return LocalForge(repository: repository, remote: config.forge.remote)
        case .github: return GitHubForge(repository: repository, remote: config.forge.remote)
        case .gitlab: return GitLabForge(repository: repository, remote: config.forge.remote)
        }
    }

    public var remote: String { config.forge.remote }
    public var base: String { config.baseBranch }

    public func branchName(for version: SemanticVersion) -> String { "release/\(config.tagPrefix)\(version)" }
    public func tagName(for version: SemanticVersion) -> String { config.tagPrefix + version.description }
    static func commitSubject(for version: SemanticVersion) -> String { "chore(release): \(version)" }

    /// `chore(release): 1.2.0`, or for one package of a monorepo `chore(release): api@1.2.0`.
    func commitSubject(for version: SemanticVersion) -> String {
        config.packagePaths.isEmpty ? Self.commitSubject(for: version) : "chore(release): \(tagName(for: version))"
    }

    static func utcDate(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: date)
    }

    // MARK: Finding the release in progress

    /// Brings remote branches, tags and approvals up to date.
    /// Brings the remote's branches and tags; `timeout` is short for a read-only view (20 s), long for an action.
    public func fetch(timeout: Double = 300) throws {
        let output = try repository.gitUnchecked(["fetch", "--quiet", "--prune", "--tags", "--end-of-options", remote], timeout: timeout)
        guard output.status.isSuccess else {
            throw ForgeError("fetching from \(remote) failed: \(output.errorSummary); check the remote and your access")
        }
    }

    /// The release in progress: the journal's, or the highest untagged `release/…` branch on the remote.
    public func releaseInProgress() throws -> (version: SemanticVersion, journal: ReleaseJournal?)? {
        if let journal = try ReleaseJournal.load(repository), let version = SemanticVersion(journal.version) {
            return (version, journal)
        }
        let prefix = "refs/remotes/\(remote)/release/\(config.tagPrefix)"
        let refs = try repository.git(["for-each-ref", "--format=%(refname)", "refs/remotes/\(remote)/release/"]).text
            .split(separator: "\n").map(String.init)
        var candidates: [SemanticVersion] = []
        for ref in refs where ref.hasPrefix(prefix) {
            guard let version = SemanticVersion(String(ref.dropFirst(prefix.count))) else { continue }
            if try !tagExists(tagName(for: version)).anywhere { candidates.append(version) }
        }
        return candidates.max().map { ($0, nil) }
    }

    func tagExists(_ tag: String) throws -> (local: Bool, remote: Bool, anywhere: Bool) {
        let local = try repository.gitUnchecked(["rev-parse", "--verify", "--quiet", "refs/tags/\(tag)"]).status.isSuccess
        let remoteOutput = try repository.gitUnchecked(["ls-remote", "--tags", "--end-of-options", remote, "refs/tags/\(tag)"], timeout: 30)
        let onRemote = remoteOutput.status.isSuccess && !remoteOutput.trimmedText.isEmpty
        return (local, onRemote, local || onRemote)
    }

    /// The commit the remote's tag `tag` points at (peeled through an annotated tag), or `nil`.
    func remoteTagCommit(_ tag: String) throws -> String? {
        let output = try repository.gitUnchecked(["ls-remote", "--tags", "--end-of-options", remote, "refs/tags/\(tag)", "refs/tags/\(tag)^{}"], timeout: 120)
        guard output.status.isSuccess else { return nil }
        var plain: String?
        for line in output.text.split(separator: "\n") {
            let fields = line.split(separator: "\t")
            guard fields.count == 2 else { continue }
            if fields[1].hasSuffix("^{}") { return String(fields[0]) }
            plain = String(fields[0])
        }
        return plain
    }

    // MARK: Status

    // Long because the eight steps are judged in order, each from what the earlier ones found; it reads as the standard's checklist.
    /// Every step's state. `fetch` first brings the remote's view up to date.
    public func status(fetch shouldFetch: Bool = true) throws -> ReleaseStatus {
        var warnings: [String] = []
        if shouldFetch {
            do { try fetch(timeout: Self.readDeadline) } catch {
                warnings.append("\(error); showing what was fetched from \(remote) last")
            }
        }
        let required = config.forge.requiredApprovals
        guard let (version, journal) = try releaseInProgress() else {
            return try notStartedStatus(required: required, warnings: warnings)
        }
        let branch = journal?.branch ?? branchName(for: version)
        let tag = tagName(for: version)
        let claim = try? ReleaseClaims(repository: repository, remote: remote).claim("release")
        let startedBy = journal?.startedBy ?? (claim?.version == version.description ? claim?.startedBy : nil)
        var steps: [(ReleaseStep, StepState)] = [(.version, .done("\(version) (\(startedBy.map { "started by \($0)" } ?? "release branch found on \(remote)"))"))]
        let remoteTip = try? repository.resolveCommit("refs/remotes/\(remote)/\(branch)")
        let localTip = try? repository.resolveCommit("refs/heads/\(branch)")
        let subject = commitSubject(for: version)
        let interrupted = journal?.inFlight.map { "interrupted while running \($0.step)" }

        // Steps 2–3: the release commit on the release branch.
        if let remoteTip, try repository.git(["log", "-1", "--format=%s", remoteTip]).trimmedText == subject {
            var problems: [String] = []
            if let files { problems = (try? files.problems(version: version, at: remoteTip, repository: repository, config: config)) ?? [] }
            let manifestProblems = problems.filter { !$0.localizedCaseInsensitiveContains("changelog") }
            let changelogProblems = problems.filter { $0.localizedCaseInsensitiveContains("changelog") }
            steps.append((.manifest, manifestProblems.isEmpty ? .done("\(version) committed on \(branch)")
                : .failed(reason: manifestProblems.joined(separator: "; "), fix: "fix the files on \(branch) and push")))
            steps.append((.changelog, changelogProblems.isEmpty ? .done("section [\(version)] committed on \(branch)")
                : .failed(reason: changelogProblems.joined(separator: "; "), fix: "fix CHANGELOG on \(branch) and push")))
        } else if remoteTip != nil {
            let state = StepState.failed(reason: "\(branch) on \(remote) does not end with the commit \(subject)",
                                         fix: "check who pushed it; delete it on \(remote) and prepare again, or push the release commit to it")
            steps.append((.manifest, state))
            steps.append((.changelog, state))
        } else if localTip != nil {
            let state = StepState.failed(reason: interrupted ?? "\(branch) exists here but not on \(remote)",
                                         fix: "run `slipway release prepare` again: it resumes and pushes")
            steps.append((.manifest, state))
            steps.append((.changelog, state))
        } else {
            let state = StepState.failed(reason: interrupted ?? "the release of \(version) was started but \(branch) does not exist",
                                         fix: "run `slipway release prepare` again")
            steps.append((.manifest, state))
            steps.append((.changelog, state))
        }
        let prepared = steps.allSatisfy { $0.1.isDone }

        var pullRequest: PullRequestState?
        if remoteTip != nil {
            do { pullRequest = try forge.pullRequest(branch: branch, base: base) } catch { warnings.append(String(describing: error)) }
        }
        // Step 4.
        if !prepared {
            steps.append((.pullRequest, .blocked(reason: "the release commit is not on \(remote) yet", fix: "run `slipway release prepare`")))
        } else if let pullRequest {
            if pullRequest.state == .closed {
                steps.append((.pullRequest, .failed(reason: "the release PR\(pullRequest.number.map { " #\($0)" } ?? "") was closed without merging",
                                                     fix: "reopen it, or delete \(branch) and prepare again")))
            } else {
                steps.append((.pullRequest, .done(pullRequest.url ?? "\(branch) on \(remote)")))
            }
        } else {
            steps.append((.pullRequest, .ready("open the PR from \(branch) into \(base)")))
        }
        // Step 5.
        let given = pullRequest?.countingApprovals ?? 0
        let merged = pullRequest?.state == .merged
        let closed = pullRequest?.state == .closed
        if merged || (pullRequest != nil && !closed && given >= required) {
            steps.append((.approvals, .done("\(given) of \(required) approval(s)")))
        } else if pullRequest == nil || closed {
            steps.append((.approvals, .blocked(reason: "no open release PR", fix: closed ? "reopen it first" : "open it first")))
        } else {
            let author = pullRequest?.author ?? "the author"
            steps.append((.approvals, .blocked(reason: "\(given) of \(required) approval(s)",
                                               fix: "a reviewer other than \(author) runs `slipway release approve`")))
        }
        // Step 6.
        if merged {
            steps.append((.merge, .done("merged into \(base) on \(remote)")))
        } else if closed {
            steps.append((.merge, .blocked(reason: "the release PR was closed without merging", fix: "reopen it or prepare again")))
        } else if steps.last?.1.isDone == true {
            steps.append((.merge, .ready("merge \(branch) into \(base)")))
        } else {
            steps.append((.merge, .blocked(reason: "approvals are short", fix: "get the approvals first")))
        }
        // Step 7.
        let tagState = try tagExists(tag)
        if tagState.remote {
            steps.append((.tag, .done("\(tag) on \(remote)")))
        } else if tagState.local {
            steps.append((.tag, .failed(reason: "\(tag) exists here but was not pushed", fix: "run `slipway release tag` again: it pushes the tag")))
        } else if merged {
            steps.append((.tag, .ready("tag the merge commit \(tag) and push it")))
        } else {
            steps.append((.tag, .blocked(reason: "not merged yet", fix: "merge first")))
        }
        // Step 8.
        var artefacts: [ArtefactCheck] = []
        if tagState.remote {
            let outcome = try publishOutcome(version: version, tag: tag)
            steps.append((.publish, outcome.state))
            artefacts = outcome.artefacts
        } else {
            steps.append((.publish, .blocked(reason: "the tag is not pushed yet", fix: "tag first")))
        }
        if let journal, let failure = journal.lastFailure { warnings.append("last attempt failed: \(failure)") }
        let claims = ReleaseClaims(repository: repository, remote: remote)
        if let claim = try? claims.claim("release"), claim.version == version.description, claim.clone != claims.cloneID {
            warnings.append("\(claim.startedBy) is making this release from another clone since \(ReleaseClaims.time(claim.startedAt)) (step \(claim.step) since \(ReleaseClaims.time(claim.stepSince)))")
        }
        var status = ReleaseStatus(version: version, tagName: tag, branch: branch, base: base, started: true, steps: steps,
                                   pullRequest: pullRequest, requiredApprovals: required, preconditions: [], journal: journal,
                                   warnings: warnings)
        status.artefacts = artefacts
        return status
    }

    private func notStartedStatus(required: Int, warnings: [String]) throws -> ReleaseStatus {
        var warnings = warnings
        let proposal: VersionProposal
        do {
            proposal = try VersionPlanner(repository: repository, config: config).propose()
        } catch {
            throw ForgeError(String(describing: error))
        }
        warnings += proposal.warnings
        // With nothing to release there is no version to check the preconditions of.
        let preconditions = proposal.isReleaseNeeded ? try self.preconditions(for: proposal.next, proposal: proposal) : []
        var steps: [(ReleaseStep, StepState)] = []
        if proposal.isReleaseNeeded {
            steps.append((.version, .ready("\(proposal.current) → \(proposal.next) (\(proposal.bump)), decided by \(proposal.decidingCommits.count) commit(s)")))
        } else {
            steps.append((.version, .blocked(reason: "no releasable changes since \(proposal.baseTag?.name ?? "the start")",
                                             fix: "merge a feat or fix, or classify commits / override the version")))
        }
        let prepareState: StepState = preconditions.first
            ?? (proposal.isReleaseNeeded ? .ready("`slipway release prepare` writes \(proposal.next) on \(branchName(for: proposal.next))")
                : .blocked(reason: "nothing to release", fix: "see step 1"))
        steps.append((.manifest, prepareState))
        steps.append((.changelog, prepareState))
        for step in [ReleaseStep.pullRequest, .approvals, .merge, .tag, .publish] {
            steps.append((step, .blocked(reason: "the release is not prepared", fix: "run `slipway release prepare`")))
        }
        var status = ReleaseStatus(version: proposal.isReleaseNeeded ? proposal.next : nil,
                                   tagName: proposal.isReleaseNeeded ? proposal.nextTagName : nil,
                                   branch: nil, base: base, started: false, steps: steps, pullRequest: nil,
                                   requiredApprovals: required, preconditions: preconditions, journal: nil, warnings: warnings)
        if let last = proposal.baseTag { status.lastRelease = try published(last) }
        return status
    }

    /// The problems that stop a release of `version` from being prepared, each naming its fix.
    public func preconditions(for version: SemanticVersion, proposal: VersionProposal) throws -> [StepState] {
        var problems: [StepState] = []
        let dirty = try repository.git(["status", "--porcelain", "--untracked-files=no"]).trimmedText
        if !dirty.isEmpty {
            let count = dirty.split(separator: "\n").count
            problems.append(.blocked(reason: "the working tree has \(count) uncommitted change(s)", fix: "commit or stash them"))
        }
        let branch = try repository.currentBranch()
        if branch != base {
            problems.append(.blocked(reason: "on \(branch ?? "a detached HEAD"), not on \(base)", fix: "git checkout \(base)"))
        }
        if let remoteBase = try? repository.resolveCommit("refs/remotes/\(remote)/\(base)") {
            let counts = try repository.git(["rev-list", "--left-right", "--count", "refs/heads/\(base)...\(remoteBase)"]).trimmedText
                .split(whereSeparator: { $0 == "\t" || $0 == " " }).compactMap { Int($0) }
            if counts.count == 2 {
                if counts[1] > 0 { problems.append(.blocked(reason: "\(base) is \(counts[1]) commit(s) behind \(remote)", fix: "git pull --ff-only")) }
                if counts[0] > 0 { problems.append(.blocked(reason: "\(base) has \(counts[0]) commit(s) not on \(remote)", fix: "push them (or open a PR) before releasing")) }
            }
        } else {
            problems.append(.blocked(reason: "\(remote)/\(base) is unknown", fix: "add the remote \(remote) and push \(base)"))
        }
        let tag = tagName(for: version)
        let exists = try tagExists(tag)
        if exists.anywhere {
            problems.append(.blocked(reason: "the tag \(tag) already exists\(exists.remote ? " on \(remote)" : " here")",
                                     fix: "choose another version (override it) or delete the stray tag"))
        }
        if let last = proposal.baseTag?.version, !(version > last) {
            problems.append(.blocked(reason: "\(version) is not above the last release \(last)", fix: "override the version with a higher one"))
        }
        if let lint = chartLintProblem() { problems.append(lint) }
        return problems
    }

    /// The charts' lint errors as a precondition (standard 4.2–4.3), or `nil` when they have none.
    public func chartLintProblem() -> StepState? {
        let errors = ChartLinter(repository: repository, config: config).lint(proposals: false).flatMap(\.errors)
        guard let first = errors.first else { return nil }
        return .blocked(reason: "chart lint: \(errors.count) error(s), first \(first.description)",
                        fix: "fix the chart (slipway chart lint shows each), or release anyway: slipway release prepare --override-reason TEXT")
    }
}

/// `publish` in `.slipway.json`: a command whose exit status tells whether the tag's artefacts were published.
public struct PublishSettings: Sendable {
    public var command: [String]
    public var timeout: Double

    static func from(_ config: SlipwayConfig) throws(ConfigError) -> PublishSettings? {
        guard let node = config.sections["publish"] else { return nil }
        let members = try node.members(allowed: ["command", "timeoutSeconds"])
        guard let commandNode = members["command"] else { throw node.error("needs a \"command\" (an argv array)") }
        let command = try commandNode.strings()
        if command.isEmpty { throw commandNode.error("must name a program") }
        let timeout = try members["timeoutSeconds"].map { (node) throws(ConfigError) in Double(try node.integer(in: 1...3600)) } ?? 120
        return PublishSettings(command: command, timeout: timeout)
    }
}
