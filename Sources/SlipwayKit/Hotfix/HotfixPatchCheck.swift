/// The PATCH-only rule of the hotfix process (RELEASE-PROCESS.md §3.3): a commit on the hotfix that is breaking
/// or a feature is flagged, and the hotfix goes on only with a person's reason for overriding the rule.
public struct HotfixPatchCheck: Sendable, Hashable {
    /// The hotfix's commits that are more than a PATCH, newest first.
    public var flagged: [ClassifiedCommit]
    /// The reason a person gave for going on anyway (`--override-reason`), when given.
    public var overrideReason: String?

    public init(flagged: [ClassifiedCommit], overrideReason: String?) {
        self.flagged = flagged
        self.overrideReason = overrideReason
    }

    /// Classifies `commits` by the configured bump rules and flags every breaking or `feat` commit, or any that
    /// would bump more than PATCH.
    public static func check(_ commits: [GitCommit], rules: BumpRules, majorIsZero: Bool, overrideReason: String?) -> HotfixPatchCheck {
        let classified = CommitClassifier(rules: rules, majorIsZero: majorIsZero).classify(commits)
        let flagged = classified.filter { item in
            item.cancelledBy == nil && (item.breaking || item.type == "feat" || item.level > .patch)
        }
        let reason = overrideReason?.trimmingCharacters(in: .whitespacesAndNewlines)
        return HotfixPatchCheck(flagged: flagged, overrideReason: (reason?.isEmpty ?? true) ? nil : reason)
    }

    /// No commit is more than a PATCH.
    public var isPatchOnly: Bool { flagged.isEmpty }

    /// PATCH-only, or overridden with a reason.
    public var passes: Bool { isPatchOnly || overrideReason != nil }

    /// `ok`, `flagged` or `overridden`.
    public var state: String { isPatchOnly ? "ok" : (overrideReason == nil ? "flagged" : "overridden") }

    /// One line per flagged commit: short sha, subject and why.
    public var flaggedLines: [String] {
        flagged.map { "\($0.commit.shortSHA) \($0.subject) (\($0.breaking ? "breaking" : ($0.type == "feat" ? "a feature" : "bumps \($0.level)")))" }
    }

    /// The refusal when the rule is not met, or `nil`.
    public func blocked(branch: String) -> ReleaseBlocked? {
        guard !passes else { return nil }
        return ReleaseBlocked(reason: "\(branch) is not PATCH-only: \(flaggedLines.joined(separator: "; "))",
                              fix: "take those commits off the hotfix, or go on with --override-reason \"why\" (kept in the journal and the audit log)")
    }
}
