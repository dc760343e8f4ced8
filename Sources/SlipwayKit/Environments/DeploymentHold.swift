import Foundation

/// A version that must not be promoted to an environment again, placed by a rollback until someone clears it.
public struct DeploymentHold: Sendable, Hashable, Codable {
    public var environment: String
    public var version: String
    public var since: Date
    public var by: String
    public var reason: String

    public init(environment: String, version: String, since: Date = Date(), by: String, reason: String) {
        self.environment = environment
        self.version = version
        self.since = since
        self.by = by
        self.reason = reason
    }
}
