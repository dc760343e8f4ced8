import Foundation

/// A verdict as the audit log keeps it: enough for a panel to say "healthy on 1.2.0, 5 min ago".
public struct RecordedVerdict: Sendable, Hashable {
    public var environment: String
    public var verdict: Verdict
    public var version: String?
    public var time: Date
    public var by: String
    public var summary: String

    public var json: JSONValue {
        .object([("verdict", .string(verdict.rawValue)), ("version", version.map(JSONValue.string) ?? .null),
                 ("time", .string(ISO8601DateFormatter().string(from: time))), ("by", .string(by)), ("summary", .string(summary))])
    }
}

extension EnvironmentPipeline {
    /// Keeps `verdict` in the audit log (`env.verify`, its outcome the verdict).
    public func record(_ verdict: EnvironmentVerdict) throws(StateFileError) {
        try audit.append(AuditEntry(time: verdict.time, identity: identity, action: "env.verify", version: verdict.version,
                                    target: verdict.environment, outcome: verdict.verdict.rawValue, durationSeconds: 0,
                                    detail: verdict.summary))
    }

    /// The latest verdict taken on each environment, from the audit log.
    public func lastVerdicts(_ entries: [AuditEntry]? = nil) -> [String: RecordedVerdict] {
        var result: [String: RecordedVerdict] = [:]
        for entry in entries ?? audit.entries().entries where entry.action == "env.verify" {
            guard let environment = entry.target, let verdict = Verdict(rawValue: entry.outcome) else { continue }
            result[environment] = RecordedVerdict(environment: environment, verdict: verdict, version: entry.version, time: entry.time,
                                                  by: entry.identity, summary: entry.detail ?? "")
        }
        return result
    }
}
