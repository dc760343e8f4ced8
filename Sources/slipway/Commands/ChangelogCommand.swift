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
        let file = try ChangelogFile.load(parsed.value("file") ?? context.config.changelog, root: context.repository.root)
        var commits: [ClassifiedCommit] = []
        if file.needsDraft || version == nil {
            let proposal = try context.planner.propose()
            Output.warnings(proposal.warnings)
            if version == nil {
                guard proposal.isReleaseNeeded else {
                    throw UsageError("changelog: nothing since \(proposal.baseTag?.name ?? "the first commit") calls for a release; give --version X.Y.Z to preview one anyway")
                }
                version = proposal.next
            }
            commits = proposal.commits
        }
        guard let version else { throw UsageError("changelog: give --version X.Y.Z") }
        let (release, drafted, edit) = try file.release(version: version, date: date, tagPrefix: context.config.tagPrefix, commits: commits)
        Output.warnings(release.warnings)

        if action == "preview" {
            if parsed.has("json") {
                Output.json(.object([
                    ("file", .string(file.path.relative)), ("version", .string(version.description)),
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
        try FileEdit.applyAll([edit])
        let origin = release.drafted ? "drafted from the commits" : "moved from [Unreleased]"
        print("released \(version) (\(date)) in \(file.path.relative): entries \(origin)")
        return 0
    }
}
