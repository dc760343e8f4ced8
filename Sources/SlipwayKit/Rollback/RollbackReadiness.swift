import Foundation

/// The rollback readiness of one environment: the checklist the Rollback panel and `env readiness` show.
public struct RollbackReadiness: Sendable {
    public var environment: String
    public var deployed: String?
    /// The version a rollback would return to.
    public var target: String?
    public var items: [ReadinessItem]
    /// The rollback criteria's values now, asked of Prometheus (empty when none are configured).
    public var criteria: [CheckResult] = []

    public init(environment: String, deployed: String?, target: String?, items: [ReadinessItem], criteria: [CheckResult] = []) {
        self.environment = environment
        self.deployed = deployed
        self.target = target
        self.items = items
        self.criteria = criteria
    }

    /// The criteria that are breached now.
    public var breaches: [CheckResult] { criteria.filter { $0.state == .breach } }

    /// True when an item failed (✗); unknowns do not fail.
    public var hasFailure: Bool { items.contains { $0.state == .fail } }

    public var json: JSONValue {
        .object([
            ("environment", .string(environment)),
            ("deployed", deployed.map(JSONValue.string) ?? .null),
            ("rollbackTarget", target.map(JSONValue.string) ?? .null),
            ("ready", .bool(!hasFailure)),
            ("items", .array(items.map(\.json))),
            ("criteria", .array(criteria.map(\.json))),
        ])
    }

    /// What the checklist is judged from, gathered by `EnvironmentPipeline`.
    public struct Inputs: Sendable {
        public var environment: EnvironmentSettings
        public var state: DeploymentState?
        public var target: DeploymentRecord?
        /// `docs/rollback/v1.2.3.md` for the deployed version.
        public var planPath: String?
        public var plan: RollbackPlanDocument?
        /// When the plan was first committed; `nil` when it is not committed.
        public var planCommitted: Date?
        /// Criteria recorded in the audit log when the deployed version was promoted.
        public var recordedCriteria: String?
        /// When the environment's `rollback.checks` were first committed; `nil` when not committed or none.
        public var checksCommitted: Date?
        /// `nil` when no migrations are configured.
        public var migrations: MigrationSettings?
        /// Findings for the migrations since the target, or why they could not be read.
        public var migrationFindings: Result<[MigrationFinding], EnvironmentError>?
        /// The configured artefacts (empty when none are).
        public var artefacts: [ArtefactSettings]
        /// The rollback target's artefacts as their registries report them; `nil` when not looked up.
        public var artefactChecks: [ArtefactCheck]?
        /// Why the target's artefacts could not be looked up (no tag for it, a bad config).
        public var artefactProblem: String?
        public var timing: RollbackTiming?
        /// For helm: the history helm still holds.
        public var helmHistory: [DeploymentRecord]?

        public init(environment: EnvironmentSettings, state: DeploymentState?, target: DeploymentRecord?) {
            self.environment = environment
            self.state = state
            self.target = target
            self.artefacts = []
        }
    }

    /// Judges each item from `inputs`; pure.
    public static func evaluate(_ inputs: Inputs) -> RollbackReadiness {
        let deployed = inputs.state?.version
        var items = [plan(inputs), criteria(inputs), migrations(inputs), artefacts(inputs), time(inputs)]
        if case .helm(let settings) = inputs.environment.backend { items.append(helm(inputs, settings)) }
        return RollbackReadiness(environment: inputs.environment.name, deployed: deployed, target: inputs.target?.version, items: items)
    }

    static func plan(_ inputs: Inputs) -> ReadinessItem {
        let title = "rollback plan for the deployed version"
        guard inputs.state?.version != nil else { return ReadinessItem(id: "plan", title: title, state: .unknown, reason: "nothing is deployed") }
        guard let path = inputs.planPath else {
            return ReadinessItem(id: "plan", title: title, state: .fail,
                                 reason: "no plans folder configured (\(inputs.environment.keyPath).rollback.plans)")
        }
        guard let plan = inputs.plan else { return ReadinessItem(id: "plan", title: title, state: .fail, reason: "no plan at \(path)") }
        guard plan.saysSomething else { return ReadinessItem(id: "plan", title: title, state: .fail, reason: "\(path) says nothing") }
        return ReadinessItem(id: "plan", title: title, state: .pass, reason: path)
    }

    static func criteria(_ inputs: Inputs) -> ReadinessItem {
        let title = "rollback criteria defined before deployment"
        guard inputs.state?.version != nil else { return ReadinessItem(id: "criteria", title: title, state: .unknown, reason: "nothing is deployed") }
        if let plan = inputs.plan, plan.criteria != nil {
            if let committed = inputs.planCommitted, let since = inputs.state?.since, committed > since.addingTimeInterval(60) {
                return ReadinessItem(id: "criteria", title: title, state: .fail,
                                     reason: "\(plan.path) was committed after the deployment (\(Self.day(committed)) > \(Self.day(since)))")
            }
            let when = inputs.planCommitted == nil ? " (not committed, so when it was written is unknown)" : ""
            return ReadinessItem(id: "criteria", title: title, state: .pass, reason: "criteria section in \(plan.path)\(when)")
        }
        if let recorded = inputs.recordedCriteria {
            return ReadinessItem(id: "criteria", title: title, state: .pass, reason: "recorded at promotion: \(recorded.prefix(80))")
        }
        let checks = inputs.environment.rollback.checks
        if !checks.isEmpty {
            let names = checks.map(\.name).joined(separator: ", ")
            if let committed = inputs.checksCommitted, let since = inputs.state?.since, committed > since.addingTimeInterval(60) {
                return ReadinessItem(id: "criteria", title: title, state: .fail,
                                     reason: "the checks (\(names)) were committed after the deployment (\(Self.day(committed)) > \(Self.day(since)))")
            }
            let when = inputs.checksCommitted == nil ? " (not committed, so when they were written is unknown)" : ""
            return ReadinessItem(id: "criteria", title: title, state: .pass,
                                 reason: "\(checks.count) executable check(s) in \(inputs.environment.keyPath).rollback.checks: \(names)\(when)")
        }
        return ReadinessItem(id: "criteria", title: title, state: .fail,
                             reason: "no Rollback criteria section in the plan and none recorded at promotion (\(inputs.environment.keyPath).rollback.criteria)")
    }

