import Foundation

/// The version files of a repository — detected at the root or listed in `.slipway.json` — read together, so
/// that a release edits all of them or none.
public struct ManifestSet: Sendable {
    /// One file and what reading it found.
    public struct Entry: Sendable {
        public let file: VersionFile
        public let absolutePath: String
        /// The versions found, the reason it is not edited, or why it cannot be read.
        public let reading: Result<VersionFileReading, ManifestError>
        public let bytes: [UInt8]
        /// `false` when the file's format could not be told, so `file.format` means nothing.
        public var formatKnown = true

        /// The format as `manifest show` names it.
        public var formatName: String { formatKnown ? file.format.rawValue : "format unknown" }

        /// The version texts found, in file order.
        public var versions: [String] {
            if case .success(.versions(let locations)) = reading { return locations.map(\.value) }
            return []
        }
    }

    /// The repository root every path is relative to.
    public let root: String
    /// In discovery order: configured order, or the root files, then charts.
    public let entries: [Entry]

    /// File names looked for at the repository root when `versionFiles` is not configured.
    public static let rootCandidates = [
        "package.json", "package-lock.json", "npm-shrinkwrap.json", "Cargo.toml", "pyproject.toml", "Chart.yaml",
        "pom.xml", "build.gradle", "build.gradle.kts", "gradle.properties", "VERSION",
    ]

    /// The files to keep at the release version: `config.versionFiles` when set (with the package-lock.json
    /// beside a listed package.json), otherwise those found at the root and `chart/` or `charts/*/Chart.yaml`.
    public static func discover(root: String, config: SlipwayConfig) -> [Result<VersionFile, ManifestError>] {
        let manager = FileManager.default
        func exists(_ path: String) -> Bool { manager.fileExists(atPath: root + "/" + path) }
        guard config.versionFiles.isEmpty else {
            var result: [Result<VersionFile, ManifestError>] = []
            var listed = Set(config.versionFiles.map(\.path))
            for setting in config.versionFiles {
                let format: VersionFileFormat?
                if let name = setting.format {
                    format = VersionFileFormat.configured(name, path: setting.path)
                } else if setting.pattern != nil {
                    format = .pattern
                } else {
                    format = VersionFileFormat.detect(path: setting.path)
                }
                guard let format else {
                    result.append(.failure(ManifestError(file: setting.path, problem: "its format cannot be told from its name; set \"format\" (or \"pattern\") for it in versionFiles")))
                    continue
                }
                result.append(.success(VersionFile(path: setting.path, format: format, field: setting.field, pattern: setting.pattern)))
                if format == .packageJSON {
                    let folder = (setting.path as NSString).deletingLastPathComponent
                    let lock = folder.isEmpty ? "package-lock.json" : folder + "/package-lock.json"
                    if !listed.contains(lock), exists(lock) {
                        listed.insert(lock)
                        result.append(.success(VersionFile(path: lock, format: .packageLock)))
                    }
                }
                if let lock = lockfile(beside: setting.path, format: format, root: root), !listed.contains(lock.path) {
                    listed.insert(lock.path)
                    result.append(.success(lock))
                }
            }
            return result
        }
        var paths = rootCandidates.filter(exists)
        if exists("chart/Chart.yaml") { paths.append("chart/Chart.yaml") }
        if let charts = try? manager.contentsOfDirectory(atPath: root + "/charts") {
            for name in charts.sorted() where exists("charts/\(name)/Chart.yaml") { paths.append("charts/\(name)/Chart.yaml") }
        }
        // gradle.properties counts only when it sets `version` (it usually holds JVM settings); a build file beside
        // it without a version line then takes the version from it.
        let properties = paths.contains("gradle.properties")
            && (manager.contents(atPath: root + "/gradle.properties").map { GradleProperties.versionLocation([UInt8]($0)) != nil } ?? false)
        var files: [Result<VersionFile, ManifestError>] = []
        for path in paths {
            guard let format = VersionFileFormat.detect(path: path) else { continue }
            if format == .gradleProperties, !properties { continue }
            files.append(.success(VersionFile(path: path, format: format, field: format == .gradle && properties ? "gradle.properties" : nil)))
            if let lock = lockfile(beside: path, format: format, root: root) { files.append(.success(lock)) }
        }
        return files
    }

