import Foundation

/// `Cargo.toml`: `[package] version`, or `[workspace.package] version` in a workspace root; a member with
/// `version.workspace = true` inherits the workspace's version and is not edited.
enum CargoManifest {
    static func read(_ bytes: [UInt8], file: String) throws(ManifestError) -> VersionFileReading {
        let (entries, tables) = try TOMLScanner.scan(bytes, file: file)
        var locations: [VersionLocation] = []
        var inheritsFromWorkspace = false
        for entry in entries {
            switch (entry.table, entry.key) {
            case ("package", ["version"]), ("workspace.package", ["version"]):
                let field = "[\(entry.table)] version"
                switch entry.value {
                case .string(_, let span):
                    locations.append(VersionLocation(field: field, range: span, in: bytes))
                case .inlineTable(let pairs) where pairs["workspace"] == "true":
                    inheritsFromWorkspace = true
                default:
                    throw ManifestError(file: file, line: entry.line, problem: "\(field) is not a quoted string; write version = \"X.Y.Z\"")
                }
            case ("package", ["version", "workspace"]):
                inheritsFromWorkspace = entry.value == .other("true")
            case ("package.version", ["workspace"]):
                inheritsFromWorkspace = entry.value == .other("true")
            default:
                continue
            }
        }
        if !locations.isEmpty { return .versions(locations) }
        if inheritsFromWorkspace {
            return .inheriting("version.workspace = true: the version is set by [workspace.package] in the workspace root's Cargo.toml")
        }
        if tables.contains("package") {
            throw ManifestError(file: file, problem: "[package] has no version; add version = \"X.Y.Z\" under [package]")
        }
        if tables.contains("workspace") {
            throw ManifestError(file: file, problem: "this workspace root has no [workspace.package] version; add one, or list the members' Cargo.toml files in versionFiles")
        }
        throw ManifestError(file: file, problem: "has no [package] or [workspace.package] table with a version")
    }

    /// The crates' own `[[package]]` entries in Cargo.lock: those named in `crates` (comma-separated: a crate, or
    /// a workspace's members that inherit its version) without a `source` (registry and git dependencies have
    /// one), so that `cargo build --locked` still passes after the version moves.
    static func readLock(_ bytes: [UInt8], file: String, crate crates: String?) throws(ManifestError) -> VersionFileReading {
        let names = (crates ?? "").split(separator: ",").map(String.init)
        var locations: [VersionLocation] = []
        for name in names.isEmpty ? [""] : names {
            let reading = try TOMLLockfile.read(bytes, file: file, package: name, regenerate: "cargo generate-lockfile", normalize: { $0 }) { fields in
                !fields.contains(where: { $0.key == ["source"] })
            }
            if case .versions(let found) = reading { locations += found }
        }
        return .versions(locations.sorted { $0.range.lowerBound < $1.range.lowerBound })
    }

    /// For a workspace root with `[workspace.package] version`: the names of the members (and the root package)
    /// that take it with `version.workspace = true`, comma-separated; `nil` when there are none. Members are
    /// listed paths or `dir/*` patterns.
    static func inheritingMembers(_ bytes: [UInt8], folder: String) -> String? {
        guard let (entries, _) = try? TOMLScanner.scan(bytes, file: "Cargo.toml"),
              entries.contains(where: { $0.table == "workspace.package" && $0.key == ["version"] }) else { return nil }
        var names: [String] = []
        func addIfInheriting(_ manifest: [UInt8]) {
            guard let (member, _) = try? TOMLScanner.scan(manifest, file: "Cargo.toml"),
                  case .inheriting? = try? read(manifest, file: "Cargo.toml"),
                  let name = member.first(where: { $0.table == "package" && $0.key == ["name"] })?.value.text else { return }
            names.append(name)
        }
        addIfInheriting(bytes)
        let patterns = entries.first(where: { $0.table == "workspace" && $0.key == ["members"] }).flatMap { entry -> [String]? in
            if case .array(let items) = entry.value { return items }
            return nil
        } ?? []
        let manager = FileManager.default
        for pattern in patterns {
            var folders: [String] = []
            if pattern.hasSuffix("/*") {
                let parent = String(pattern.dropLast(2))
                let children = (try? manager.contentsOfDirectory(atPath: folder + "/" + parent)) ?? []
                folders = children.sorted().map { parent + "/" + $0 }
            } else if !pattern.contains("*") {
                folders = [pattern]
            }
            for member in folders {
                if let data = manager.contents(atPath: folder + "/" + member + "/Cargo.toml") { addIfInheriting([UInt8](data)) }
            }
        }
        return names.isEmpty ? nil : names.joined(separator: ",")
    }

    /// The `[package] name` of a Cargo.toml that sets its own version (not one inheriting the workspace's), or `nil`.
    static func crateWithOwnVersion(_ bytes: [UInt8]) -> String? {
        guard let (entries, _) = try? TOMLScanner.scan(bytes, file: "Cargo.toml") else { return nil }
        let package = entries.filter { $0.table == "package" }
        guard package.contains(where: { if case .string = $0.value { return $0.key == ["version"] } else { return false } }) else {
            return nil
        }
        return package.first(where: { $0.key == ["name"] })?.value.text
    }
}

/// A TOML lockfile's `[[package]]` list (Cargo.lock, uv.lock): the project's own entry keeps the version.
enum TOMLLockfile {
    /// - Parameters:
    ///   - package: the project's name, as its manifest gives it (`field` of the version file).
    ///   - normalize: how the lockfile spells names (uv lower-cases and joins with `-`).
    ///   - isOwn: whether an entry's fields mark the project itself rather than a dependency of the same name.
    static func read(_ bytes: [UInt8], file: String, package: String?, regenerate: String, normalize: (String) -> String,
                     isOwn: ([TOMLScanner.Entry]) -> Bool) throws(ManifestError) -> VersionFileReading {
        guard let package, !package.isEmpty else {
            throw ManifestError(file: file, problem: "which package's entry to keep at the version is not known; set \"field\" to its name in versionFiles")
        }
        let (entries, _) = try TOMLScanner.scan(bytes, file: file)
        let packages = Dictionary(grouping: entries.filter { $0.table == "package" }, by: \.section)
        let wanted = normalize(package)
        for section in packages.keys.sorted() {
            let fields = packages[section] ?? []
            guard fields.contains(where: { $0.key == ["name"] && $0.value.text.map(normalize) == wanted }), isOwn(fields) else { continue }
            guard let version = fields.first(where: { $0.key == ["version"] }) else {
                throw ManifestError(file: file, problem: "the entry for \(package) has no version; run \(regenerate)")
            }
            guard case .string(_, let span) = version.value else {
                throw ManifestError(file: file, line: version.line, problem: "the version of \(package) is not a quoted string")
            }
            return .versions([VersionLocation(field: "[[package]] \(package) version", range: span, in: bytes)])
        }
        throw ManifestError(file: file, problem: "has no entry for \(package); run \(regenerate)")
    }
}

extension TOMLScanner.Value {
    /// A string's text.
    var text: String? {
        if case .string(let text, _) = self { return text }
        return nil
    }
}
