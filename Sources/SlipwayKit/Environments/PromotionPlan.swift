import Foundation

/// What promoting an environment would do: from which version to which, what comes with it, what it needs.
public struct PromotionPlan: Sendable {
    public var environment: EnvironmentSettings
    /// What the environment runs now.
    public var current: String?
    public var target: String
    /// The environment the version comes from, or `nil` for the first one.
    public var source: String?
    /// Versions the previous environment runs or ran healthy, newest first: what may be promoted.
    public var offered: [String]
    /// Commits between `current` and `target`, newest first; empty when either has no release tag.
    public var commits: [GitCommit]
    public var changelog: String
    /// Why the commits are missing, when they are.
    public var notes: [String]

    public init(environment: EnvironmentSettings, current: String?, target: String, source: String?, offered: [String],
                commits: [GitCommit] = [], changelog: String = "", notes: [String] = []) {
        self.environment = environment
        self.current = current
        self.target = target
        self.source = source
        self.offered = offered
        self.commits = commits
        self.changelog = changelog
        self.notes = notes
    }

    public var requiresConfirmation: Bool { environment.protected }

    public var json: JSONValue {
        .object([
            ("environment", .string(environment.name)),
            ("current", current.map(JSONValue.string) ?? .null),
            ("target", .string(target)),
            ("source", source.map(JSONValue.string) ?? .null),
            ("offered", .array(offered.map(JSONValue.string))),
            ("requiresConfirmation", .bool(requiresConfirmation)),
            ("commits", .array(commits.map { .object([("sha", .string($0.sha)), ("subject", .string($0.message.subject))]) })),
            ("changelog", .string(changelog)),
            ("notes", .array(notes.map(JSONValue.string))),
        ])
    }
}
