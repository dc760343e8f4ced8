import Foundation

/// What an environment runs now, as the backend reports it.
public struct DeploymentState: Sendable, Hashable {
    /// The bare version `X.Y.Z`, or `nil` when nothing is deployed.
    public var version: String?
    public var since: Date?
    /// Who deployed it, when the backend knows.
    public var by: String?
    /// Backend status such as `deployed` or `pending-upgrade`.
    public var status: String?
    /// Helm revision or gitops commit.
    public var revision: String?
    /// What to do when the environment is stuck (a helm `pending-*` release).
    public var recovery: String?

    public init(version: String?, since: Date? = nil, by: String? = nil, status: String? = nil, revision: String? = nil,
                recovery: String? = nil) {
        self.version = version
        self.since = since
        self.by = by
        self.status = status
        self.revision = revision
        self.recovery = recovery
    }

    /// True for a helm release stuck in `pending-install`, `pending-upgrade` or `pending-rollback`.
    public var isPending: Bool { status?.hasPrefix("pending") ?? false }
}
