import Foundation

/// Proposes each chart's own version for the release `VersionPlanner` proposed: the commits of that proposal
/// that touched the chart's folder decide the level; a chart untouched since the last release keeps its version.
public struct ChartVersionPlanner: Sendable {
    public let repository: GitRepository
    public let config: SlipwayConfig

    public init(repository: GitRepository, config: SlipwayConfig) {
        self.repository = repository
        self.config = config
    }

    /// One proposal per chart of the repository (none when it has no chart).
    public func propose(for proposal: VersionProposal) -> [ChartVersionProposal] {
        ChartLocator.folders(root: repository.root, config: config).map { propose($0, proposal: proposal) }
    }

    /// The charts whose version the release moves, as `ReleaseFiles.plan` takes them: Chart.yaml path → version.
    public func versions(for proposal: VersionProposal) -> [String: SemanticVersion] {
        var result: [String: SemanticVersion] = [:]
        for chart in propose(for: proposal) where chart.moves {
            if let next = chart.next { result[chart.file] = next }
        }
        return result
    }

    func propose(_ folder: String, proposal: VersionProposal) -> ChartVersionProposal {
        let file = ChartLocator.chartFile(folder)
        var result = ChartVersionProposal(path: folder, file: file, current: "", next: nil, bump: .none, decidedBy: [], touching: 0)
        do {
            result.current = try version(of: file, at: proposal.head)
            guard let current = SemanticVersion(result.current) else {
                result.problem = "\(file): version '\(result.current)' is not SemVer, so the chart's next version cannot be proposed"
                return result
            }
            let base = proposal.baseTag?.name
            // A chart that was not in the last release ships at the version it was written with.
            guard let before = base.flatMap({ try? version(of: file, at: "refs/tags/" + $0) }).flatMap({ SemanticVersion($0) }) else {
                result.next = current
                return result
            }
            let touching = try touchingCommits(folder, base: base, head: proposal.head)
            result.touching = touching.count
            let changed = try changedSince(folder, base: base, head: proposal.head)
            guard changed, !touching.isEmpty else {
                result.next = current
                return result
            }
            let (level, deciding) = level(touching, proposal: proposal, majorIsZero: before.major == 0)
            result.bump = level
            result.decidedBy = deciding
            let bumped = before.core.bumped(level)
            // A version already set by hand above the proposal stays.
            result.next = current > bumped ? current : bumped
        } catch {
            result.problem = "\(file): \(error)"
        }
        return result
    }

    /// The chart's level from the commits that touched it: each counts by its own level (breaking by the
    /// chart's 0.x rule), and a change that counts for nothing in the app still changed the chart: patch.
    func level(_ touching: [String], proposal: VersionProposal, majorIsZero: Bool) -> (BumpLevel, [ClassifiedCommit]) {
        let shas = Set(touching)
        var level = BumpLevel.patch
        var byLevel: [BumpLevel: [ClassifiedCommit]] = [:]
        for commit in proposal.commits where shas.contains(commit.sha) && commit.cancelledBy == nil {
            var own = commit.level
            if commit.breaking, commit.override == nil { own = majorIsZero ? config.bump.breakingWhileZero : .major }
            own = max(own, .patch)
            byLevel[own, default: []].append(commit)
            level = max(level, own)
        }
        return (level, byLevel[level] ?? [])
    }

    /// The `version` of `file` in the working tree (`ref` nil) or at `ref`.
    func version(of file: String, at ref: String?) throws -> String {
        let bytes: [UInt8]
        if let ref {
            guard let data = try repository.show(file, at: ref) else { throw ManifestError(file: file, problem: "does not exist at \(ref)") }
            bytes = [UInt8](data)
        } else {
            guard let data = FileManager.default.contents(atPath: repository.root + "/" + file) else {
                throw ManifestError(file: file, problem: "cannot be read")
            }
            bytes = [UInt8](data)
        }
        guard case .versions(let locations) = try ChartManifest.read(bytes, file: file, fields: ["version"]), let first = locations.first else {
            throw ManifestError(file: file, problem: "has no version")
        }
        return first.value
    }

    /// The commits since `base` (all of them when there is no release yet) that touch `folder`.
    func touchingCommits(_ folder: String, base: String?, head: String) throws(GitError) -> [String] {
        let range = base.map { "refs/tags/\($0)..\(head)" } ?? head
        return try repository.git(["rev-list", "--no-merges", range, "--", folder]).text.split(separator: "\n").map(String.init)
    }

    /// Whether the folder differs from the last release, besides the `appVersion` and `version` that the release
    /// commit itself moves.
    func changedSince(_ folder: String, base: String?, head: String) throws(GitError) -> Bool {
        guard let base else { return true }
        let names = try repository.git(["diff", "--name-only", "refs/tags/\(base)", head, "--", folder]).text
            .split(separator: "\n").map(String.init)
        let chartFile = ChartLocator.chartFile(folder)
        if names.contains(where: { $0 != chartFile }) { return true }
        guard names.contains(chartFile) else { return false }
        let before = (try repository.show(chartFile, at: "refs/tags/\(base)")).map { Self.withoutVersions($0) }
        let after = (try repository.show(chartFile, at: head)).map { Self.withoutVersions($0) }
        return before != after
    }

    /// Chart.yaml's lines without its top-level `version:` and `appVersion:` lines.
    static func withoutVersions(_ data: Data) -> [Substring] {
        String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("version:") && !$0.hasPrefix("appVersion:") }
    }
}
