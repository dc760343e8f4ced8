import Foundation

/// One way of deploying an environment (gitops, helm, command): what it runs, what it ran, and how to change it.
public protocol DeploymentBackend: Sendable {
    /// `gitops`, `helm` or `command`.
    var kind: String { get }
    /// What the environment runs now.
    func state() throws(DeploymentError) -> DeploymentState
    /// What the environment ran, newest first; empty when the backend keeps no history.
    func history() throws(DeploymentError) -> [DeploymentRecord]
    /// Makes the environment run `version`; `action` is `env.promote` or `env.rollback`, for messages.
    func deploy(_ version: String, action: String, from current: String?) throws(DeploymentError) -> DeploymentOutcome
    /// Returns the environment to `record` from its history.
    func rollback(to record: DeploymentRecord, from current: String?) throws(DeploymentError) -> DeploymentOutcome
}

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

/// What a deploy or rollback did, for the audit log and the screen.
public struct DeploymentOutcome: Sendable, Hashable {
    /// The commands run, as a person would type them.
    public var commands: [String]
    /// The backend's own output, trimmed.
    public var output: String
    public var revision: String?

    public init(commands: [String], output: String = "", revision: String? = nil) {
        self.commands = commands
        self.output = output
        self.revision = revision
    }
}

/// A deployment backend could not report or act; says what happened and what state the environment is in.
public struct DeploymentError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// Config or data problem (missing key, unknown version).
        case input
        /// The backend's tool failed, hung, is missing or printed something unexpected.
        case backend
        /// Someone else changed the environment at the same time; nothing was changed.
        case conflict
    }

    public var kind: Kind
    public var message: String
    /// The backend's output, for a person to read.
    public var output: String

    public init(_ kind: Kind, _ message: String, output: String = "") {
        self.kind = kind
        self.message = message
        self.output = output
    }

    public var description: String { message }
}
