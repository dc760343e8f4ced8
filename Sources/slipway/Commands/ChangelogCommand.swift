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
        // The proposal is read only when it is needed: for the version, or to draft an empty Unreleased.
        var proposal: VersionProposal?
        func readProposal() throws -> VersionProposal {
            if let proposal { return proposal }
            let read = try context.planner.propose()
            Output.warnings(read.warnings)
            proposal = read
            return read
        }
        if version == nil {
            let read = try readProposal()
            guard read.isReleaseNeeded else {
                throw UsageError("changelog: nothing since \(read.baseTag?.name ?? "the start") calls for a release; give --version X.Y.Z to preview one anyway")
            }
            version = read.next
        }
        guard let version else { throw UsageError("changelog: give --version X.Y.Z") }
        let planned = try ReleaseFiles.changelogEdit(version: version, date: date, proposal: readProposal,
                                                     root: context.repository.root, config: context.config, file: parsed.value("file"))
        let (edit, release, drafted) = planned
        Output.warnings(release.warnings)
        let path = (relative: edit.path, absolute: edit.absolutePath)
        let exists = !edit.before.isEmpty || FileManager.default.fileExists(atPath: edit.absolutePath)

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
