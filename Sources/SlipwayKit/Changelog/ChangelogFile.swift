import Foundation

/// The repository's changelog file as read from disk (or the opening of a new one when there is none), ready
/// to be released.
public struct ChangelogFile: Sendable {
    public let path: RepositoryPath
    /// `false` when the file does not exist yet and will be created.
    public let exists: Bool
    /// The bytes on disk (empty for a new file).
    public let bytes: [UInt8]
    public let changelog: Changelog

    /// What a new changelog starts with.
    public static let newFileOpening = """
        # Changelog

        All notable changes to this project are documented in this file.

        The format is based on [Keep a Changelog](https://keepachangelog.com/en/1.1.0/),
        and this project adheres to [Semantic Versioning](https://semver.org/spec/v2.0.0.html).

        """

    /// Reads `path` (relative to `root`, and inside it).
    public static func load(_ path: String, root: String) throws(ChangelogError) -> ChangelogFile {
        let location: RepositoryPath
        do {
            location = try RepositoryPath(path, root: root)
        } catch {
            throw ChangelogError(file: path, problem: "is outside the repository \(root); give a path inside it")
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: location.absolute, isDirectory: &isDirectory) else {
            return ChangelogFile(path: location, exists: false, bytes: [],
                                 changelog: Changelog(text: newFileOpening, file: location.relative))
        }
        if isDirectory.boolValue {
            throw ChangelogError(file: location.relative, problem: "is a folder, not a file; point \"changelog\" in .slipway.json (or --file) at the CHANGELOG file")
        }
        guard let data = FileManager.default.contents(atPath: location.absolute) else {
            throw ChangelogError(file: location.relative, problem: "cannot be read; check its permissions")
        }
        let bytes = [UInt8](data)
        return ChangelogFile(path: location, exists: true, bytes: bytes, changelog: try Changelog.parse(bytes, file: location.relative))
    }

    /// `true` when `[Unreleased]` has no entries, so the release needs entries drafted from the commits.
    public var needsDraft: Bool {
        !(changelog.unreleasedSections.first.map(changelog.hasEntries) ?? false)
    }

    /// Releases `version`, drafting from `commits` (newest first) when `[Unreleased]` is empty.
    public func release(version: SemanticVersion, date: ReleaseDate, tagPrefix: String,
                        commits: [ClassifiedCommit]) throws(ChangelogError) -> (release: ChangelogRelease, drafted: [DraftedEntry], edit: FileEdit) {
        let drafted = needsDraft ? ChangelogDraft.entries(from: commits, existing: changelog) : []
        let release = try changelog.release(version: version, date: date, tagPrefix: tagPrefix, drafted: drafted)
        // A byte order mark the file starts with stays where it was (Foundation drops it when it decodes).
        let bom: [UInt8] = bytes.starts(with: [0xEF, 0xBB, 0xBF]) && !release.text.hasPrefix("\u{FEFF}") ? [0xEF, 0xBB, 0xBF] : []
        let edit = FileEdit(path: path.relative, absolutePath: path.absolute, before: bytes, after: bom + Array(release.text.utf8),
                            createsFile: !exists)
        return (release, drafted, edit)
    }
}
