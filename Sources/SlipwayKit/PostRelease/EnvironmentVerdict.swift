import Foundation

/// healthy (exit 0), breach (exit 1, with what to roll back to) or inconclusive (exit 1: it could not be told —
/// never reported as healthy).
public enum Verdict: String, Sendable, Hashable {
    case healthy, breach, inconclusive

    public var symbol: String {
        switch self {
        case .healthy: return "✓"
        case .breach: return "✗"
        case .inconclusive: return "?"
        }
    }
}

/// One rollback criterion evaluated: its value, how many samples failed, and its state.
public struct CheckResult: Sendable, Hashable {
    public enum State: String, Sendable, Hashable { case pass, breach, inconclusive }

    public var check: RollbackCheck
    /// The latest value (the last sample of a window).
    public var value: Double?
    public var samples: Int
    public var failures: Int
    public var state: State
    /// What was seen, in a line: `0.012 ≤ 0.05`, `3 of 10 samples above 0.05`, or why there is no value.
    public var detail: String

    public var json: JSONValue {
        .object([("name", .string(check.name)), ("query", .string(check.query)),
                 ("value", value.map { .number($0) } ?? .null), ("threshold", .string(check.threshold)),
                 ("samples", .number(Double(samples))), ("failures", .number(Double(failures))),
                 ("state", .string(state.rawValue)), ("detail", .string(detail))])
    }
}

/// The verdict on one environment after a deployment: what the backend and the service report, each criterion's
/// value, and — on a breach — the version to roll back to and the command that does it.
public struct EnvironmentVerdict: Sendable, Hashable {
    public var environment: String
    /// The version it should run.
    public var version: String?
    /// What the backend says it runs.
    public var backend: String?
    /// What the service itself reports (`verify`), when asked.
    public var reported: String?
    public var checks: [CheckResult]
    public var verdict: Verdict
    /// Why, one line each: the breaches first, then what could not be told.
    public var reasons: [String]
    public var rollbackTo: String?
    public var rollbackCommand: String?
    public var time: Date

    public var json: JSONValue {
        .object([("environment", .string(environment)), ("verdict", .string(verdict.rawValue)),
                 ("version", version.map(JSONValue.string) ?? .null), ("backend", backend.map(JSONValue.string) ?? .null),
                 ("reported", reported.map(JSONValue.string) ?? .null), ("checks", .array(checks.map(\.json))),
                 ("reasons", .array(reasons.map(JSONValue.string))), ("rollbackTo", rollbackTo.map(JSONValue.string) ?? .null),
                 ("rollbackCommand", rollbackCommand.map(JSONValue.string) ?? .null),
                 ("time", .string(ISO8601DateFormatter().string(from: time)))])
    }

    /// The line the audit log keeps as the detail of an `env.verify`.
    public var summary: String {
        var parts = ["\(verdict.rawValue) on \(version ?? "?")"]
        parts += checks.map { "\($0.check.name): \($0.detail)" }
        parts += reasons.filter { reason in !checks.contains { reason.contains($0.check.name) } }
        return parts.joined(separator: "; ")
    }
}