    static func migrations(_ inputs: Inputs) -> ReadinessItem {
        let title = "migrations since the rollback target are reversible"
        guard let settings = inputs.migrations else {
            return ReadinessItem(id: "migrations", title: title, state: .pass, reason: "no database migrations configured (migrations in .slipway.json)")
        }
        guard let target = inputs.target else {
            return ReadinessItem(id: "migrations", title: title, state: .unknown, reason: "no earlier version to roll back to")
        }
        switch inputs.migrationFindings {
        case .none:
            return ReadinessItem(id: "migrations", title: title, state: .unknown, reason: "migrations were not read")
        case .failure(let error)?:
            return ReadinessItem(id: "migrations", title: title, state: .unknown, reason: error.description)
        case .success(let findings)?:
            let irreversible = findings.filter { !$0.reversible }
            if let first = irreversible.first {
                let more = irreversible.count > 1 ? " (and \(irreversible.count - 1) more)" : ""
                return ReadinessItem(id: "migrations", title: title, state: .fail, reason: "\(first.path): \(first.reason)\(more)")
            }
            if findings.isEmpty {
                return ReadinessItem(id: "migrations", title: title, state: .pass, reason: "no \(settings.kind.rawValue) migrations since \(target.version)")
            }
            return ReadinessItem(id: "migrations", title: title, state: .pass,
                                 reason: "\(Set(findings.map(\.path)).count) \(settings.kind.rawValue) migration(s) since \(target.version), all reversible")
        }
    }

    static func artefacts(_ inputs: Inputs) -> ReadinessItem {
        let title = "previous version's artefacts still in the registry"
        func item(_ state: ReadinessItem.State, _ reason: String, details: [String] = []) -> ReadinessItem {
            ReadinessItem(id: "artefacts", title: title, state: state, reason: reason, details: details)
        }
        if let problem = inputs.artefactProblem { return item(.unknown, problem) }
        guard !inputs.artefacts.isEmpty else {
            return item(.unknown, "no artefacts are configured, so nothing was looked up; list them under artefacts in .slipway.json")
        }
        guard let target = inputs.target else { return item(.unknown, "no earlier version to roll back to") }
        guard let checks = inputs.artefactChecks else { return item(.unknown, "the artefacts of \(target.version) were not looked up") }
        let details = checks.map { check in
            "\(check.status.symbol) \(check.kind.rawValue) \(check.ref) \(check.status.rawValue)" + (check.shortDigest.map { " " + $0 } ?? "")
        }
        let wrong = checks.filter { $0.status == .missing || $0.status == .mismatch }
        if let first = wrong.first {
            return item(.fail, "\(wrong.count) of \(checks.count) artefact(s) of \(target.version) not usable: \(first.reason)", details: details)
        }
        if let first = checks.first(where: { $0.status != .verified }) {
            return item(.unknown, "\(checks.tally) for \(target.version): \(first.reason)", details: details)
        }
        return item(.pass, "all \(checks.count) artefact(s) of \(target.version) are in their registries", details: details)
    }

    static func time(_ inputs: Inputs) -> ReadinessItem {
        let target = inputs.environment.rollback.targetMinutes
        let title = "rollback within \(Self.minutes(target))"
        guard let timing = inputs.timing else {
            return ReadinessItem(id: "time", title: title, state: .unknown,
                                 reason: "unknown until measured; run slipway env rollback ENV --drill on a non-production environment")
        }
        if timing.source == "promotion" {
            // A promotion is not a rollback: its time says nothing about how fast one goes back.
            return ReadinessItem(id: "time", title: title, state: .unknown,
                                 reason: "not measured: only a promotion was timed (\(RollbackTiming.format(timing.seconds))); run slipway env rollback ENV --drill on a non-production environment")
        }
        let text = "\(timing.source) took \(RollbackTiming.format(timing.seconds)), target \(Self.minutes(target))"
        return ReadinessItem(id: "time", title: title, state: timing.seconds <= target * 60 ? .pass : .fail, reason: text)
    }

    static func helm(_ inputs: Inputs, _ settings: HelmSettings) -> ReadinessItem {
        let title = "helm history reaches the target and no operation is pending"
        if let state = inputs.state, state.isPending {
            return ReadinessItem(id: "helm", title: title, state: .fail, reason: "release is \(state.status ?? "pending"): \(state.recovery ?? "")")
        }
        guard let target = inputs.target else {
            return ReadinessItem(id: "helm", title: title, state: .unknown, reason: "no earlier healthy revision in helm history")
        }
        guard let history = inputs.helmHistory, history.contains(where: { $0.revision == target.revision && $0.revision != nil }) else {
            return ReadinessItem(id: "helm", title: title, state: .fail,
                                 reason: "\(target.version) is no longer in helm history (history-max \(settings.keptHistory)); raise --history-max")
        }
        return ReadinessItem(id: "helm", title: title, state: .pass,
                             reason: "revision \(target.revision ?? "?") (\(target.version)) is in the history of \(history.count) (history-max \(settings.keptHistory))")
    }

    static func minutes(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value)) min" : String(format: "%.1f min", value)
    }

    static func day(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate, .withTime, .withColonSeparatorInTime]
        return formatter.string(from: date)
    }
}
