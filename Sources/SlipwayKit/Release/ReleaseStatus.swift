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
    /// The artefacts behind step 8, once the tag is pushed (empty when none are configured).
    public var artefacts: [ArtefactCheck] = []
    /// With no release in progress, the last release as published: steps 7 and 8 stay in view until the next starts.
    public var lastRelease: PublishedRelease?

    /// The first step not done.
    public var nextStep: ReleaseStep? { steps.first(where: { !$0.state.isDone })?.step }

    public func state(of step: ReleaseStep) -> StepState? { steps.first(where: { $0.step == step })?.state }
}

/// A tagged release: what CI published for it, and how its artefacts stand in their registries.
public struct PublishedRelease: Sendable {
    public var version: SemanticVersion
    public var tag: String
    /// Whether the tag is on the remote (step 7).
    public var tagPushed: Bool
    /// Step 8: the CI run and the artefacts together.
    public var publish: StepState
    public var artefacts: [ArtefactCheck]
    /// Steps 9–11: verified where it runs, monitoring healthy, stakeholders notified.
    public var postRelease: [(step: PostReleaseStep, state: StepState)]

    public init(version: SemanticVersion, tag: String, tagPushed: Bool, publish: StepState, artefacts: [ArtefactCheck],
                postRelease: [(step: PostReleaseStep, state: StepState)] = []) {
        self.version = version
        self.tag = tag
        self.tagPushed = tagPushed
        self.publish = publish
        self.artefacts = artefacts
        self.postRelease = postRelease
    }

    /// True when the tag is pushed and every step after it is done.
    public var isFinished: Bool { tagPushed && publish.isDone && postRelease.allSatisfy { $0.state.isDone } }
}

/// What a release action did (or would do, for a dry run).
public struct ActionReport: Sendable, Hashable {
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
