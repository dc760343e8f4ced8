import Foundation

/// The release flow's view of the release files: writes them through `ReleaseFiles` (all or none) and checks
/// that a commit carries a version in every manifest and the CHANGELOG.
public struct ReleaseFileEditor: ReleaseFilesEditing {
    public init() {}

    public func apply(version: SemanticVersion, date: String, proposal: VersionProposal, repository: GitRepository,
                      config: SlipwayConfig) throws -> [String] {
        let files = try plan(version: version, date: date, proposal: proposal, repository: repository, config: config)
        try files.write()
        return files.edits.filter { $0.before != $0.after }.map(\.path)
    }

    public func changes(version: SemanticVersion, date: String, proposal: VersionProposal, repository: GitRepository,
                        config: SlipwayConfig) throws -> [String] {
        try plan(version: version, date: date, proposal: proposal, repository: repository, config: config)
            .edits.filter { $0.before != $0.after }.map(\.path)
    }

    private func plan(version: SemanticVersion, date: String, proposal: VersionProposal, repository: GitRepository,
                      config: SlipwayConfig) throws -> ReleaseFiles {
        try ReleaseFiles.plan(root: repository.root, config: config, version: version, date: try ReleaseDate(parsing: date),
                              commits: proposal.commits,
                              chartVersions: ChartVersionPlanner(repository: repository, config: config).versions(for: proposal))
    }

    public func problems(version: SemanticVersion, at commit: String, repository: GitRepository, config: SlipwayConfig) throws -> [String] {
        var problems: [String] = []
        for item in ManifestSet.discover(root: repository.root, config: config) {
            guard case .success(let file) = item else { continue }
            guard let data = try repository.show(file.path, at: commit) else {
                problems.append("\(file.path) is missing at \(commit.prefix(7))")
                continue
            }
            guard case .versions(let locations) = try file.read([UInt8](data)) else { continue }
            let wrong = locations.map(\.value).filter { $0 != version.description }
            if !wrong.isEmpty { problems.append("\(file.path) has \(wrong.joined(separator: ", ")), not \(version)") }
        }
        guard let data = try repository.show(config.changelog, at: commit) else {
            return problems + ["the changelog \(config.changelog) is missing at \(commit.prefix(7))"]
        }
        let changelog = try Changelog.parse([UInt8](data), file: config.changelog)
        if !changelog.releaseSections.contains(where: { Changelog.sameVersion($0.version ?? "", version) }) {
            problems.append("the changelog \(config.changelog) has no section for \(version)")
        }
        return problems
    }
}
