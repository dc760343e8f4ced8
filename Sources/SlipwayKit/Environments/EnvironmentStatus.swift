import Foundation

/// One environment as the Environments panel and `env status` show it: pure data, no I/O.
public struct EnvironmentStatus: Sendable {
    public var settings: EnvironmentSettings
    /// What the backend reported, or `nil` when it could not be read (see `problem`).
    public var state: DeploymentState?
    /// Why the state could not be read.
    public var problem: String?
    public var holds: [DeploymentHold]
    /// The version the previous environment runs when it differs from this one's: what promotion would bring.
    public var promotable: String?
    /// The latest `env verify` verdict on it.
    public var lastVerdict: RecordedVerdict?
    /// A promotion, rollback or drill whose command was killed half-way: the next command on the environment
    /// finishes or reverses it.
    public var interrupted: EnvironmentOperation?

    public init(settings: EnvironmentSettings, state: DeploymentState?, problem: String? = nil,
                holds: [DeploymentHold] = [], promotable: String? = nil) {
        self.settings = settings
        self.state = state
        self.problem = problem
        self.holds = holds
        self.promotable = promotable
    }

    public var name: String { settings.name }
    public var version: String? { state?.version }

    /// `{"name", "version", "since", "by", "backend", …}` for `env status --json`.
    public var json: JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("name", .string(name)),
            ("version", version.map(JSONValue.string) ?? .null),
            ("since", state?.since.map { .string(ISO8601DateFormatter().string(from: $0)) } ?? .null),
            ("by", state?.by.map(JSONValue.string) ?? .null),
            ("backend", .string(settings.backend.kind)),
            ("auto", .bool(settings.auto)),
            ("protected", .bool(settings.protected)),
            ("status", state?.status.map(JSONValue.string) ?? .null),
            ("revision", state?.revision.map(JSONValue.string) ?? .null),
        ]
        if let recovery = state?.recovery { members.append(("recovery", .string(recovery))) }
        members.append(("promotable", promotable.map(JSONValue.string) ?? .null))
        members.append(("held", .array(holds.map { .string($0.version) })))
        members.append(("lastVerdict", lastVerdict?.json ?? .null))
        if let interrupted {
            members.append(("interrupted", .object([("action", .string(interrupted.action)), ("from", interrupted.from.map(JSONValue.string) ?? .null),
                                                    ("to", .string(interrupted.to)), ("by", .string(interrupted.by))])))
        }
        if let problem { members.append(("error", .string(problem))) }
        return .object(members)
    }
}

extension EnvironmentOperation {
    /// "the rollback from 1.2.0 to 1.1.0 by Ada was interrupted; the next promotion, rollback or hold of staging …"
    public var warning: String {
        "the \(EnvironmentPipeline.noun(action)) from \(from ?? "nothing") to \(to) by \(by) was interrupted; the next promotion, rollback or hold of \(environment) finishes it or records that nothing changed"
    }
}
