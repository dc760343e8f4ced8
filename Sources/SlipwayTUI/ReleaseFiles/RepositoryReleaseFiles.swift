import Foundation
import SlipwayKit

/// The Version panel's previews and writes, on the repository at `path`: every manifest at the version and the
/// CHANGELOG released (drafted from the proposal's commits when Unreleased is empty), all or none.
public struct RepositoryReleaseFiles: ReleaseFilesPreviewing {
    public let path: String
    public let runner: CommandRunner
    /// Today's date for the CHANGELOG heading.
    public var date: @Sendable () -> ReleaseDate = { ReleaseDate.today() }

    public init(path: String, runner: CommandRunner = CommandRunner()) {
        self.path = path
        self.runner = runner
    }

    private func plan(version: SemanticVersion, proposal: VersionProposal) throws -> ReleaseFiles {
        let repository = try GitRepository.open(path, runner: runner)
        let config = try SlipwayConfig.load(repository: repository)
        return try ReleaseFiles.plan(root: repository.root, config: config, version: version, date: date(),
                                     commits: proposal.commits,
                                     chartVersions: ChartVersionPlanner(repository: repository, config: config).versions(for: proposal))
    }

    public func preview(version: SemanticVersion, proposal: VersionProposal) throws -> [FileDiff] {
        try plan(version: version, proposal: proposal).edits.filter { $0.before != $0.after }
            .map { FileDiff(path: $0.path, diff: $0.diff) }
    }

    public func write(version: SemanticVersion, proposal: VersionProposal) throws -> [String] {
        let files = try plan(version: version, proposal: proposal)
        try files.write()
        return files.edits.filter { $0.before != $0.after }.map(\.path)
    }
}
