import Foundation
import SlipwayKit

/// The repository, its configuration and the runner a headless command works with.
struct RepositoryContext {
    let repository: GitRepository
    let config: SlipwayConfig

    init(arguments: ParsedArguments) throws {
        let path = arguments.value("repo") ?? FileManager.default.currentDirectoryPath
        repository = try GitRepository.open(path, runner: CommandRunner())
        let config = try SlipwayConfig.load(repository: repository)
        // `--package NAME`: the single-package flow on one package of a monorepo.
        if let name = arguments.value("package") {
            let package = try PackageLookup.find(name, root: repository.root, config: config)
            let prefix = try PackagePlanner(repository: repository, config: config).tagPrefix(for: package)
            self.config = config.forPackage(package, tagPrefix: prefix)
        } else {
            self.config = config
        }
    }

    static let packageOption = OptionSpec.value("package", "one package of a monorepo (its name or folder; see slipway packages)")

    var planner: VersionPlanner { VersionPlanner(repository: repository, config: config) }

    /// Brings the team's shared records up to date (one fetch); says on stderr when they could not be, and
    /// what was moved into them from this clone's old files.
    @discardableResult
    func sync() -> SharedState.Sync {
        let sync = SharedState(repository: repository, remote: config.forge.remote).sync()
        for line in sync.migrated { FileHandle.standardError.write(Data("slipway: moved into the shared records: \(line)\n".utf8)) }
        if let stale = sync.staleness() { Output.warnings([stale]) }
        return sync
    }
}
