/// The eight steps of the release standard (RELEASE-PROCESS.md §1).
public enum ReleaseStep: Int, Sendable, CaseIterable, Codable, Comparable {
    case version = 1
    case manifest
    case changelog
    case pullRequest
    case approvals
    case merge
    case tag
    case publish

    public static func < (lhs: ReleaseStep, rhs: ReleaseStep) -> Bool { lhs.rawValue < rhs.rawValue }

    public var title: String {
        switch self {
        case .version: return "Determine the version"
        case .manifest: return "Update the manifests"
        case .changelog: return "Update the CHANGELOG"
        case .pullRequest: return "Open the release PR"
        case .approvals: return "Obtain approvals"
        case .merge: return "Merge the release PR"
        case .tag: return "Create and push the tag"
        case .publish: return "CI publishes, artefacts verified"
        }
    }

    /// The title in at most 24 columns, for the console's checklist.
    public var shortTitle: String { self == .publish ? "CI publishes, verified" : title }

    /// The key used in JSON and the journal.
    public var key: String {
        switch self {
        case .version: return "version"
        case .manifest: return "manifest"
        case .changelog: return "changelog"
        case .pullRequest: return "pull-request"
        case .approvals: return "approvals"
        case .merge: return "merge"
        case .tag: return "tag"
        case .publish: return "publish"
        }
    }
}

/// Where one step stands, derived afresh from the repository and the forge.
public enum StepState: Sendable, Hashable {
    case done(String)
    case ready(String)
    case blocked(reason: String, fix: String)
    case running(String)
    case failed(reason: String, fix: String)

    public var name: String {
        switch self {
        case .done: return "done"
        case .ready: return "ready"
        case .blocked: return "blocked"
        case .running: return "running"
        case .failed: return "failed"
        }
    }

    public var detail: String {
        switch self {
        case .done(let text), .ready(let text), .running(let text): return text
        case .blocked(let reason, _), .failed(let reason, _): return reason
        }
    }

    public var fix: String? {
        switch self {
        case .blocked(_, let fix), .failed(_, let fix): return fix
        default: return nil
        }
    }

    public var isDone: Bool { if case .done = self { return true } else { return false } }
}
