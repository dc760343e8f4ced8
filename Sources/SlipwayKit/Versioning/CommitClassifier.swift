/// Applies the bump policy to commits: the level each contributes and why, reverts paired off.
public struct CommitClassifier: Sendable {
    public var rules: BumpRules
    /// While the major version is 0, a breaking change bumps by `rules.breakingWhileZero`.
    public var majorIsZero: Bool
    public var overrides: [String: CommitOverride]

    public init(rules: BumpRules = BumpRules(), majorIsZero: Bool = false, overrides: [String: CommitOverride] = [:]) {
        self.rules = rules
        self.majorIsZero = majorIsZero
        self.overrides = overrides
    }

    /// Classifies `commits` (newest first, as git lists them); the result keeps their order.
    public func classify(_ commits: [GitCommit]) -> [ClassifiedCommit] {
        var result = commits.map(classifyAlone)
        pairReverts(&result)
        return result
    }

    /// The bump for a set of classified commits: the highest level any of them contributes.
    public static func bump(of commits: [ClassifiedCommit]) -> BumpLevel {
        commits.reduce(BumpLevel.none) { max($0, $1.level) }
    }

    private var breakingLevel: BumpLevel { majorIsZero ? rules.breakingWhileZero : .major }

    private func breakingReason(_ cause: String) -> String {
        majorIsZero
            ? "breaking (\(cause)) while the major version is 0 → \(rules.breakingWhileZero) (bump.breakingWhileZero)"
            : "breaking (\(cause)) → major"
    }

    /// Level of one header on its own.
    private func judge(_ header: ConventionalCommit) -> (BumpLevel, String) {
        if header.hasBreakingMarker { return (breakingLevel, breakingReason("'!' after the type")) }
        if let token = header.breakingFooterToken {
            return (breakingLevel, breakingReason("\(token) footer"))
        }
        if let (level, rule) = rules.level(type: header.type, scope: header.scope) {
            return (level, "\(rule) → \(level)")
        }
        if header.scope?.lowercased() == "deps-dev" {
            return (.none, "\(header.type)(deps-dev): development dependencies only → none")
        }
        return (.none, "\(header.type) changes no shipped behaviour → none")
    }

    func classifyAlone(_ commit: GitCommit) -> ClassifiedCommit {
        let message = commit.message
        let header = message.conventional
        if let override = overrides[commit.sha] {
            let kind: ClassifiedCommit.Kind = header == nil ? .nonConventional : (commit.isMerge ? .merge : .conventional)
            return ClassifiedCommit(commit: commit, kind: kind, type: override.type ?? header?.type, scope: header?.scope,
                                    breaking: override.level == .major || (header?.isBreaking ?? false),
                                    level: override.level,
                                    reason: "classified by hand as \(override.level): \(override.reason)", override: override)
        }
        if commit.isMerge {
            return ClassifiedCommit(commit: commit, kind: .merge, type: header?.type, scope: header?.scope, breaking: false,
                                    level: .none, reason: "merge commit: judged by the commits it brings in")
        }
        if message.isRevert {
            return ClassifiedCommit(commit: commit, kind: .revert, type: header?.type ?? "revert", scope: header?.scope,
                                    breaking: header?.isBreaking ?? false, level: .patch,
                                    reason: message.revertedSHAs.isEmpty
                                        ? "revert of a commit it does not name → patch (shipped behaviour changes)"
                                        : "reverts \(message.revertedSHAs.map { String($0.prefix(7)) }.joined(separator: ", ")) from an earlier release → patch (shipped behaviour changes)")
        }
        var level = BumpLevel.none
        var reason = ""
        if let header {
            (level, reason) = judge(header)
        }
        for (index, item) in message.squashed.enumerated() {
            let (itemLevel, itemReason) = judge(item)
            if itemLevel > level || (header == nil && index == 0) {
                level = itemLevel
                reason = "squashed '\(item.header)': \(itemReason)"
            }
        }
        if let header {
            return ClassifiedCommit(commit: commit, kind: message.squashed.isEmpty ? .conventional : .squash,
                                    type: header.type, scope: header.scope,
                                    breaking: header.isBreaking || message.squashed.contains(where: \.isBreaking),
                                    level: level, reason: reason)
        }
        if !message.squashed.isEmpty {
            return ClassifiedCommit(commit: commit, kind: .squash, type: message.squashed.max(by: { judge($0).0 < judge($1).0 })?.type,
                                    scope: nil, breaking: message.squashed.contains(where: \.isBreaking),
                                    level: level, reason: reason)
        }
        let problem = message.headerProblem?.description ?? "not conventional"
        return ClassifiedCommit(commit: commit, kind: .nonConventional, type: nil, scope: nil, breaking: false,
                                level: .none, reason: "not conventional (\(problem)); classify it by hand")
    }

    /// A revert and the commit it reverts cancel out when both are in range; a revert of a revert re-applies.
    func pairReverts(_ commits: inout [ClassifiedCommit]) {
        guard commits.contains(where: { $0.kind == .revert }) else { return }
        // Keyed by the first seven bytes packed in an integer: hashing 100,000 substrings costs more than the rest
        // of the pairing. A target can only be a prefix of a (hex, ASCII) sha if its first bytes are the same.
        func key(_ sha: String) -> UInt64 {
            var packed: UInt64 = 0
            for byte in sha.utf8.prefix(7) { packed = packed << 8 | UInt64(byte) }
            return packed
        }
        var byPrefix: [UInt64: [Int]] = [:]
        byPrefix.reserveCapacity(commits.count)
        for (index, item) in commits.enumerated() { byPrefix[key(item.sha), default: []].append(index) }
        func find(_ sha: String) -> Int? {
            byPrefix[key(sha)]?.first(where: { commits[$0].sha.hasPrefix(sha) })
        }
        var cancelled = Set<Int>()
        // Oldest first, so that a revert of a revert sees its target already paired.
        for index in commits.indices.reversed() where commits[index].kind == .revert && commits[index].override == nil {
            for target in commits[index].commit.message.revertedSHAs {
                guard let targetIndex = find(target) else { continue }
                let revert = commits[index]
                let original = commits[targetIndex]
                if cancelled.contains(targetIndex) {
                    // Reverting a revert that was itself paired: the original change is back.
                    let reapplied = original.commit.message.revertedSHAs.compactMap(find).first.map { commits[$0] }
                    let level = reapplied.map { classifyAlone($0.commit).level } ?? .patch
                    commits[index] = revert.with(level: level, reason: "re-applies \(reapplied?.commit.shortSHA ?? target.prefix(7).description) by reverting its revert \(original.commit.shortSHA) → \(level)")
                } else {
                    cancelled.insert(targetIndex)
                    cancelled.insert(index)
                    commits[targetIndex] = original.with(level: .none, reason: "reverted by \(revert.commit.shortSHA) in this range → none",
                                                         cancelledBy: revert.sha)
                    commits[index] = revert.with(level: .none, reason: "reverts \(original.commit.shortSHA) in this range: they cancel out → none",
                                                 cancelledBy: original.sha)
                }
                break
            }
        }
    }
}

extension ClassifiedCommit {
    func with(level: BumpLevel, reason: String, cancelledBy: String? = nil) -> ClassifiedCommit {
        ClassifiedCommit(commit: commit, kind: kind, type: type, scope: scope, breaking: breaking, level: level,
                         reason: reason, cancelledBy: cancelledBy ?? self.cancelledBy, override: override)
    }
}
