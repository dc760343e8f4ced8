/// Steps 1.2 and 1.3 together: every version file and the changelog, planned before any is written, so a
/// release prepares all of them or none.
public struct ReleaseFiles: Sendable {
    public let version: SemanticVersion
    public let manifestEdits: [FileEdit]
    public let changelogEdit: FileEdit
    public let changelog: ChangelogRelease
    /// Entries drafted from the commits (empty when `[Unreleased]` had entries).
    public let drafted: [DraftedEntry]
    /// Files left alone and why (inheriting, dynamic), and changelog warnings.
    public let notes: [String]

    /// Every edit, manifests first.
    public var edits: [FileEdit] { manifestEdits + [changelogEdit] }

    /// Plans the release of `version`; `commits` (newest first) are drafted from when `[Unreleased]` is empty.
    /// `chartVersions` are the charts' own versions (Chart.yaml path → version), set beside their appVersion.
    public static func plan(root: String, config: SlipwayConfig, version: SemanticVersion, date: ReleaseDate,
                            commits: [ClassifiedCommit], chartVersions: [String: SemanticVersion] = [:]) throws -> ReleaseFiles {
        let manifests = ManifestSet.load(root: root, config: config)
        let manifestEdits = try manifests.plan(version: version, chartVersions: chartVersions)
        var notes: [String] = []
        for entry in manifests.entries {
            switch entry.reading {
            case .success(.inheriting(let reason)): notes.append("\(entry.file.path) skipped, inherits: \(reason)")
            case .success(.dynamic(let reason)): notes.append("\(entry.file.path) skipped, \(reason)")
            default: break
            }
        }
        let file = try ChangelogFile.load(config.changelog, root: root)
        let (release, drafted, edit) = try file.release(version: version, date: date, tagPrefix: config.tagPrefix, commits: commits)
        return ReleaseFiles(version: version, manifestEdits: manifestEdits, changelogEdit: edit, changelog: release,
                            drafted: drafted, notes: notes + release.warnings)
    }

    /// Writes every file, or none.
    public func write() throws(StateFileError) {
        try FileEdit.applyAll(edits)
    }
}
