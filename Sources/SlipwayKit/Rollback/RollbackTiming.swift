import Foundation

/// How long rolling back takes, measured from the audit log's past rollbacks, drills and promotions.
public struct RollbackTiming: Sendable, Hashable {
    public var seconds: Double
    /// Where the measure came from, for the reason text.
    public var source: String

    public init(seconds: Double, source: String) {
        self.seconds = seconds
        self.source = source
    }

    /// The newest measure for `environment`: its rollbacks and drills first, then drills elsewhere on the same
    /// backend kind, then its promotions; `nil` when nothing was measured.
    public static func measure(environment: String, backendKind: String, kindsByEnvironment: [String: String],
                               entries: [AuditEntry]) -> RollbackTiming? {
        let succeeded = entries.filter { $0.outcome == "ok" }.reversed()
        if let own = succeeded.first(where: { $0.action == "env.rollback" && $0.target == environment }) {
            return RollbackTiming(seconds: own.durationSeconds, source: own.detail == "drill" ? "drill" : "rollback")
        }
        if let drill = succeeded.first(where: { $0.action == "env.rollback" && $0.detail == "drill"
            && kindsByEnvironment[$0.target ?? ""] == backendKind }) {
            return RollbackTiming(seconds: drill.durationSeconds, source: "drill on \(drill.target ?? "another environment")")
        }
        if let promotion = succeeded.first(where: { $0.action == "env.promote" && $0.target == environment }) {
            return RollbackTiming(seconds: promotion.durationSeconds, source: "promotion")
        }
        return nil
    }

    /// `42s`, `3m 05s`.
    public static func format(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded())
        return whole < 60 ? "\(whole)s" : "\(whole / 60)m \(String(format: "%02d", whole % 60))s"
    }
}
