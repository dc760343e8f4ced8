import Foundation

/// One past release: when it was tagged and by whom, how long its changes took from first commit to
/// production, and where it was rolled back.
public struct ReleaseHistoryEntry: Sendable, Hashable {
    public var version: SemanticVersion
    public var tag: String
    /// When the tag was made (an annotated tag's date, else its commit's).
    public var taggedAt: Date?
    public var taggedBy: String?
    /// The oldest commit since the release before it.
    public var firstCommitAt: Date?
    /// When the production environment first ran it, from its deployment history.
    public var inProductionAt: Date?
    /// The environments it was rolled back from (audit trail and holds).
    public var rolledBackIn: [String] = []

    public init(version: SemanticVersion, tag: String, taggedAt: Date? = nil, taggedBy: String? = nil, firstCommitAt: Date? = nil,
                inProductionAt: Date? = nil, rolledBackIn: [String] = []) {
        self.version = version
        self.tag = tag
        self.taggedAt = taggedAt
        self.taggedBy = taggedBy
        self.firstCommitAt = firstCommitAt
        self.inProductionAt = inProductionAt
        self.rolledBackIn = rolledBackIn
    }

    /// First commit to production, in seconds; `nil` when either end is unknown.
    public var leadTimeSeconds: Double? {
        guard let first = firstCommitAt, let production = inProductionAt else { return nil }
        return max(0, production.timeIntervalSince(first))
    }

    public var json: JSONValue {
        let iso = { (date: Date?) in date.map { JSONValue.string(ISO8601DateFormatter().string(from: $0)) } ?? .null }
        return .object([
            ("version", .string(version.description)), ("tag", .string(tag)), ("taggedAt", iso(taggedAt)),
            ("taggedBy", taggedBy.map(JSONValue.string) ?? .null), ("firstCommitAt", iso(firstCommitAt)),
            ("inProductionAt", iso(inProductionAt)), ("leadTimeSeconds", leadTimeSeconds.map(JSONValue.number) ?? .null),
            ("rolledBackIn", .array(rolledBackIn.map(JSONValue.string))),
        ])
    }
}

/// The releases in the repository's tags, newest first, with what the environments and the audit trail add.
public enum ReleaseHistory {
    /// The last `limit` stable releases. `production` is the environment whose history dates "in production"
    /// (the last configured one that CI does not deploy); `audit` and `holds` say where a release was rolled back.
    public static func load(repository: GitRepository, tagPrefix: String, production: [DeploymentRecord],
                            audit: [AuditEntry], holds: [DeploymentHold], limit: Int = 30) throws -> [ReleaseHistoryEntry] {
        let format = "%(refname:strip=2)%09%(creatordate:unix)%09%(if)%(taggername)%(then)%(taggername)%(else)%(authorname)%(end)"
        let listing = try repository.git(["for-each-ref", "--format=" + format, "refs/tags"]).text
        var tagged: [String: (Date?, String?)] = [:]
        for line in listing.split(separator: "\n") {
            let fields = line.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 3 else { continue }
            tagged[fields[0]] = (Double(fields[1]).map { Date(timeIntervalSince1970: $0) }, fields[2].isEmpty ? nil : fields[2])
        }
        let releases = ReleaseTagScan(tagNames: Array(tagged.keys), prefix: tagPrefix).releases
            .filter { !$0.version.isPrerelease }.sorted(by: <)
        var entries: [ReleaseHistoryEntry] = []
        for (index, release) in releases.enumerated().suffix(limit) {
            // What is new in it: not in any earlier release (a hotfix line's tags included). The first release's
            // first commit is the root: no walk over the whole history for it.
            let range = index == 0 ? ["--max-parents=0", release.name]
                : [release.name] + releases[..<index].map { "^" + $0.name }
            let times = try repository.git(["log", "--format=%at"] + range + ["--"]).text.split(separator: "\n")
            var entry = ReleaseHistoryEntry(version: release.version, tag: release.name, taggedAt: tagged[release.name]?.0,
                                            taggedBy: tagged[release.name]?.1,
                                            firstCommitAt: times.last.flatMap { Double($0) }.map { Date(timeIntervalSince1970: $0) })
            let version = release.version.description
            entry.inProductionAt = production.filter { $0.version == version }.compactMap(\.time).min()
            var places = audit.filter { $0.action == "env.rollback" && $0.outcome == "ok" && $0.detail == "from \(version)" }
                .compactMap(\.target)
            places += holds.filter { $0.version == version }.map(\.environment)
            entry.rolledBackIn = places.reduce(into: []) { if !$0.contains($1) { $0.append($1) } }
            entries.append(entry)
        }
        return entries.reversed()
    }

    /// The history as `slipway history` and the console read it: production's deployments, the audit trail and
    /// the holds of `config`'s environments (none when they cannot be read).
    public static func load(_ repository: GitRepository, config: SlipwayConfig, limit: Int) throws -> [ReleaseHistoryEntry] {
        let pipeline = try? EnvironmentPipeline(repository: repository, config: config, runner: repository.runner)
        let production = pipeline.flatMap { pipeline in
            productionEnvironment(pipeline.environments).flatMap { try? pipeline.history(of: $0) }
        } ?? []
        return try load(repository: repository, tagPrefix: config.tagPrefix, production: production,
                        audit: AuditLog(repository: repository, remote: config.forge.remote).entries().entries,
                        holds: (try? pipeline?.holds.all()) ?? [], limit: limit)
    }

    /// The environment "production" means: the last configured one CI does not deploy on every merge.
    public static func productionEnvironment(_ environments: [EnvironmentSettings]) -> EnvironmentSettings? {
        environments.last { !$0.auto }
    }

    /// `3d 4h`, `5h 20m`, `45m`.
    public static func duration(_ seconds: Double) -> String {
        let minutes = Int(seconds / 60)
        if minutes < 60 { return "\(minutes)m" }
        if minutes < 24 * 60 { return "\(minutes / 60)h \(minutes % 60)m" }
        return "\(minutes / (24 * 60))d \((minutes / 60) % 24)h"
    }
}
