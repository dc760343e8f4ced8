/// A tag that names a release: the tag prefix followed by a SemVer version.
public struct ReleaseTag: Sendable, Hashable, Comparable {
    public let name: String
    public let version: SemanticVersion

    public init(name: String, version: SemanticVersion) {
        self.name = name
        self.version = version
    }

    public static func < (lhs: ReleaseTag, rhs: ReleaseTag) -> Bool {
        lhs.version == rhs.version ? lhs.name < rhs.name : lhs.version < rhs.version
    }
}

/// The release tags among a set of tag names, and what was wrong with the rest.
public struct ReleaseTagScan: Sendable {
    public let prefix: String
    public let releases: [ReleaseTag]
    /// One line per tag that has the prefix but is not SemVer.
    public let warnings: [String]
    /// Tags without the prefix that would be releases under another prefix (`1.2.0`, `release-1.2.0`).
    public let otherReleaseLikeTags: [String]

    /// Releases are taken from `reachable` (tags reachable from the target) when given; warnings and
    /// other-prefix tags from all of `tagNames`.
    public init(tagNames: [String], prefix: String, reachable: ReleaseTagScan) {
        let all = ReleaseTagScan(tagNames: tagNames, prefix: prefix)
        self.prefix = prefix
        self.releases = reachable.releases
        self.warnings = all.warnings
        self.otherReleaseLikeTags = all.otherReleaseLikeTags
    }

    public init(tagNames: [String], prefix: String) {
        self.prefix = prefix
        var releases: [ReleaseTag] = []
        var warnings: [String] = []
        var others: [String] = []
        for name in tagNames.sorted() {
            guard name.hasPrefix(prefix) else {
                if Self.looksLikeRelease(name) { others.append(name) }
                continue
            }
            let text = String(name.dropFirst(prefix.count))
            do {
                releases.append(ReleaseTag(name: name, version: try SemanticVersion(parsing: text)))
            } catch {
                if prefix.isEmpty, !Self.looksLikeRelease(name) { continue }
                warnings.append("tag '\(name)' is ignored: \(error.description)")
            }
        }
        self.releases = releases.sorted()
        self.warnings = warnings
        self.otherReleaseLikeTags = others
    }

    /// The highest release; pre-releases only when `includePrereleases`.
    public func latest(includePrereleases: Bool = false) -> ReleaseTag? {
        releases.last(where: { includePrereleases || !$0.version.isPrerelease })
    }

    /// A version somewhere in the name: `1.2.0`, `release-1.2.0`, `v1.2`.
    static func looksLikeRelease(_ name: String) -> Bool {
        guard let digit = name.firstIndex(where: \.isNumber) else { return false }
        let tail = name[digit...]
        return tail.contains(".") && tail.first?.isNumber == true
    }
}
