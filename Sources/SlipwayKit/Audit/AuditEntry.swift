import Foundation

/// One mutating action as `.git/slipway/audit.jsonl` records it.
public struct AuditEntry: Sendable, Hashable, Codable {
    public var time: Date
    /// `Name <email>` of the git identity that acted.
    public var identity: String
    /// `release.prepare`, `release.tag`, `env.promote`, `env.rollback`, …
    public var action: String
    public var version: String?
    /// An environment, a branch or another target of the action.
    public var target: String?
    /// The commands run, redacted, as a person would type them.
    public var commands: [String]
    /// `ok`, `failed`, `dry-run`, `refused`.
    public var outcome: String
    public var durationSeconds: Double
    public var detail: String?

    public init(time: Date = Date(), identity: String, action: String, version: String? = nil, target: String? = nil,
                commands: [String] = [], outcome: String, durationSeconds: Double, detail: String? = nil) {
        self.time = time
        self.identity = identity
        self.action = action
        self.version = version
        self.target = target
        self.commands = commands
        self.outcome = outcome
        self.durationSeconds = durationSeconds
        self.detail = detail
    }

    /// One entry of `slipway audit --json`.
    public var json: JSONValue {
        .object([("time", .string(ISO8601DateFormatter().string(from: time))), ("identity", .string(identity)),
                 ("action", .string(action)), ("version", version.map(JSONValue.string) ?? .null),
                 ("target", target.map(JSONValue.string) ?? .null), ("commands", .array(commands.map(JSONValue.string))),
                 ("outcome", .string(outcome)), ("durationSeconds", .number(durationSeconds)),
                 ("detail", detail.map(JSONValue.string) ?? .null)])
    }
}
