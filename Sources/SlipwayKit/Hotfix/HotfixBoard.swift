import Foundation

/// The leads' hotfix board (RELEASE-PROCESS.md §3, PRODUCT.md "lead"): every hotfix, open or released, with its
/// base tag, PATCH-only check, tech-lead approval, merge, tag, publish and backport state, sorted by what needs
/// attention. Pure data: the console's panel and `slipway hotfix status` render it.
public struct HotfixBoard: Sendable {
    public var rows: [HotfixBoardRow]
    /// What could not be read (a forge error, a fetch that failed); the rows still show what could.
    public var warnings: [String]
    /// When the board was read, for ages.
    public var now: Date
    /// Who reads it (the git identity's e-mail), so that an action only its author could not take is shown disabled.
    public var reader: String?
    /// The release tags a hotfix can start from, newest first.
    public var releaseTags: [ReleaseTag] = []

    public init(rows: [HotfixBoardRow], warnings: [String], now: Date, reader: String? = nil) {
        self.rows = HotfixBoard.sorted(rows, now: now)
        self.warnings = warnings
        self.now = now
        self.reader = reader
    }

    /// Why `reader` cannot approve `row` (they wrote it), or `nil`.
    public func approvalRefusal(_ row: HotfixBoardRow) -> String? {
        guard let reader, let author = row.author, reader.lowercased() == author.lowercased() else { return nil }
        return "you (\(reader)) wrote \(row.version): your approval would not count; a tech lead approves it"
    }

    /// Most urgent first; within the same need, the oldest first, then by version.
    public static func sorted(_ rows: [HotfixBoardRow], now: Date) -> [HotfixBoardRow] {
        rows.sorted { lhs, rhs in
            if lhs.attention != rhs.attention { return lhs.attention < rhs.attention }
            let left = lhs.age(now: now) ?? 0, right = rhs.age(now: now) ?? 0
            if left != right { return left > right }
            return lhs.version < rhs.version
        }
    }

    /// Reads every hotfix from the repository and the forge (`fetch` first brings the remote's view up to date).
    public static func load(_ engine: HotfixEngine, fetch: Bool = true) throws -> HotfixBoard {
        var warnings: [String] = []
        if fetch {
            do { try engine.release.fetch(timeout: ReleaseEngine.readDeadline) } catch { warnings.append(String(describing: error)) }
        }
        let scan = ReleaseTagScan(tagNames: try engine.repository.tags(mergedInto: nil), prefix: engine.config.tagPrefix)
        var rows: [HotfixBoardRow] = []
        for version in try engine.hotfixVersions() {
            do {
                guard let location = try engine.locate(version, scan: scan) else { continue }
                rows.append(try row(location, engine: engine, warnings: &warnings))
            } catch {
                warnings.append("hotfix \(version): \(error)")
                rows.append(HotfixBoardRow.unreadable(version, tag: engine.release.tagName(for: version), branch: engine.branchName(for: version),
                                                      problem: "it could not be read: \(error)"))
            }
        }
        let reader = (try? GitIdentity.current(engine.repository))?.email
        var board = HotfixBoard(rows: rows, warnings: warnings, now: engine.now(), reader: reader)
        board.releaseTags = scan.releases.filter { $0.version.prerelease.isEmpty }.sorted(by: >)
        return board
    }

