import Foundation

/// The release files of steps 2–3: every manifest at the release version and the CHANGELOG's Unreleased
/// section moved under the release (drafted from the commits when it is empty). Plans first, writes all or nothing.
public struct ReleaseFiles: ReleaseFilesEditing {
    /// What a new CHANGELOG.md starts with when the repository has none.
    public static let newChangelogOpening = """
        # Changelog

        All notable changes to this project are documented in this file.

        The format is based on [Keep a Changelog](https://keepachangelog.com/en/1.1.0/),
        and this project adheres to [Semantic Versioning](https://semver.org/spec/v2.0.0.html).

        """

    public init() {}

    /// The CHANGELOG edit for `version`: drafted from the proposal's commits when Unreleased is empty (the
    /// proposal is asked for only then).
    public static func changelogEdit(version: SemanticVersion, date: ReleaseDate, proposal: () throws -> VersionProposal?, root: String,
                                     config: SlipwayConfig, file: String? = nil) throws -> (edit: FileEdit, release: ChangelogRelease, drafted: [DraftedEntry]) {
        let path = try RepositoryPath(file ?? config.changelog, root: root)
        let exists = FileManager.default.fileExists(atPath: path.absolute)
        let before: [UInt8]
        if exists {
            guard let data = FileManager.default.contents(atPath: path.absolute) else {
                throw ChangelogError(file: path.relative, problem: "cannot be read; check its permissions")
            }
            before = [UInt8](data)
        } else {
            before = Array(newChangelogOpening.utf8)
        }
        let changelog = try Changelog.parse(before, file: path.relative)
        var drafted: [DraftedEntry] = []
        if !(changelog.unreleasedSections.first.map(changelog.hasEntries) ?? false), let proposal = try proposal() {
            drafted = ChangelogDraft.entries(from: proposal.commits, existing: changelog)
        }
        let release = try changelog.release(version: version, date: date, tagPrefix: config.tagPrefix, drafted: drafted)
        let edit = FileEdit(path: path.relative, absolutePath: path.absolute, before: exists ? before : [], after: Array(release.text.utf8))
        return (edit, release, drafted)
    }

    /// Every edit the release of `version` makes, without writing anything (for previews and dry runs).
    public func plan(version: SemanticVersion, date: ReleaseDate, proposal: VersionProposal, root: String,
                     config: SlipwayConfig) throws -> [FileEdit] {
        let manifests = try ManifestSet.load(root: root, config: config).plan(version: version)
        let changelog = try Self.changelogEdit(version: version, date: date, proposal: { proposal }, root: root, config: config)
        return manifests + [changelog.edit]
    }

    public func apply(version: SemanticVersion, date: String, proposal: VersionProposal, repository: GitRepository,
                      config: SlipwayConfig) throws -> [String] {
        let edits = try plan(version: version, date: try ReleaseDate(parsing: date), proposal: proposal, root: repository.root, config: config)
        let changed = edits.filter { $0.before != $0.after }
        // A CHANGELOG created from nothing has no earlier bytes to check: it is written after the others.
        let created = changed.filter { $0.before.isEmpty && !FileManager.default.fileExists(atPath: $0.absolutePath) }
        try FileEdit.applyAll(changed.filter { !created.contains($0) })
        for edit in created { try AtomicFile.write(Data(edit.after), to: edit.absolutePath) }
        return changed.map(\.path)
    }

    public func problems(version: SemanticVersion, at commit: String, repository: GitRepository, config: SlipwayConfig) throws -> [String] {
        var problems: [String] = []
        for item in ManifestSet.discover(root: repository.root, config: config) {
            guard case .success(let file) = item else { continue }
            guard let data = try repository.show(file.path, at: commit) else {
                problems.append("\(file.path) is missing at \(commit.prefix(7))")
                continue
            }
            guard case .versions(let locations) = try file.read([UInt8](data)) else { continue }
            let wrong = locations.map(\.value).filter { $0 != version.description }
            if !wrong.isEmpty { problems.append("\(file.path) has \(wrong.joined(separator: ", ")), not \(version)") }
        }
        guard let data = try repository.show(config.changelog, at: commit) else {
            return problems + ["the changelog \(config.changelog) is missing at \(commit.prefix(7))"]
        }
        let changelog = try Changelog.parse([UInt8](data), file: config.changelog)
        if !changelog.releaseSections.contains(where: { Changelog.sameVersion($0.version ?? "", version) }) {
            problems.append("the changelog \(config.changelog) has no section for \(version)")
        }
        return problems
    }
}
