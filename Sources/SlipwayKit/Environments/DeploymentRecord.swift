import Foundation

/// One past deployment in an environment's history.
public struct DeploymentRecord: Sendable, Hashable {
    public var version: String
    public var time: Date?
    public var by: String?
    /// Helm revision number or gitops commit.
    public var revision: String?
    /// `deployed`, `superseded`, `failed`, …; `nil` when the backend does not say.
    public var status: String?

    public init(version: String, time: Date? = nil, by: String? = nil, revision: String? = nil, status: String? = nil) {
        self.version = version
        self.time = time
        self.by = by
        self.revision = revision
        self.status = status
    }

    /// The deployment went through: not `failed`, not stuck `pending-*`.
    public var wasHealthy: Bool {
        guard let status else { return true }
        return status == "deployed" || status == "superseded"
    }
}
