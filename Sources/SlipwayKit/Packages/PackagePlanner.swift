import Foundation

/// Each package's proposal: its last release tag (or its manifest's version), the commits since that touch its
/// folder, the level they call for (or its changesets'), the next version.
public struct PackageProposal: Sendable {
    public var package: WorkspacePackage
    /// How its tags are written: `web@`, `my-crate-v`.
    public var tagPrefix: String
    public var currentTag: String?
    public var current: SemanticVersion
    public var next: SemanticVersion
    public var bump: BumpLevel
    /// Commits since its last release that touch its folder.
    public var commits: Int
    /// The commits (or changeset files) that decided the level, up to five.
    public var decidedBy: [(sha: String, subject: String)]
    /// `commits` or `changesets`.
    public var source: String

    public var nextTag: String { tagPrefix + next.description }
    public var releaseNeeded: Bool { bump > .none }
}

/// One `git log --name-only` pass over the history since the packages' oldest release attributes every commit to
/// the packages whose folders it touches; no git call per package.
public struct PackagePlanner: Sendable {
    public let repository: GitRepository
    public let config: SlipwayConfig

    public init(repository: GitRepository, config: SlipwayConfig) {
        self.repository = repository
        self.config = config
    }

    /// The tag prefix and last reachable release of each package.
    func bases(_ packages: [WorkspacePackage], tagCommits: [String: String], reachable: Set<String>) -> [(prefix: String, tag: ReleaseTag?)] {
        let names = Array(tagCommits.keys)
        return packages.map { package in
            let scans = package.tagPrefixes.map { prefix in
                (prefix, ReleaseTagScan(tagNames: names.filter { $0.hasPrefix(prefix) && reachable.contains($0) }, prefix: prefix))
            }
            let chosen = scans.max { $0.1.releases.count < $1.1.releases.count }.flatMap { $0.1.releases.isEmpty ? nil : $0 } ?? scans[0]
            return (chosen.0, chosen.1.latest())
        }
    }

    /// How `package`'s tags are written: the form its existing tags use, else its ecosystem's usual one.
    public func tagPrefix(for package: WorkspacePackage) throws -> String {
        let tagCommits = try repository.tagCommits()
        return bases([package], tagCommits: tagCommits, reachable: Set(tagCommits.keys))[0].prefix
    }

    public func propose(_ packages: [WorkspacePackage]) throws -> [PackageProposal] {
        guard !packages.isEmpty else { return [] }
        let tagCommits = try repository.tagCommits()
        let reachable = Set(try repository.tags(mergedInto: "HEAD"))
        let bases = bases(packages, tagCommits: tagCommits, reachable: reachable)
        let baseCommits = bases.map { $0.tag.flatMap { tagCommits[$0.name] } }
        var window = ["HEAD"]
        if baseCommits.allSatisfy({ $0 != nil }) {
            let distinct = Array(Set(baseCommits.compactMap { $0 })).sorted()
            let oldest = distinct.count == 1 ? distinct[0]
                : try repository.git(["merge-base", "--octopus", "--end-of-options"] + distinct).trimmedText
            if !oldest.isEmpty { window.append("^" + oldest) }
        }
        let history = try PackageHistory.read(repository, window: window, packages: packages, rules: config.bump)
        let changesets = Changesets.read(root: repository.root)
        return packages.indices.map { index in
            proposal(packages[index], base: bases[index], baseCommit: baseCommits[index], history: history, changesets: changesets)
        }
    }

    func proposal(_ package: WorkspacePackage, base: (prefix: String, tag: ReleaseTag?), baseCommit: String?,
                  history: PackageHistory, changesets: Changesets) -> PackageProposal {
        let current = base.tag?.version ?? package.manifestVersion ?? .zero
        let excluded = baseCommit.map { history.ancestors(of: $0) } ?? []
        let touching = history.touching(package.path).filter { !excluded.contains($0) }
        var bump = BumpLevel.none
        for index in touching { bump = max(bump, history.level(index, majorIsZero: current.major == 0, rules: config.bump)) }
        var decidedBy = touching.filter { bump > .none && history.level($0, majorIsZero: current.major == 0, rules: config.bump) == bump }
            .prefix(5).map { (history.commits[$0].sha, history.commits[$0].subject) }
        var source = "commits"
        if !changesets.isEmpty {
            bump = changesets.levels[package.name] ?? .none
            decidedBy = changesets.files.map { ("", $0) }
            source = "changesets"
        }
        let next = bump == .none ? current : current.core.bumped(bump)
        return PackageProposal(package: package, tagPrefix: base.prefix, currentTag: base.tag?.name, current: current, next: next,
                               bump: bump, commits: touching.count, decidedBy: decidedBy, source: source)
    }
}
