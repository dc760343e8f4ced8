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
}
