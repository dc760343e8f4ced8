import Foundation

/// One hotfix as the repository shows it: its branch on the remote (when still there), the release tag it
/// started from, its own commits and, once released, its tag. Derived afresh; nothing is stored but the journal.
public struct HotfixLocation: Sendable {
    public var version: SemanticVersion
    /// `hotfix/vX.Y.Z`.
    public var branch: String
    /// `maintenance/vX.Y.x`, where the hotfix is merged.
    public var maintenance: String
    /// The release tag it started from; `nil` when none can be found.
    public var baseTag: ReleaseTag?
    /// The branch's tip on the remote; `nil` when the branch is gone (or was never pushed).
    public var remoteTip: String?
    /// The commit the release tag `vX.Y.Z` points at, once tagged.
    public var tagCommit: String?
    /// The hotfix's own commits (no merges, no `chore(release)` commits), newest first.
    public var commits: [GitCommit]
    /// The `chore(release): X.Y.Z` commit, when the hotfix is prepared.
    public var releaseCommit: GitCommit?
    public var journal: ReleaseJournal?
    /// When the hotfix started as far as git tells: its oldest own commit (a journal made in another clone, or
    /// none at all, must not restart the clock).
    public var firstCommitAt: Date {
        commits.map(\.authorTime).min().map { Date(timeIntervalSince1970: TimeInterval($0)) } ?? Date()
    }
    /// What is wrong with the branch (rebased, base not found), each a sentence with its fix.
    public var problems: [String]

    /// Where the commits end: the branch tip, or the tag when the branch is gone.
    public var end: String? { remoteTip ?? tagCommit }
}

extension HotfixEngine {
    /// Finds the hotfix for `version`; `nil` when it has neither a branch on the remote, a tag, nor a journal.
    public func locate(_ version: SemanticVersion, scan: ReleaseTagScan? = nil) throws -> HotfixLocation? {
        let branch = branchName(for: version)
        var problems: [String] = []
        let journal: ReleaseJournal?
        do { journal = try ReleaseJournal.load(repository, kind: Self.journalKind(for: version)) } catch {
            journal = nil
            problems.append(error.description)
        }
        let remoteTip = try? repository.resolveCommit("refs/remotes/\(remote)/\(branch)")
        let tag = release.tagName(for: version)
        let tagCommit = try? repository.resolveCommit("refs/tags/\(tag)")
        if remoteTip == nil, tagCommit == nil, journal == nil { return nil }
        let scan = try scan ?? ReleaseTagScan(tagNames: repository.tags(mergedInto: nil), prefix: config.tagPrefix)
        let end = remoteTip ?? tagCommit
        let base = try baseTag(for: version, end: end, journal: journal, scan: scan)
        var commits: [GitCommit] = []
        var releaseCommit: GitCommit?
        if let base, let end {
            let baseCommit = try repository.resolveCommit("refs/tags/\(base.name)")
            if !(try isAncestor(baseCommit, of: end)) {
                problems.append("\(remoteTip != nil ? branch : tag) no longer starts from \(base.name) (rebased?); check its history, or start the hotfix again from \(base.name)")
            } else if let mainTip = try? repository.resolveCommit("refs/remotes/\(remote)/\(config.baseBranch)") {
                let mergeBase = try repository.gitUnchecked(["merge-base", end, mainTip])
                if mergeBase.status.isSuccess, !(try isAncestor(mergeBase.trimmedText, of: baseCommit)) {
                    problems.append("\(branch) holds commits of \(config.baseBranch) made after \(base.name) (rebased onto or merged with it); rebuild it from \(base.name) with only the fix")
                }
            }
            let all = try GitLogReader.read(repository, range: ["\(baseCommit)..\(end)", "--no-merges"])
            let releaseSubject = "chore(release): \(version)"
            releaseCommit = all.first { $0.message.subject == releaseSubject }
            commits = all.filter { !$0.message.subject.hasPrefix("chore(release): ") }
        } else if base == nil {
            problems.append("no release tag below \(version) on \(version.major).\(version.minor) is found for \(branch); fetch the tags (git fetch --tags)")
        }
        return HotfixLocation(version: version, branch: branch, maintenance: maintenanceBranch(for: version), baseTag: base,
                              remoteTip: remoteTip, tagCommit: tagCommit, commits: commits, releaseCommit: releaseCommit,
                              journal: journal, problems: problems)
    }

    /// The release tag a hotfix for `version` started from: the journal's, else the highest release below it on
    /// the same MAJOR.MINOR that its history contains, else the highest such tag at all.
    func baseTag(for version: SemanticVersion, end: String?, journal: ReleaseJournal?, scan: ReleaseTagScan) throws -> ReleaseTag? {
        if let name = journal?.base, let tag = scan.releases.first(where: { $0.name == name }) { return tag }
        let candidates = scan.releases.filter {
            !$0.version.isPrerelease && $0.version.major == version.major && $0.version.minor == version.minor && $0.version < version
        }.sorted(by: >)
        if let end {
            for candidate in candidates {
                guard let commit = try? repository.resolveCommit("refs/tags/\(candidate.name)") else { continue }
                if try isAncestor(commit, of: end) { return candidate }
            }
        }
        return candidates.first
    }

    func isAncestor(_ commit: String, of other: String) throws -> Bool {
        try repository.gitUnchecked(["merge-base", "--is-ancestor", commit, other]).status.isSuccess
    }

    /// Every hotfix the remote shows: open `hotfix/*` branches, and release tags made on a maintenance line
    /// (not on the base branch, or on a `Merge hotfix` commit). Lowest version first.
    public func hotfixVersions() throws -> [SemanticVersion] {
        var versions = Set<SemanticVersion>()
        let prefix = "refs/remotes/\(remote)/hotfix/\(config.tagPrefix)"
        let refs = try repository.git(["for-each-ref", "--format=%(refname)", "refs/remotes/\(remote)/hotfix/"]).text
            .split(separator: "\n").map(String.init)
        for ref in refs where ref.hasPrefix(prefix) {
            if let version = SemanticVersion(String(ref.dropFirst(prefix.count))), !version.isPrerelease { versions.insert(version) }
        }
        let mainRef = "refs/remotes/\(remote)/\(config.baseBranch)"
        let offMain: Set<String>
        if (try? repository.resolveCommit(mainRef)) != nil {
            offMain = Set(try repository.git(["tag", "--list", "--no-merged", mainRef]).text.split(separator: "\n").map(String.init))
        } else {
            offMain = []
        }
        // One pass over the tags: each tag's commit subject (the peeled one for an annotated tag).
        let lines = try repository.git(["for-each-ref", "--format=%(refname:strip=2)%1f%(objecttype)%1f%(subject)%1f%(*subject)", "refs/tags"]).text
        var subjects: [String: String] = [:]
        for line in lines.split(separator: "\n") {
            let fields = line.split(separator: "\u{1F}", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 4 else { continue }
            subjects[fields[0]] = fields[1] == "tag" ? fields[3] : fields[2]
        }
        let scan = ReleaseTagScan(tagNames: Array(subjects.keys), prefix: config.tagPrefix)
        for tag in scan.releases where tag.version.patch > 0 && !tag.version.isPrerelease {
            if offMain.contains(tag.name) || subjects[tag.name]?.hasPrefix("Merge hotfix ") == true { versions.insert(tag.version) }
        }
        return versions.sorted()
    }
}
