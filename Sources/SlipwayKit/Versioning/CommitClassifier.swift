/// Applies the bump policy to commits: the level each contributes and why, reverts paired off.
public struct CommitClassifier: Sendable {
    public var rules: BumpRules {
        didSet { scopesWithRules = Self.scopes(in: rules) }
    }
    /// While the major version is 0, a breaking change bumps by `rules.breakingWhileZero`.
    public var majorIsZero: Bool
    public var overrides: [String: CommitOverride]
    /// The scopes some `type(scope)` rule names: only for these is a scoped key looked up.
    private var scopesWithRules: Set<String>

    public init(rules: BumpRules = BumpRules(), majorIsZero: Bool = false, overrides: [String: CommitOverride] = [:]) {
        self.rules = rules
        self.majorIsZero = majorIsZero
        self.overrides = overrides
        scopesWithRules = Self.scopes(in: rules)
    }

    private static func scopes(in rules: BumpRules) -> Set<String> {
        Set(rules.types.keys.compactMap { key -> String? in
            guard let open = key.firstIndex(of: "("), key.hasSuffix(")") else { return nil }
            return String(key[key.index(after: open)..<key.index(before: key.endIndex)])
        })
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

    private func breaking(footer: String?) -> ClassifiedCommit.Reason {
        .breaking(footer: footer, whileZero: majorIsZero ? rules.breakingWhileZero : nil)
    }

    /// Level of one header on its own.
    private func judge(_ header: ConventionalCommit) -> (BumpLevel, ClassifiedCommit.Reason) {
        judge(type: header.type, scope: header.scope, marker: header.hasBreakingMarker, footer: header.breakingFooterToken)
    }

    private func judge(type: String, scope: String?, marker: Bool, footer: String?) -> (BumpLevel, ClassifiedCommit.Reason) {
        if marker { return (breakingLevel, breaking(footer: nil)) }
        if let footer { return (breakingLevel, breaking(footer: footer)) }
        var ruleScope = scope
        if let known = scope, !scopesWithRules.contains(known) {
            // Lower-casing only when it can change something: an ASCII capital, or any non-ASCII text.
            let mayChange = known.utf8.contains(where: { ($0 >= 65 && $0 <= 90) || $0 >= 0x80 })
            if !mayChange || !scopesWithRules.contains(known.lowercased()) { ruleScope = nil }
        }
        if let (level, rule) = rules.level(type: type, scope: ruleScope) {
            return (level, .rule(rule, level))
        }
        if let scope, scope.utf8.count == 8, scope.lowercased() == "deps-dev" {
            return (.none, .developmentDependencies(type: type))
        }
        return (.none, .unshipped(type: type))
    }

    private static let mergeReason = ClassifiedCommit.Reason.text("merge commit: judged by the commits it brings in")

    func classifyAlone(_ commit: GitCommit) -> ClassifiedCommit {
        // The header's facts are read straight from the message: no `ConventionalCommit` is built for a commit.
        let message = commit.message
        let conventional = message.headerProblem == nil
        let type: String? = conventional ? message.headerType : nil
        let scope = conventional ? message.headerScope : nil
        let footer = message.breakingFooterToken
        let isBreaking = conventional && (message.headerBreakingMarker || footer != nil)
        if !overrides.isEmpty, let override = overrides[commit.sha] {
            let kind: ClassifiedCommit.Kind = conventional ? (commit.isMerge ? .merge : .conventional) : .nonConventional
            return ClassifiedCommit(commit: commit, kind: kind, type: override.type ?? type, scope: scope,
                                    breaking: override.level == .major || isBreaking,
                                    level: override.level,
                                    reason: "classified by hand as \(override.level): \(override.reason)", override: override)
        }
        if commit.isMerge {
            return ClassifiedCommit(commit: commit, kind: .merge, type: type, scope: scope, breaking: false,
                                    level: .none, because: Self.mergeReason)
        }
        if message.isRevert {
            return ClassifiedCommit(commit: commit, kind: .revert, type: type ?? "revert", scope: scope,
                                    breaking: isBreaking, level: .patch,
                                    reason: message.revertedSHAs.isEmpty
                                        ? "revert of a commit it does not name → patch (shipped behaviour changes)"
                                        : "reverts \(message.revertedSHAs.map { String($0.prefix(7)) }.joined(separator: ", ")) from an earlier release → patch (shipped behaviour changes)")
        }
        var level = BumpLevel.none
        var reason = ClassifiedCommit.Reason.text("")
        if let type {
            (level, reason) = judge(type: type, scope: scope, marker: message.headerBreakingMarker, footer: footer)
        }
        let squashed = message.squashed
        for (index, item) in squashed.enumerated() {
            let (itemLevel, itemReason) = judge(item)
            if itemLevel > level || (type == nil && index == 0) {
                level = itemLevel
                reason = .text("squashed '\(item.header)': \(itemReason.text)")
            }
        }
        if let type {
            return ClassifiedCommit(commit: commit, kind: squashed.isEmpty ? .conventional : .squash,
                                    type: type, scope: scope,
                                    breaking: isBreaking || squashed.contains(where: \.isBreaking),
                                    level: level, because: reason)
        }
        if !squashed.isEmpty {
            return ClassifiedCommit(commit: commit, kind: .squash, type: squashed.max(by: { judge($0).0 < judge($1).0 })?.type,
                                    scope: nil, breaking: squashed.contains(where: \.isBreaking),
                                    level: level, because: reason)
        }
        return ClassifiedCommit(commit: commit, kind: .nonConventional, type: nil, scope: nil, breaking: false,
                                level: .none, because: .notConventional(message.headerProblem))
    }

    /// A revert and the commit it reverts cancel out when both are in range; a revert of a revert re-applies.
    func pairReverts(_ commits: inout [ClassifiedCommit]) {
        // Only the commits whose sha could be a revert's target are indexed, keyed by their first seven bytes
        // packed in an integer: hashing 100,000 shas costs more than the rest of the pairing.
        var targets = Set<UInt64>()
        // By index throughout: a copy of each of 100,000 classified commits costs more than the pairing.
        // (A revert classified by hand is no longer of kind .revert, but a later revert of it still needs the
        // commit it named.)
        for index in commits.indices where commits[index].kind == .revert || commits[index].override != nil {
            for sha in commits[index].commit.message.revertedSHAs { targets.insert(GitCommit.key(sha.utf8)) }
        }
        guard !targets.isEmpty else { return }
        var byPrefix: [UInt64: [Int]] = [:]
        for index in commits.indices {
            let key = commits[index].commit.shaKey
            if targets.contains(key) { byPrefix[key, default: []].append(index) }
        }
        func find(_ sha: String) -> Int? {
            byPrefix[GitCommit.key(sha.utf8)]?.first(where: { commits[$0].commit.shaHasPrefix(sha) })
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
