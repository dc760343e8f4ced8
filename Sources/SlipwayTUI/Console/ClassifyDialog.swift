import Foundation
import SlipwayKit

/// The dialog that classifies a commit (or overrides its level) for this release, with a required reason.
public struct ClassifyDialog: Sendable, Hashable {
    /// A choice: the type it should count as (`nil` keeps the commit's own) and the level.
    public struct Choice: Sendable, Hashable {
        public let label: String
        public let type: String?
        public let level: BumpLevel
    }

    public static let choices: [Choice] = [
        Choice(label: "breaking change (major)", type: "feat", level: .major),
        Choice(label: "feat: a feature (minor)", type: "feat", level: .minor),
        Choice(label: "fix: a bug fix (patch)", type: "fix", level: .patch),
        Choice(label: "perf: a speed-up (patch)", type: "perf", level: .patch),
        Choice(label: "refactor (no release)", type: "refactor", level: .none),
        Choice(label: "docs (no release)", type: "docs", level: .none),
        Choice(label: "chore (no release)", type: "chore", level: .none),
        Choice(label: "keep the type, level major", type: nil, level: .major),
        Choice(label: "keep the type, level minor", type: nil, level: .minor),
        Choice(label: "keep the type, level patch", type: nil, level: .patch),
        Choice(label: "keep the type, no release", type: nil, level: .none),
    ]

    public let sha: String
    public let subject: String
    public var choice: Int
    public var reason: String = ""
    public var error: String?

    public init(sha: String, subject: String, choice: Int = 1) {
        self.sha = sha
        self.subject = subject
        self.choice = choice
    }

    /// The override to save, or the problem to show.
    public func validated() -> Result<CommitOverride, ConsoleProblem> {
        let reason = reason.trimmingCharacters(in: .whitespaces)
        guard !reason.isEmpty else { return .failure(ConsoleProblem("a reason is required (type it, then Enter)")) }
        let picked = Self.choices[choice]
        return .success(CommitOverride(level: picked.level, type: picked.type, reason: reason))
    }
}
