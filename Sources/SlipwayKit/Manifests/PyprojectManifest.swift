/// `pyproject.toml`: `[project] version` (PEP 621) or `[tool.poetry] version`; a version declared in
/// `[project] dynamic` is reported with where the build backend takes it from.
enum PyprojectManifest {
    static func read(_ bytes: [UInt8], file: String) throws(ManifestError) -> VersionFileReading {
        let (entries, tables) = try TOMLScanner.scan(bytes, file: file)
        var locations: [VersionLocation] = []
        var isDynamic = false
        for entry in entries where entry.key == ["version"] && (entry.table == "project" || entry.table == "tool.poetry") {
            guard case .string(_, let span) = entry.value else {
                throw ManifestError(file: file, line: entry.line, problem: "[\(entry.table)] version is not a quoted string; write version = \"X.Y.Z\"")
            }
            locations.append(VersionLocation(field: "[\(entry.table)] version", range: span, in: bytes))
        }
        for entry in entries where entry.table == "project" && entry.key == ["dynamic"] {
            if case .array(let names) = entry.value, names.contains("version") { isDynamic = true }
        }
        if !locations.isEmpty { return .versions(locations) }
        if isDynamic { return .dynamic(dynamicSource(entries, tables: tables)) }
        throw ManifestError(file: file, problem: "has no [project] version, no [tool.poetry] version and no dynamic version; add version = \"X.Y.Z\" under [project]")
    }

    /// Where a dynamic version comes from, in words, from the build backends' own settings.
    static func dynamicSource(_ entries: [TOMLScanner.Entry], tables: Set<String>) -> String {
        for entry in entries {
            switch (entry.table, entry.key, entry.value) {
            case ("tool.setuptools.dynamic", ["version"], .inlineTable(let pairs)):
                if let attr = pairs["attr"] { return "dynamic: setuptools reads the attribute \(attr); list that file in versionFiles with a pattern" }
                if let path = pairs["file"] { return "dynamic: setuptools reads the file \(path); list it in versionFiles" }
            case ("tool.hatch.version", ["path"], .string(let path, _)):
                return "dynamic: hatch reads \(path); list it in versionFiles with a pattern"
            case ("tool.hatch.version", ["source"], .string(let source, _)) where source == "vcs":
                return "dynamic: hatch-vcs takes it from the git tag"
            case ("tool.pdm.version", ["path"], .string(let path, _)):
                return "dynamic: pdm reads \(path); list it in versionFiles with a pattern"
            case ("tool.flit.module", ["name"], .string(let name, _)):
                return "dynamic: flit reads __version__ in the module \(name); list that file in versionFiles with a pattern"
            default:
                continue
            }
        }
        if tables.contains("tool.setuptools_scm") || tables.contains("tool.poetry-dynamic-versioning") {
            return "dynamic: taken from the git tag by the build backend"
        }
        return "dynamic: the build backend computes it; list the file that holds it in versionFiles with a pattern"
    }

    /// The project's own entry in uv.lock (its `source` is the project folder, `{ editable = "." }` or
    /// `{ virtual = "." }`), named as uv normalises names (PEP 503).
    static func readLock(_ bytes: [UInt8], file: String, project: String?) throws(ManifestError) -> VersionFileReading {
        try TOMLLockfile.read(bytes, file: file, package: project, regenerate: "uv lock", normalize: normalizedName) { fields in
            fields.contains { field in
                guard field.key == ["source"], case .inlineTable(let pairs) = field.value else { return false }
                return pairs["editable"] == "." || pairs["virtual"] == "."
            }
        }
    }

    /// `Acme_Web.Tools` → `acme-web-tools`.
    static func normalizedName(_ name: String) -> String {
        var result = ""
        var separator = false
        for character in name.lowercased() {
            if character == "-" || character == "_" || character == "." {
                separator = true
            } else {
                if separator, !result.isEmpty { result.append("-") }
                separator = false
                result.append(character)
            }
        }
        return result
    }

    /// The `[project] name` of a pyproject.toml that sets its version itself (not dynamic), or `nil`.
    static func projectWithOwnVersion(_ bytes: [UInt8]) -> String? {
        guard let (entries, _) = try? TOMLScanner.scan(bytes, file: "pyproject.toml") else { return nil }
        let project = entries.filter { $0.table == "project" }
        guard project.contains(where: { if case .string = $0.value { return $0.key == ["version"] } else { return false } }) else {
            return nil
        }
        return project.first(where: { $0.key == ["name"] })?.value.text
    }
}
