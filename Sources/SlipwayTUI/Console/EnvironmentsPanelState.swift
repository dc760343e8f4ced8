import SlipwayKit

/// What the Environments and Rollback panels show: the environments' status, the selected one, its rollback
/// readiness and plan, and a promotion or rollback in flight with its clock.
public struct EnvironmentsPanelState: Sendable {
    /// The environments' status as last read.
    public enum Load: Sendable {
        case notLoaded
        case loading
        case loaded([EnvironmentStatus])
        case failed(String)
    }

    /// The rollback readiness and plan of one environment.
    public enum RollbackLoad: Sendable {
        case notLoaded
        case loading(String)
        case loaded(RollbackReadiness, plan: RollbackPlan?, planProblem: String?)
        case failed(environment: String, message: String)
    }

    /// A promotion or rollback running off the UI thread.
    public struct Running: Sendable, Hashable {
        public var environment: String
        public var action: String
        public var target: String
        /// Spinner ticks since it started (one every `tickSeconds`).
        public var ticks: Int = 0
        public var targetSeconds: Double?

        public init(environment: String, action: String, target: String, targetSeconds: Double?) {
            self.environment = environment
            self.action = action
            self.target = target
            self.targetSeconds = targetSeconds
        }

        /// The time since it started, counted by the spinner.
        public var elapsedSeconds: Double { Double(ticks) * EnvironmentsPanelState.tickSeconds }
    }

    /// How often the console's spinner ticks while work is in flight.
    public static let tickSeconds = 0.08

    public var load: Load = .notLoaded
    /// The environment chosen on the Environments panel; `nil`: production.
    public var selected: Int?
    /// The environment chosen on the Rollback panel; `nil`: production.
    public var rollbackSelected: Int?
    public var rollback: RollbackLoad = .notLoaded
    /// Lines of the Rollback panel scrolled past (PgUp/PgDn, g/G); back to the top when another environment is chosen.
    public var rollbackScroll = 0
    public var running: Running?
    /// The last promotion's or rollback's outcome, shown until the next one.
    public var outcome: StatusMessage?
    /// Which action the outcome is of (`env.promote`, `env.rollback`): the Rollback panel shows only a rollback's.
    public var outcomeAction: String?
    /// The backend's output of a failed action.
    public var failureOutput: String = ""

    public init() {}

    /// The environments, once read.
    public var statuses: [EnvironmentStatus] {
        if case .loaded(let statuses) = load { return statuses }
        return []
    }

    /// `/` on the Environments panel: only the environments whose name, version or backend contain it.
    public var find = ""

    /// The environments the Environments panel lists (all, or those `find` keeps).
    public var shownIndices: [Int] {
        guard !find.isEmpty else { return Array(statuses.indices) }
        let wanted = find.lowercased()
        return statuses.indices.filter { index in
            let status = statuses[index]
            return [status.name, status.version ?? "", status.settings.backend.kind].contains { $0.lowercased().contains(wanted) }
        }
    }

    /// The selected environment: the chosen one, or production (the last) when none was chosen.
    public var selectedIndex: Int? { index(choosing: selected) }

    public var selectedStatus: EnvironmentStatus? { selectedIndex.map { statuses[$0] } }

    /// The Rollback panel's environment: the one chosen there, or production.
    public var rollbackIndex: Int? { index(choosing: rollbackSelected) }

    public var rollbackStatus: EnvironmentStatus? { rollbackIndex.map { statuses[$0] } }

    func index(choosing choice: Int?) -> Int? {
        let statuses = statuses
        guard !statuses.isEmpty else { return nil }
        if let choice { return min(max(0, choice), statuses.count - 1) }
        return statuses.lastIndex { $0.settings.protected } ?? statuses.count - 1
    }

    /// `mm:ss` for a clock.
    public static func clock(_ seconds: Double) -> String {
        let whole = max(0, Int(seconds))
        let minutes = whole / 60
        let rest = whole % 60
        return (minutes < 10 ? "0" : "") + "\(minutes):" + (rest < 10 ? "0" : "") + "\(rest)"
    }
}
