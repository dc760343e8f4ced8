import Foundation
import SlipwayKit

/// `slipway manifest show` and `slipway manifest set-version`: the version in every manifest.
enum ManifestCommand {
    static let spec = SubcommandSpec(
        name: "manifest",
        usage: "manifest show [--repo DIR] [--json] | manifest set-version --version X.Y.Z [--file PATH] [--dry-run] [--repo DIR]",
        summary: """
        show: lists each version file (detected at the root, or listed under versionFiles in .slipway.json), its
        format, field and current version, or why it is skipped; warns when they disagree.
        set-version: sets the version in every version file (or only --file), changing only the version
        characters; all files or none. --dry-run prints the unified diff and writes nothing.
        """,
        options: [SubcommandSpec.repoOption, SubcommandSpec.jsonOption,
                  .value("version", "the version to set (SemVer, without the tag prefix)"),
                  .value("file", "only this file (relative to the repository root)"),
                  .flag("dry-run", "print the diff and write nothing")])

    static func run(_ arguments: [String]) throws -> Int32 {
        guard let parsed = try spec.parse(arguments) else { return 0 }
        guard let action = parsed.positional.first else { throw UsageError("manifest: say show or set-version (see slipway manifest --help)") }
        guard parsed.positional.count == 1 else { throw UsageError("manifest \(action): unexpected argument '\(parsed.positional[1])'") }
        switch action {
        case "show":
            for option in ["version", "file"] where parsed.value(option) != nil {
                throw UsageError("manifest show does not take --\(option)")
            }
            if parsed.has("dry-run") { throw UsageError("manifest show does not take --dry-run") }
            return try show(parsed)
        case "set-version":
            if parsed.has("json") { throw UsageError("manifest set-version does not take --json") }
            return try setVersion(parsed)
        default:
            throw UsageError("manifest: unknown action '\(action)'; use show or set-version")
        }
    }

    static func show(_ parsed: ParsedArguments) throws -> Int32 {
        let context = try RepositoryContext(arguments: parsed)
        let set = ManifestSet.load(root: context.repository.root, config: context.config)
        if parsed.has("json") {
            Output.json(json(set))
        } else {
            print(text(set), terminator: "")
        }
        if let disagreement = set.disagreement { Output.warnings([disagreement]) }
        if let failure = set.entries.lazy.compactMap({ entry -> ManifestError? in
            if case .failure(let error) = entry.reading { return error } else { return nil }
        }).first {
            Output.error(failure.description)
            return 2
        }
        if set.entries.isEmpty {
            Output.error("no version file found at the root of \(context.repository.root); list yours under versionFiles in .slipway.json")
            return 1
        }
        return 0
    }

    static func text(_ set: ManifestSet) -> String {
        var text = ""
        for entry in set.entries {
            text += "\(entry.file.path) (\(entry.formatName))\n"
            switch entry.reading {
            case .success(.versions(let locations)):
                for location in locations { text += "  \(location.field) = \(location.value)  (line \(location.line))\n" }
            case .success(.inheriting(let reason)):
                text += "  skipped, inherits: \(reason)\n"
            case .success(.dynamic(let reason)):
                text += "  skipped, \(reason)\n"
            case .failure(let error):
                text += "  error: \(error.description)\n"
            }
        }
        return text
    }

    static func json(_ set: ManifestSet) -> JSONValue {
        let files: [JSONValue] = set.entries.map { entry in
            var members: [(key: String, value: JSONValue)] = [("path", .string(entry.file.path)), ("format", entry.formatKnown ? .string(entry.file.format.rawValue) : .null)]
            switch entry.reading {
            case .success(.versions(let locations)):
                members.append(("status", .string("versioned")))
                members.append(("versions", .array(locations.map { location in
                    .object([("field", .string(location.field)), ("value", .string(location.value)), ("line", .number(Double(location.line)))])
                })))
            case .success(.inheriting(let reason)):
                members += [("status", .string("inheriting")), ("reason", .string(reason))]
            case .success(.dynamic(let reason)):
                members += [("status", .string("dynamic")), ("reason", .string(reason))]
            case .failure(let error):
                members += [("status", .string("error")), ("error", .string(error.description))]
            }
            return .object(members)
        }
        return .object([("files", .array(files)), ("versions", .array(set.distinctVersions.map(JSONValue.string))),
                        ("agree", .bool(set.distinctVersions.count <= 1))])
    }

    static func setVersion(_ parsed: ParsedArguments) throws -> Int32 {
        guard let versionText = parsed.value("version") else { throw UsageError("manifest set-version needs --version X.Y.Z") }
        let version = try SemanticVersion(parsing: versionText)
        let context = try RepositoryContext(arguments: parsed)
        let root = context.repository.root
        var files = ManifestSet.discover(root: root, config: context.config)
        if let only = parsed.value("file") {
            let path = try RepositoryPath(only, root: root)
            let known = files.first { item in
                if case .success(let file) = item { return file.path == path.relative }
                if case .failure(let error) = item { return error.file == path.relative }
                return false
            }
            if let known {
                files = [known]
            } else if let format = VersionFileFormat.detect(path: path.relative) {
                files = [.success(VersionFile(path: path.relative, format: format))]
            } else {
                throw ManifestError(file: path.relative, problem: "its format cannot be told from its name; list it with a \"format\" or \"pattern\" under versionFiles in .slipway.json")
            }
        }
        let set = ManifestSet.load(root: root, files: files)
        guard !set.entries.isEmpty else {
            throw ManifestError(file: root, problem: "has no version file at its root; list yours under versionFiles in .slipway.json")
        }
        if parsed.value("file") != nil, let entry = set.entries.first {
            // Asked for this file by name: a version that lives elsewhere is a refusal, and the file stays as it is.
            switch entry.reading {
            case .success(.inheriting(let reason)), .success(.dynamic(let reason)):
                Output.error("\(entry.file.path) has no version of its own to set (\(reason)); nothing was written")
                return 1
            default: break
            }
        }
        let edits = try set.plan(version: version)
        for entry in set.entries {
            switch entry.reading {
            case .success(.inheriting(let reason)): Output.warnings(["\(entry.file.path) skipped, inherits: \(reason)"])
            case .success(.dynamic(let reason)): Output.warnings(["\(entry.file.path) skipped, \(reason)"])
            default: break
            }
        }
        let holdsVersion = set.entries.contains { !$0.versions.isEmpty }
        let nothing = holdsVersion ? "every version file is already at \(version); nothing to change"
                                   : "no version file holds a version of its own; nothing to change"
        if parsed.has("dry-run") {
            print(edits.map(\.diff).joined(), terminator: "")
            if edits.isEmpty { print(nothing) }
            return 0
        }
        try FileEdit.applyAll(edits)
        if edits.isEmpty {
            print(nothing)
        } else {
            print("set \(version) in \(edits.map(\.path).joined(separator: ", "))")
        }
        return 0
    }
}
