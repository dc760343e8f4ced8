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
