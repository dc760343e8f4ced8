/// `rollback` of an environment: where its plans are and how fast a rollback must be.
public struct RollbackSettings: Sendable, Hashable {
    /// A folder of `vX.Y.Z.md` plans, relative to the repository root.
    public var plans: String?
    public var targetMinutes: Double
    /// Criteria recorded with every promotion when the plan has none.
    public var criteria: String?
    /// The criteria in executable form, asked of Prometheus after each deployment.
    public var checks: [RollbackCheck]

    public init(plans: String? = nil, targetMinutes: Double = 15, criteria: String? = nil, checks: [RollbackCheck] = []) {
        self.plans = plans
        self.targetMinutes = targetMinutes
        self.criteria = criteria
        self.checks = checks
    }

    init(_ node: ConfigNode) throws(ConfigError) {
        let members = try node.members(allowed: ["plans", "targetMinutes", "criteria", "checks"])
        checks = []
        for element in try members["checks"]?.elements() ?? [] {
            let check = try RollbackCheck(element)
            if checks.contains(where: { $0.name == check.name }) { throw element.error("the check '\(check.name)' is listed twice") }
            checks.append(check)
        }
        plans = try members["plans"].map { (node) throws(ConfigError) in try node.string() }
        criteria = try members["criteria"].map { (node) throws(ConfigError) in try node.string() }
        targetMinutes = 15
        if let target = members["targetMinutes"] {
            targetMinutes = try target.number()
            if !(targetMinutes > 0 && targetMinutes <= 1440) { throw target.error("must be minutes from 1 to 1440") }
        }
    }
}
