import Foundation
import SlipwayKit

/// `slipway changelog preview` and `slipway changelog release`: the CHANGELOG's [Unreleased] section moved to
/// the release, drafted from the commits when it is empty.
enum ChangelogCommand {
    static let spec = SubcommandSpec(
        name: "changelog",
        usage: "changelog preview [--version X.Y.Z] [--date YYYY-MM-DD] [--file PATH] [--repo DIR] [--json] | changelog release --version X.Y.Z [--date YYYY-MM-DD] [--file PATH] [--dry-run] [--repo DIR]",
        summary: """
        preview: prints the section as it would be released (drafted from the commits since the last release
        when [Unreleased] is empty); the version defaults to the proposed next version.
        release: moves [Unreleased] under ## [X.Y.Z] - YYYY-MM-DD (date: today), keeps an empty [Unreleased]
        above it and updates compare links. --dry-run prints the unified diff and writes nothing.
        """,
        options: [SubcommandSpec.repoOption, SubcommandSpec.jsonOption,
                  .value("version", "the version to release (SemVer, without the tag prefix)"),
                  .value("date", "the release date, YYYY-MM-DD (default: today)"),
                  .value("file", "the changelog (default: \"changelog\" in .slipway.json, or CHANGELOG.md)"),
                  .flag("dry-run", "print the diff and write nothing")])

    /// The opening a new changelog gets when the repository has none.
    static let newFileOpening = """
        # Changelog

        All notable changes to this project are documented in this file.

        The format is based on [Keep a Changelog](https://keepachangelog.com/en/1.1.0/),
        and this project adheres to [Semantic Versioning](https://semver.org/spec/v2.0.0.html).

        """

    static func run(_ arguments: [String]) throws -> Int32 {
        guard let parsed = try spec.parse(arguments) else { return 0 }
        guard let action = parsed.positional.first else { throw UsageError("changelog: say preview or release (see slipway changelog --help)") }
        guard parsed.positional.count == 1 else { throw UsageError("changelog \(action): unexpected argument '\(parsed.positional[1])'") }
        switch action {
        case "preview":
            if parsed.has("dry-run") { throw UsageError("changelog preview does not take --dry-run (it never writes)") }
        case "release":
            if parsed.has("json") { throw UsageError("changelog release does not take --json") }
            guard parsed.value("version") != nil else { throw UsageError("changelog release needs --version X.Y.Z") }
        default:
            throw UsageError("changelog: unknown action '\(action)'; use preview or release")
        }
        var version = try parsed.value("version").map { (text: String) throws(SemanticVersionError) in try SemanticVersion(parsing: text) }
        let date = try parsed.value("date").map { (text: String) throws(ReleaseDateError) in try ReleaseDate(parsing: text) } ?? ReleaseDate.today()
        let context = try RepositoryContext(arguments: parsed)
        let path = try RepositoryPath(parsed.value("file") ?? context.config.changelog, root: context.repository.root)
        let exists = FileManager.default.fileExists(atPath: path.absolute)
        let before: [UInt8]
        if exists {
            guard let data = FileManager.default.contents(atPath: path.absolute) else {
                throw ChangelogError(file: path.relative, problem: "cannot be read; check its permissions")
            }
            before = [UInt8](data)
        } else {
            before = Array(newFileOpening.utf8)
        }
        let changelog = try Changelog.parse(before, file: path.relative)

        var drafted: [DraftedEntry] = []
        let needsDraft = !(changelog.unreleasedSections.first.map(changelog.hasEntries) ?? false)
        if needsDraft || version == nil {
            let proposal = try context.planner.propose()
            Output.warnings(proposal.warnings)
            if version == nil {
                guard proposal.isReleaseNeeded else {
                    throw UsageError("changelog: nothing since \(proposal.baseTag?.name ?? "the first commit") calls for a release; give --version X.Y.Z to preview one anyway")
                }
                version = proposal.next
            }
            if needsDraft { drafted = ChangelogDraft.entries(from: proposal.commits, existing: changelog) }
        }
        guard let version else { throw UsageError("changelog: give --version X.Y.Z") }
        let release = try changelog.release(version: version, date: date, tagPrefix: context.config.tagPrefix, drafted: drafted)
        Output.warnings(release.warnings)

        if action == "preview" {
            if parsed.has("json") {
                Output.json(.object([
                    ("file", .string(path.relative)), ("version", .string(version.description)),
                    ("date", .string(date.description)), ("drafted", .bool(release.drafted)),
                    ("section", .string(release.section)),
                    ("entries", .array(drafted.map { .object([("category", .string($0.category.rawValue)),
                                                              ("text", .string($0.text)), ("sha", .string($0.sha))]) })),
                ]))
            } else {
                print(release.section, terminator: "")
            }
            return 0
        }
        let edit = FileEdit(path: path.relative, absolutePath: path.absolute, before: exists ? before : [], after: Array(release.text.utf8))
        if parsed.has("dry-run") {
            print(edit.diff, terminator: "")
            return 0
        }
        if !exists {
            // A new file: nothing to protect, but the folder must take it.
            try AtomicFile.write(Data(edit.after), to: edit.absolutePath)
        } else {
            try FileEdit.applyAll([edit])
        }
        let origin = release.drafted ? "drafted from the commits" : "moved from [Unreleased]"
        print("released \(version) (\(date)) in \(path.relative): entries \(origin)")
        return 0
    }
}
