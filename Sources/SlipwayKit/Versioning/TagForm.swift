/// How a repository writes its release tags — `v1.2.3`, `1.2.3`, `crate-v1.2.3`, `pkg@1.2.3`, `release-1.2.3` —
/// found from the tags themselves when `.slipway.json` sets no `tagPrefix`.
public enum TagForm {
    /// The prefix and version of a tag whose name ends in a SemVer version after `v`, `-`, `@`, `_` or `/`
    /// (or is one), taking the longest version: `crate-v0.2.0` → (`crate-v`, 0.2.0).
    public static func split(_ tag: String) -> (prefix: String, version: SemanticVersion)? {
        var index = tag.startIndex
        while index < tag.endIndex {
            if tag[index].isASCII, tag[index].isNumber {
                let prefix = tag[..<index]
                if prefix.isEmpty || "v@-_/".contains(prefix.last!), let version = SemanticVersion(String(tag[index...])) {
                    return (String(prefix), version)
                }
            }
            index = tag.index(after: index)
        }
        return nil
    }

    /// One way of writing tags: its prefix, how many tags use it and its highest version.
    public struct Candidate: Sendable, Hashable {
        public var prefix: String
        public var count: Int
        public var highest: SemanticVersion

        /// `v2.0.0 (12 tags)`.
        public var example: String { "\(prefix)\(highest) (\(count) tag\(count == 1 ? "" : "s"))" }
    }

    public enum Detection: Sendable, Hashable {
        /// No tag names a version.
        case none
        case found(Candidate, others: [Candidate])
        /// Two forms share the highest version: only the configuration can say which one is the project's.
        case ambiguous([Candidate])
    }

    /// `NAME@`, `NAME/v`, `NAME-v`: one package's tags rather than the repository's.
    public static func isPackageForm(_ prefix: String) -> Bool {
        prefix.contains("@") || prefix.contains("/") || (prefix.hasSuffix("-v") && prefix.count > 2)
    }

    /// The form of the highest SemVer tags; a tie between forms is ambiguous.
    public static func detect(_ tags: [String]) -> Detection {
        var byPrefix: [String: Candidate] = [:]
        for tag in tags {
            guard let (prefix, version) = split(tag) else { continue }
            if var candidate = byPrefix[prefix] {
                candidate.count += 1
                if version > candidate.highest { candidate.highest = version }
                byPrefix[prefix] = candidate
            } else {
                byPrefix[prefix] = Candidate(prefix: prefix, count: 1, highest: version)
            }
        }
        // A monorepo's package tags (`web@1.2.0`, `my-crate-v0.3.0`) do not decide the repository's own form
        // while it has tags of its own (`v2.0.0`, `2.0.0`, `release-2.0.0`).
        // With only package tags, they are the repository's form only when there is one package.
        let own = byPrefix.values.filter { !isPackageForm($0.prefix) }
        if own.isEmpty, byPrefix.count > 1 { return .none }
        let ranked = (own.isEmpty ? Array(byPrefix.values) : own)
            .sorted { ($0.highest, $0.count, $1.prefix) > ($1.highest, $1.count, $0.prefix) }
        guard let first = ranked.first else { return .none }
        let tied = ranked.filter { $0.highest == first.highest }
        if tied.count > 1 { return .ambiguous(tied) }
        return .found(first, others: Array(ranked.dropFirst()))
    }
}

extension SlipwayConfig {
    /// `.slipway.json` of `repository`, with the tag prefix found from its tags when the file sets none.
    public static func load(repository: GitRepository) throws -> SlipwayConfig {
        var config = try load(repositoryRoot: repository.root)
        guard !config.tagPrefixConfigured else { return config }
        switch TagForm.detect(try repository.tags(mergedInto: nil)) {
        case .none:
            break
        case .found(let form, _):
            config.tagPrefix = form.prefix
            config.tagPrefixSource = "detected from \(form.count) tag\(form.count == 1 ? "" : "s") such as \(form.prefix)\(form.highest)"
        case .ambiguous(let forms):
            // Only what needs the repository's own tags stops on it (`packages` and `--package` do not).
            let list = forms.prefix(4).map(\.example).joined(separator: ", ") + (forms.count > 4 ? " and \(forms.count - 4) more" : "")
            config.tagPrefixProblem = ConfigError(file: fileName, keyPath: "tagPrefix",
                                                  problem: "is not set, and the release tags come in forms that share the highest version: \(list); add \"tagPrefix\": \"\(forms[0].prefix)\" (or one of the others) to .slipway.json")
        }
        return config
    }
}