    /// The lockfile beside a manifest whose project sets its own version — Cargo.lock beside Cargo.toml (a crate,
    /// or a workspace root whose members inherit `[workspace.package] version`), uv.lock beside pyproject.toml —
    /// whose entries for the project move with it.
    static func lockfile(beside manifest: String, format: VersionFileFormat, root: String) -> VersionFile? {
        let (name, lockFormat): (String, VersionFileFormat)
        switch format {
        case .cargo: (name, lockFormat) = ("Cargo.lock", .cargoLock)
        case .pyproject: (name, lockFormat) = ("uv.lock", .uvLock)
        default: return nil
        }
        let folder = (manifest as NSString).deletingLastPathComponent
        let lock = folder.isEmpty ? name : folder + "/" + name
        guard FileManager.default.fileExists(atPath: root + "/" + lock),
              let data = FileManager.default.contents(atPath: root + "/" + manifest) else { return nil }
        let bytes = [UInt8](data)
        let project = format == .cargo
            ? CargoManifest.crateWithOwnVersion(bytes) ?? CargoManifest.inheritingMembers(bytes, folder: root + "/" + folder)
            : PyprojectManifest.projectWithOwnVersion(bytes)
        return project.map { VersionFile(path: lock, format: lockFormat, field: $0) }
    }

    /// Reads every version file of the repository at `root`.
    public static func load(root: String, config: SlipwayConfig) -> ManifestSet {
        load(root: root, files: discover(root: root, config: config))
    }

    /// Reads the given files; a file that cannot be listed or read becomes an entry holding its error.
    public static func load(root: String, files: [Result<VersionFile, ManifestError>]) -> ManifestSet {
        var entries: [Entry] = []
        for item in files {
            switch item {
            case .failure(let error):
                let placeholder = VersionFile(path: error.file, format: .pattern)
                entries.append(Entry(file: placeholder, absolutePath: root + "/" + error.file, reading: .failure(error), bytes: [],
                                     formatKnown: false))
            case .success(let file):
                entries.append(read(file, root: root))
            }
        }
        return ManifestSet(root: root, entries: entries)
    }

    static func read(_ file: VersionFile, root: String) -> Entry {
        let location: RepositoryPath
        do {
            location = try RepositoryPath(file.path, root: root)
        } catch {
            return Entry(file: file, absolutePath: root + "/" + file.path,
                         reading: .failure(ManifestError(file: file.path, problem: error.description)), bytes: [])
        }
        guard let data = FileManager.default.contents(atPath: location.absolute) else {
            let problem = FileManager.default.fileExists(atPath: location.absolute)
                ? (Self.isFolder(location.absolute) ? "is a folder, not a file; fix versionFiles in .slipway.json" : "cannot be read; check its permissions")
                : "does not exist; fix versionFiles in .slipway.json"
            return Entry(file: file, absolutePath: location.absolute, reading: .failure(ManifestError(file: file.path, problem: problem)), bytes: [])
        }
        let bytes = [UInt8](data)
        let reading: Result<VersionFileReading, ManifestError>
        do { reading = .success(try file.read(bytes)) } catch { reading = .failure(error) }
        return Entry(file: file, absolutePath: location.absolute, reading: reading, bytes: bytes)
    }

    /// The distinct versions the editable files hold; more than one means the manifests disagree.
    public var distinctVersions: [String] {
        var seen: [String] = []
        for entry in entries {
            for version in entry.versions where !seen.contains(version) { seen.append(version) }
        }
        return seen
    }

    /// A warning when the manifests hold different versions, naming which holds what.
    public var disagreement: String? {
        guard distinctVersions.count > 1 else { return nil }
        let parts = entries.filter { !$0.versions.isEmpty }.map { "\($0.file.path) \($0.versions.joined(separator: "/"))" }
        return "the manifests disagree on the version: " + parts.joined(separator: ", ")
    }

    /// The edits that set every version file to `version`; throws the first unreadable file's error so that
    /// nothing is written when any file is wrong. Files already at `version` need no edit. A chart whose
    /// `appVersion` tracks the release also gets its own `version` from `chartVersions` (keyed by Chart.yaml path).
    public func plan(version: SemanticVersion, chartVersions: [String: SemanticVersion] = [:]) throws(ManifestError) -> [FileEdit] {
        var edits: [FileEdit] = []
        for entry in entries {
            let reading: VersionFileReading
            switch entry.reading {
            case .failure(let error): throw error
            case .success(let value): reading = value
            }
            guard case .versions(let locations) = reading else { continue }
            var replacements = locations.map { ($0.range, version.description) }
            if entry.file.format == .chart, ChartManifest.fields(for: entry.file.field) == ["appVersion"],
               let chartVersion = chartVersions[entry.file.path],
               case .versions(let own) = try ChartManifest.read(entry.bytes, file: entry.file.path, fields: ["version"]),
               let location = own.first, location.value != chartVersion.description {
                replacements.append((location.range, chartVersion.description))
            }
            let after = ByteText.splice(entry.bytes, replacements.sorted { $0.0.lowerBound < $1.0.lowerBound })
            if after != entry.bytes {
                edits.append(FileEdit(path: entry.file.path, absolutePath: entry.absolutePath, before: entry.bytes, after: after))
            }
        }
        return edits
    }

    static func isFolder(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
