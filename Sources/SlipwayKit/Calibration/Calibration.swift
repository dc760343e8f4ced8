import Foundation

/// How well the bump rules reproduce the project's own releases: every pair of consecutive release tags on the
/// first-parent line replayed through the rules, the pairs they miss, and rule changes that would miss fewer.
public struct Calibration: Sendable {
    /// One release replayed: what the version moved by, and what the rules say its commits call for.
    public struct Pair: Sendable {
        public var from: ReleaseTag
        public var to: ReleaseTag
        /// The level the release actually moved by.
        public var actual: BumpLevel
        /// The level the rules give its commits.
        public var predicted: BumpLevel
        public var commits: [GitCommit]
        /// The commits at the predicted level (up to five), or the ones the rules ignored when they said none.
        public var deciding: [ClassifiedCommit]

        public var agrees: Bool { actual == predicted }
    }

    /// `bump.types.KEY = LEVEL` would reproduce `gain` more releases.
    public struct Suggestion: Sendable, Hashable {
        public var key: String
        public var level: BumpLevel
        public var gain: Int

        public var configKey: String { "bump.types.\(key)" }
    }

    public var pairs: [Pair]
    public var suggestions: [Suggestion]
    public var agreeWithSuggestions: Int
    public var agree: Int { pairs.filter(\.agrees).count }
    public var misses: [Pair] { pairs.filter { !$0.agrees } }

    /// The level between two releases: the highest number that moved.
    public static func level(from old: SemanticVersion, to new: SemanticVersion) -> BumpLevel {
        if new.major > old.major { return .major }
        if new.minor > old.minor { return .minor }
        if new.patch > old.patch { return .patch }
        return .none
    }

    /// What `rules` say each pair's commits call for.
    static func predicted(_ pair: Pair, rules: BumpRules) -> (BumpLevel, [ClassifiedCommit]) {
        let classified = CommitClassifier(rules: rules, majorIsZero: pair.from.version.major == 0).classify(pair.commits)
        let level = CommitClassifier.bump(of: classified)
        let deciding = level == .none ? classified.filter { $0.type != nil } : classified.filter { $0.level == level }
        return (level, Array(deciding.prefix(5)))
    }

    static func agreement(_ pairs: [Pair], rules: BumpRules) -> Int {
        pairs.filter { predicted($0, rules: rules).0 == $0.actual }.count
    }
}

extension Calibration {
    /// Replays the release tags of `config`'s form reachable on HEAD's first-parent line.
    public static func run(repository: GitRepository, config: SlipwayConfig) throws -> Calibration {
        let tags = try releaseTags(repository: repository, config: config)
        guard tags.count >= 2 else {
            throw CalibrationError("there are no release pairs to calibrate on: \(tags.count) release tag(s) written \(config.tagPrefix)X.Y.Z on the first-parent line of HEAD (calibrate needs two or more)")
        }
        var pairs: [Pair] = []
        for (old, new) in zip(tags, tags.dropFirst()) {
            let commits = try GitLogReader.read(repository, range: ["\(old.name)..\(new.name)"])
            var pair = Pair(from: old, to: new, actual: level(from: old.version, to: new.version), predicted: .none, commits: commits, deciding: [])
            (pair.predicted, pair.deciding) = predicted(pair, rules: config.bump)
            pairs.append(pair)
        }
        let (suggestions, reached) = suggest(pairs, rules: config.bump)
        return Calibration(pairs: pairs, suggestions: suggestions, agreeWithSuggestions: reached)
    }

    /// Release tags (no pre-releases) whose commits are on the first-parent line of HEAD, oldest first.
    static func releaseTags(repository: GitRepository, config: SlipwayConfig) throws -> [ReleaseTag] {
        let line = Set(try repository.git(["rev-list", "--first-parent", "HEAD"]).text.split(separator: "\n").map(String.init))
        let commits = try repository.tagCommits()
        let scan = ReleaseTagScan(tagNames: Array(commits.keys), prefix: config.tagPrefix)
        return scan.releases.filter { !$0.version.isPrerelease && commits[$0.name].map(line.contains) == true }.sorted { $0.version < $1.version }
    }

    /// Greedy: the single rule change that reproduces the most more releases, applied, then the next; at most five.
    static func suggest(_ pairs: [Pair], rules: BumpRules) -> ([Suggestion], Int) {
        var rules = rules
        var current = agreement(pairs, rules: rules)
        var chosen: [Suggestion] = []
        while chosen.count < 5, current < pairs.count {
            var best: (Suggestion, BumpRules, Int)?
            for key in candidateKeys(pairs, rules: rules) {
                for level in [BumpLevel.none, .patch, .minor] where rules.types[key] != level {
                    var trial = rules
                    trial.types[key] = level
                    let reached = agreement(pairs, rules: trial)
                    if reached > (best?.2 ?? current) { best = (Suggestion(key: key, level: level, gain: reached - current), trial, reached) }
                }
            }
            guard let (suggestion, trial, reached) = best else { break }
            chosen.append(suggestion)
            (rules, current) = (trial, reached)
        }
        return (chosen, current)
    }

    /// The `type` and `type(scope)` keys of the commits in the releases the rules miss.
    static func candidateKeys(_ pairs: [Pair], rules: BumpRules) -> [String] {
        var keys = Set<String>()
        for pair in pairs where predicted(pair, rules: rules).0 != pair.actual {
            for commit in pair.commits {
                guard commit.message.headerProblem == nil, let type = Optional(commit.message.headerType.lowercased()), !type.isEmpty else { continue }
                keys.insert(type)
                if let scope = commit.message.headerScope?.lowercased() { keys.insert("\(type)(\(scope))") }
            }
        }
        return keys.sorted()
    }
}

/// Why calibration could not run.
public struct CalibrationError: Error, Sendable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
