import Foundation
import SlipwayKit

/// The repository, its configuration and the runner a headless command works with.
struct RepositoryContext {
    let repository: GitRepository
    let config: SlipwayConfig

    init(arguments: ParsedArguments) throws {
        let path = arguments.value("repo") ?? FileManager.default.currentDirectoryPath
        repository = try GitRepository.open(path, runner: CommandRunner())
        config = try SlipwayConfig.load(repositoryRoot: repository.root)
    }

    var planner: VersionPlanner { VersionPlanner(repository: repository, config: config) }
}
