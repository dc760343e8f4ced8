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

    /// The crate's own `[[package]]` entry in Cargo.lock: the one named `crate` without a `source` (registry and
    /// git dependencies have one), so that `cargo build --locked` still passes after the version moves.
    static func readLock(_ bytes: [UInt8], file: String, crate: String?) throws(ManifestError) -> VersionFileReading {
        guard let crate, !crate.isEmpty else {
            throw ManifestError(file: file, problem: "which crate's entry to keep at the version is not known; list it beside a Cargo.toml with [package] name")
        }
        let (entries, _) = try TOMLScanner.scan(bytes, file: file)
        let packages = Dictionary(grouping: entries.filter { $0.table == "package" }, by: \.section)
        for section in packages.keys.sorted() {
            let fields = packages[section] ?? []
            guard fields.contains(where: { $0.key == ["name"] && $0.value.text == crate }),
                  !fields.contains(where: { $0.key == ["source"] }) else { continue }
            guard let version = fields.first(where: { $0.key == ["version"] }) else {
                throw ManifestError(file: file, problem: "the entry for \(crate) has no version; run cargo generate-lockfile")
            }
            guard case .string(_, let span) = version.value else {
                throw ManifestError(file: file, line: version.line, problem: "the version of \(crate) is not a quoted string")
            }
            return .versions([VersionLocation(field: "[[package]] \(crate) version", range: span, in: bytes)])
        }
        throw ManifestError(file: file, problem: "has no entry for the crate \(crate); run cargo generate-lockfile")
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

extension TOMLScanner.Value {
    /// A string's text.
    var text: String? {
        if case .string(let text, _) = self { return text }
        return nil
    }
}
