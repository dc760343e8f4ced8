import Foundation
@testable import SlipwayKit

/// One team, several machines: a bare application remote with releases 1.0.0–1.2.0 and `.slipway.json`, a bare
/// GitOps environments remote (test 1.2.0, staging 1.1.0, production 1.0.0), and clones of the application, each
/// run as its own person.
final class TeamFixture: @unchecked Sendable {
    let remote: TestRepository
    let envs: GitopsFixture
    var clones: [TestRepository] = []

    static let people = [("Ada Release", "ada@example.com"), ("Lin Lead", "lin@example.com"), ("Olu Oncall", "olu@example.com")]

    init(clones count: Int = 2) throws {
        envs = try GitopsFixture()
        remote = try TestRepository(bare: true)
        let seed = envs.app
        try seed.git(["add", ".slipway.json"])
        try seed.commit("chore: slipway settings")
        try seed.git(["push", "-q", remote.root, "main", "--tags"])
        for index in 0..<count {
            let clone = try TestRepository(cloneOf: remote)
            clone.identity = Self.people[index]
            try clone.git(["config", "user.name", Self.people[index].0])
            try clone.git(["config", "user.email", Self.people[index].1])
            clones.append(clone)
        }
    }

    /// `slipway ARGUMENTS` in clone `index`, as its person.
    func slipway(_ index: Int, _ arguments: [String]) throws -> SlipwayBinary.Result {
        let person = Self.people[index]
        return try SlipwayBinary.run(arguments + ["--repo", clones[index].root], environment: [
            "GIT_AUTHOR_NAME": person.0, "GIT_AUTHOR_EMAIL": person.1, "GIT_COMMITTER_NAME": person.0, "GIT_COMMITTER_EMAIL": person.1,
        ])
    }

    /// The pipeline of clone `index` after a sync of the shared records.
    func pipeline(_ index: Int) throws -> EnvironmentPipeline {
        let repository = try clones[index].repository()
        let config = try SlipwayConfig.load(repositoryRoot: repository.root)
        SharedState(repository: repository, remote: "origin").sync()
        return try EnvironmentPipeline(repository: repository, config: config, runner: clones[index].runner)
    }
}
