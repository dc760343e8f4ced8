/// The chart's own version for the next release: bumped by the commits since the last release that touched
/// the chart's folder, by the app's rules (breaking → major, feat → minor, anything else that changed it → patch).
public struct ChartVersionProposal: Sendable, Hashable {
    /// The chart's folder, `charts/web`.
    public var path: String
    /// Its Chart.yaml.
    public var file: String
    /// The `version` in Chart.yaml now.
    public var current: String
    /// What the release sets; `nil` when the current version is not SemVer (then `problem` says so).
    public var next: SemanticVersion?
    public var bump: BumpLevel
    /// The commits that decided the level, newest first.
    public var decidedBy: [ClassifiedCommit]
    /// How many commits since the last release touched the chart.
    public var touching: Int
    public var problem: String?

    /// True when the release changes the chart's version.
    public var moves: Bool { next.map { $0.description != current } ?? false }

    public var json: JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("path", .string(path)), ("current", .string(current)), ("next", next.map { .string($0.description) } ?? .null),
            ("bump", .string(bump.name)), ("touchingCommits", .number(Double(touching))),
            ("decidedBy", .array(decidedBy.map { .object([("sha", .string($0.sha)), ("subject", .string($0.subject)),
                                                         ("level", .string($0.level.name))]) })),
        ]
        if let problem { members.append(("problem", .string(problem))) }
        return .object(members)
    }
}
