/// How a promotion, rollback or drill went: what ran, how long it took against the target.
public struct DeploymentActionResult: Sendable {
    public var environment: String
    public var action: String
    public var from: String?
    public var to: String
    public var outcome: DeploymentOutcome
    public var durationSeconds: Double
    /// The rollback target in seconds, for rollbacks and drills.
    public var targetSeconds: Double?
    /// For a drill: the version put back afterwards.
    public var restored: String?
    public var dryRun: Bool
    /// Said along the way: a lock taken over from a process that is gone.
    public var notes: [String] = []

    public init(environment: String, action: String, from: String?, to: String, outcome: DeploymentOutcome,
                durationSeconds: Double, targetSeconds: Double? = nil, restored: String? = nil, dryRun: Bool = false) {
        self.environment = environment
        self.action = action
        self.from = from
        self.to = to
        self.outcome = outcome
        self.durationSeconds = durationSeconds
        self.targetSeconds = targetSeconds
        self.restored = restored
        self.dryRun = dryRun
    }

    public var withinTarget: Bool? { targetSeconds.map { durationSeconds <= $0 } }

    public var json: JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("environment", .string(environment)), ("action", .string(action)),
            ("from", from.map(JSONValue.string) ?? .null), ("to", .string(to)), ("dryRun", .bool(dryRun)),
            ("durationSeconds", .number((durationSeconds * 1000).rounded() / 1000)),
            ("commands", .array(outcome.commands.map(JSONValue.string))), ("output", .string(outcome.output)),
        ]
        if let targetSeconds { members.append(("targetSeconds", .number(targetSeconds))) }
        if let withinTarget { members.append(("withinTarget", .bool(withinTarget))) }
        if let restored { members.append(("restored", .string(restored))) }
        return .object(members)
    }
}
