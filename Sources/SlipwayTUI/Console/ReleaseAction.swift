import SlipwayKit

/// A release action the console can run: one of `slipway release prepare | open-pr | approve | merge | tag`.
public enum ReleaseAction: String, Sendable, Hashable, CaseIterable {
    case prepare
    case openPullRequest = "open-pr"
    case approve
    case merge
    case tag
    /// After the tag: the release notice to every channel that does not have it yet.
    case notify

    /// What the confirm dialog and the status line call it.
    public var title: String {
        switch self {
        case .prepare: return "Prepare the release (branch, release files, commit, push)"
        case .openPullRequest: return "Open the release PR"
        case .approve: return "Approve the release PR"
        case .merge: return "Merge the release PR"
        case .tag: return "Create and push the tag"
        case .notify: return "Send the release notice"
        }
    }

    /// The action that moves `step` on, or `nil` for a step the console cannot run (the version is decided by
    /// the commits; CI publishes the artefacts).
    public static func moving(_ step: ReleaseStep) -> ReleaseAction? {
        switch step {
        case .version, .publish: return nil
        case .manifest, .changelog: return .prepare
        case .pullRequest: return .openPullRequest
        case .approvals: return .approve
        case .merge: return .merge
        case .tag: return .tag
        }
    }

    /// The steps whose rows show it running.
    public var steps: [ReleaseStep] {
        switch self {
        case .prepare: return [.manifest, .changelog]
        case .openPullRequest: return [.pullRequest]
        case .approve: return [.approvals]
        case .merge: return [.merge]
        case .tag: return [.tag]
        case .notify: return []
        }
    }
}
