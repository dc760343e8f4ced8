import Foundation

/// What a rollback would do: from which version back to which, and what goes away with it.
public struct RollbackPlan: Sendable {
    public var environment: EnvironmentSettings
    public var current: String?
    public var target: DeploymentRecord
    /// Why this version was picked (`last good version in history`, `--to`).
    public var choice: String
    /// Commits the rollback takes away, newest first.
    public var commits: [GitCommit]
    public var drill: Bool
    /// Every version the environment's history can go back to (not the current one, not one held there),
    /// newest first: the choices of `--to`.
    public var offered: [String] = []

    public init(environment: EnvironmentSettings, current: String?, target: DeploymentRecord, choice: String,
                commits: [GitCommit] = [], drill: Bool = false) {
        self.environment = environment
        self.current = current
        self.target = target
        self.choice = choice
        self.commits = commits
        self.drill = drill
    }

    public var targetSeconds: Double { environment.rollback.targetMinutes * 60 }

    public var json: JSONValue {
        .object([
            ("environment", .string(environment.name)),
            ("current", current.map(JSONValue.string) ?? .null),
            ("target", .string(target.version)),
            ("revision", target.revision.map(JSONValue.string) ?? .null),
            ("choice", .string(choice)),
            ("drill", .bool(drill)),
            ("offered", .array(offered.map(JSONValue.string))),
            ("targetMinutes", .number(environment.rollback.targetMinutes)),
            ("commits", .array(commits.map { .object([("sha", .string($0.sha)), ("subject", .string($0.message.subject))]) })),
        ])
    }
}