    // Long because one hotfix's row gathers what each column needs from git and the forge in one pass over its branch.
    static func row(_ location: HotfixLocation, engine: HotfixEngine, warnings: inout [String]) throws -> HotfixBoardRow {
        let repository = engine.repository
        let remote = engine.remote
        let version = location.version
        let tag = engine.release.tagName(for: version)
        let tagged = location.tagCommit != nil
        var problems = location.problems
        let check = try engine.patchCheck(location)
        let prepared = engine.isPrepared(location) || tagged
        let maintenanceExists = (try? repository.resolveCommit("refs/remotes/\(remote)/\(location.maintenance)")) != nil

        // Approvals: from the forge while the branch is there; from the local forge's notes once it is gone.
        var pullRequest: PullRequestState?
        if location.remoteTip != nil, engine.isPrepared(location), maintenanceExists {
            do { pullRequest = try engine.forge.pullRequest(branch: location.branch, base: location.maintenance) } catch {
                warnings.append("\(location.branch): \(error)")
            }
        }
        var rule = FastTrackApproval.evaluate(pullRequest, techLeads: engine.config.forge.techLeads)
        if pullRequest == nil, tagged, let local = engine.forge as? LocalForge, let releaseCommit = location.releaseCommit {
            try? local.fetchNotes()
            rule = FastTrackApproval.evaluate(try noteApprovals(on: releaseCommit, repository: repository), techLeads: engine.config.forge.techLeads)
        }
        var merged = tagged || pullRequest?.state == .merged
        if !merged, let tip = location.remoteTip, maintenanceExists, engine.isPrepared(location) {
            merged = try engine.isAncestor(tip, of: "refs/remotes/\(remote)/\(location.maintenance)")
        }

        var published = "blocked", publishedDetail = "not tagged yet"
        if tagged {
            do {
                let state = try engine.release.publishState(tag: tag)
                published = state.name
                publishedDetail = state.detail
                if case .failed(let reason, _) = state { problems.append("publishing \(tag) failed: \(reason)") }
            } catch {
                published = "unknown"
                publishedDetail = String(describing: error)
                warnings.append("\(tag): \(error)")
            }
        }

        var backported = false, missing: Int?, changelogOnMain = false
        var commits = location.commits.reversed().map { HotfixBoardRow.Commit(sha: $0.sha, subject: $0.message.subject, onMain: nil) }
        do {
            if let backport = try engine.backportCheck(location) {
                backported = backport.commitsPresent
                missing = backport.missing.count
                changelogOnMain = backport.changelogHasSection
                commits = backport.items.map { HotfixBoardRow.Commit(sha: $0.commit.sha, subject: $0.commit.message.subject, onMain: $0.evidence?.description) }
            }
        } catch {
            warnings.append("\(location.branch): backport check failed: \(error)")
        }
        let backportBranch = engine.backportBranch(for: version)
        let backportOpen = (try? repository.resolveCommit("refs/remotes/\(remote)/\(backportBranch)")) != nil

        let startedAt = location.journal?.startedAt
            ?? location.commits.map(\.authorTime).min().map { Date(timeIntervalSince1970: TimeInterval($0)) }

        let attention: HotfixBoardRow.Attention
        let next: String
        if !problems.isEmpty {
            attention = .problem
            next = problems[0]
        } else if !check.passes {
            attention = .notPatchOnly
            next = "take the non-PATCH commits off \(location.branch), or `slipway hotfix prepare \(version) --override-reason \"…\"`"
        } else if !tagged && !prepared {
            attention = .inProgress
            next = location.commits.isEmpty ? "commit the fix with its test on \(location.branch)" : "`slipway hotfix prepare \(version)`"
        } else if !tagged && !merged && !rule.satisfied {
            attention = .awaitingLeadApproval
            next = rule.noLeadsConfigured ? "list the tech leads in forge.techLeads" : "a tech lead runs `slipway hotfix approve \(version)`"
        } else if !tagged && !merged {
            attention = .readyToMerge
            next = "`slipway hotfix merge \(version)`"
        } else if !tagged {
            attention = .readyToTag
            next = "`slipway hotfix tag \(version)`"
        } else if !backported {
            attention = .notBackported
            next = backportOpen ? "a reviewer runs `slipway hotfix approve-backport \(version)`, then `slipway hotfix merge-backport \(version)` merges \(backportBranch) into \(engine.config.baseBranch)"
                : "`slipway hotfix backport \(version)`"
        } else {
            attention = .done
            next = changelogOnMain ? "nothing" : "add the \(version) section to \(engine.config.baseBranch)'s CHANGELOG (`slipway hotfix backport \(version)`)"
        }
        var row = HotfixBoardRow(
            version: version, tag: tag, branch: location.remoteTip != nil ? location.branch : nil, baseTag: location.baseTag?.name,
            commits: commits, patchOnly: check.state, flaggedCommits: check.flaggedLines,
            overrideReason: check.isPatchOnly ? nil : check.overrideReason, prepared: prepared, techLeadApproval: rule.approvedBy,
            otherApprovals: rule.otherReviews.map { "\($0.reviewer) (\($0.stale ? "stale" : ($0.isAuthor ? "author" : "not a tech lead")))" },
            merged: merged, tagged: tagged, published: published, publishedDetail: publishedDetail, backported: backported,
            missingOnMain: missing, changelogOnMain: changelogOnMain, backportBranchOpen: backportOpen, startedAt: startedAt,
            problems: problems, attention: attention, next: next)
        row.author = pullRequest?.author
        return row
    }

    /// The local forge's approval notes on `commit`, as a pull request state (for a hotfix whose branch is gone).
    static func noteApprovals(on commit: GitCommit, repository: GitRepository) throws -> PullRequestState? {
        let note = try repository.gitUnchecked(["notes", "--ref=\(LocalForge.notesRef)", "show", commit.sha])
        guard note.status.isSuccess else { return nil }
        let reviews = note.text.split(separator: "\n").compactMap { ApprovalRecord.parse(String($0)) }.map {
            ReviewApproval(reviewer: $0.email, name: $0.name, state: .approved, time: $0.time, stale: false,
                           isAuthor: $0.email.lowercased() == commit.authorEmail.lowercased())
        }
        return PullRequestState(number: nil, url: nil, state: .merged, headSHA: commit.sha, author: commit.authorEmail, reviews: reviews)
    }

    /// `hotfix status --json`: `{"hotfixes": [...], "warnings": [...]}`.
    public var json: JSONValue {
        .object([("hotfixes", .array(rows.map { $0.json(now: now) })), ("warnings", .array(warnings.map(JSONValue.string)))])
    }

    /// The board as a plain-text table, one hotfix a line, then each one's next step.
    public var text: String {
        guard !rows.isEmpty else { return "no hotfixes: start one with `slipway hotfix start`\n" }
        let header = ["VERSION", "BASE", "BRANCH", "PATCH", "LEAD APPROVAL", "MERGED", "TAGGED", "PUBLISHED", "BACKPORTED", "AGE"]
        let table = rows.map { row -> [String] in
            [row.version.description, row.baseTag ?? "?", row.branch == nil ? "gone" : "open", row.patchOnly,
             row.techLeadApproval.map { String($0.prefix(24)) } ?? "-", row.merged ? "yes" : "no", row.tagged ? "yes" : "no",
             row.published, row.backported ? "yes" : (row.missingOnMain.map { "no (\($0) missing)" } ?? "?"),
             HotfixBoardRow.ageText(row.age(now: now))]
        }
        var widths = header.map(\.count)
        for line in table { for (index, cell) in line.enumerated() { widths[index] = max(widths[index], cell.count) } }
        func render(_ cells: [String]) -> String {
            cells.enumerated().map { $0.element.padding(toLength: widths[$0.offset], withPad: " ", startingAt: 0) }
                .joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }
        var text = render(header) + "\n"
        for line in table { text += render(line) + "\n" }
        text += "\n"
        for row in rows where row.attention != .done || row.next != "nothing" {
            text += "\(row.version) [\(row.attention.key)]: \(row.next)\n"
        }
        return text
    }
}
