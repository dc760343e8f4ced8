/// Where the release stands: its version, branch, each step's state, the PR and the preconditions.
public struct ReleaseStatus: Sendable {
    public var version: SemanticVersion?
    public var tagName: String?
    public var branch: String?
    public var base: String
    /// `true` once a release branch or journal exists for `version`.
    public var started: Bool
    public var steps: [(step: ReleaseStep, state: StepState)]
    public var pullRequest: PullRequestState?
    public var requiredApprovals: Int
    /// Problems that block preparing a release (empty when none).
    public var preconditions: [StepState]
    public var journal: ReleaseJournal?
    public var warnings: [String]

    /// The first step not done.
    public var nextStep: ReleaseStep? { steps.first(where: { !$0.state.isDone })?.step }

    public func state(of step: ReleaseStep) -> StepState? { steps.first(where: { $0.step == step })?.state }
}

/// What a release action did (or would do, for a dry run).
public struct ActionReport: Sendable {
    public var action: String
    public var version: String
    public var commands: [String]
    public var dryRun: Bool
    public var message: String

    public init(action: String, version: String, commands: [String], dryRun: Bool, message: String) {
        self.action = action
        self.version = version
        self.commands = commands
        self.dryRun = dryRun
        self.message = message
    }
}

/// An action refused because the release is not where it must be: exit 1 in headless use.
public struct ReleaseBlocked: Error, Sendable, CustomStringConvertible {
    public let reason: String
    public let fix: String
    public init(reason: String, fix: String) {
        self.reason = reason
        self.fix = fix
    }
    public var description: String { "\(reason); \(fix)" }
}
