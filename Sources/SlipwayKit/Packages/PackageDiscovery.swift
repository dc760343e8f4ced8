import Foundation

/// Finds the packages of a monorepo: npm, pnpm and yarn workspaces (`workspaces` in package.json,
/// `pnpm-workspace.yaml`), Cargo workspaces (`[workspace] members`), and folders listed under `packages` in
/// `.slipway.json`. Globs are `*` for one folder level and `**` for any depth; `!glob` excludes.
public struct PackageDiscovery: Sendable {
    public let root: String
    public let config: SlipwayConfig

    public init(root: String, config: SlipwayConfig) {
        self.root = root
        self.config = config
    }

    /// The packages, sorted by path, and a warning for each glob that matched nothing or folder without a name.
    public func discover() throws -> (packages: [WorkspacePackage], warnings: [String]) {
        var warnings: [String] = []
        var byPath: [String: WorkspacePackage] = [:]
        let npmGlobs = try npmWorkspaceGlobs()
        for folder in expand(npmGlobs.globs, source: npmGlobs.source, warnings: &warnings) {
            if let package = npmPackage(folder, warnings: &warnings) { byPath[folder] = package }
        }
        let cargoGlobs = try cargoWorkspaceGlobs()
        for folder in expand(cargoGlobs, source: "Cargo.toml [workspace] members", warnings: &warnings) where byPath[folder] == nil {
            if let package = cargoPackage(folder, warnings: &warnings) { byPath[folder] = package }
        }
        for configured in try ConfiguredPackage.list(config) {
            guard isFolder(configured.path) else {
                warnings.append("packages in .slipway.json names \(configured.path), which is not a folder here")
                continue
            }
            var package = npmPackage(configured.path, warnings: &warnings, quiet: true) ?? cargoPackage(configured.path, warnings: &warnings, quiet: true)
                ?? WorkspacePackage(name: URL(fileURLWithPath: configured.path).lastPathComponent, path: configured.path, ecosystem: .config)
            if let name = configured.name { package.name = name }
            byPath[configured.path] = package
        }
        let packages = byPath.values.sorted { $0.path < $1.path }
        for (name, group) in Dictionary(grouping: packages, by: \.name) where group.count > 1 {
            warnings.append("\(group.count) packages are called \(name) (\(group.map(\.path).joined(separator: ", "))); give them distinct names")
        }
        return (packages, warnings)
    }

    // MARK: Workspace files

    func npmWorkspaceGlobs() throws -> (globs: [String], source: String) {
        if let data = FileManager.default.contents(atPath: root + "/pnpm-workspace.yaml") {
            let document = try YAMLParser.parseFirst(data, file: "pnpm-workspace.yaml")
            let globs = document?.pair("packages")?.value.items.map(\.value) ?? []
            return (globs, "pnpm-workspace.yaml packages")
        }
        guard let data = FileManager.default.contents(atPath: root + "/package.json"),
              let json = try? JSONParser.parse(data) else { return ([], "") }
        // `"workspaces": [...]` (npm, yarn) or `"workspaces": {"packages": [...]}` (yarn classic).
        let list = json["workspaces"]?.arrayValue.isEmpty == false ? json["workspaces"] : json["workspaces"]?["packages"]
        return ((list?.arrayValue ?? []).compactMap(\.stringValue), "package.json workspaces")
    }

    func cargoWorkspaceGlobs() throws -> [String] {
        guard let data = FileManager.default.contents(atPath: root + "/Cargo.toml") else { return [] }
        let entries = try TOMLScanner.scan([UInt8](data), file: "Cargo.toml").entries
        func list(_ key: String) -> [String] {
            guard let entry = entries.first(where: { $0.table == "workspace" && $0.key == [key] }), case .array(let items) = entry.value else { return [] }
            return items
        }
        return list("members") + list("exclude").map { "!" + $0 }
    }

    // MARK: Packages

    func npmPackage(_ folder: String, warnings: inout [String], quiet: Bool = false) -> WorkspacePackage? {
        let manifest = folder + "/package.json"
        guard let data = FileManager.default.contents(atPath: root + "/" + manifest), let json = try? JSONParser.parse(data) else {
            if !quiet { warnings.append("\(folder) matches a workspace glob but has no readable package.json; skipped") }
            return nil
        }
        guard let name = json["name"]?.stringValue, !name.isEmpty else {
            if !quiet { warnings.append("\(manifest) has no \"name\"; skipped") }
            return nil
        }
        return WorkspacePackage(name: name, path: folder, ecosystem: .npm, manifest: manifest,
                                manifestVersion: json["version"]?.stringValue.flatMap(SemanticVersion.init))
    }

    func cargoPackage(_ folder: String, warnings: inout [String], quiet: Bool = false) -> WorkspacePackage? {
        let manifest = folder + "/Cargo.toml"
        guard let data = FileManager.default.contents(atPath: root + "/" + manifest),
              let entries = try? TOMLScanner.scan([UInt8](data), file: manifest).entries,
              let nameEntry = entries.first(where: { $0.table == "package" && $0.key == ["name"] }),
              case .string(let name, _) = nameEntry.value else {
            if !quiet { warnings.append("\(folder) is a Cargo workspace member without a [package] name in Cargo.toml; skipped") }
            return nil
        }
        var version: SemanticVersion?
        if let entry = entries.first(where: { $0.table == "package" && $0.key == ["version"] }), case .string(let text, _) = entry.value {
            version = SemanticVersion(text)
        }
        return WorkspacePackage(name: name, path: folder, ecosystem: .cargo, manifest: manifest, manifestVersion: version)
    }

    // MARK: Globs

    func isFolder(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// The folders `globs` match, minus those a `!glob` matches; a glob that matches nothing is a warning.
    func expand(_ globs: [String], source: String, warnings: inout [String]) -> [String] {
        var included: [String] = []
        var excluded = Set<String>()
        for raw in globs {
            let negated = raw.hasPrefix("!")
            let glob = (negated ? String(raw.dropFirst()) : raw).trimmingCharacters(in: CharacterSet(charactersIn: "/")).replacingOccurrences(of: "./", with: "")
            let matches = folders(matching: glob.split(separator: "/").map(String.init), under: "")
            if negated { excluded.formUnion(matches); continue }
            if matches.isEmpty { warnings.append("\(source): '\(raw)' matches no folder") }
            included += matches
        }
        var seen = Set<String>()
        return included.filter { !excluded.contains($0) && seen.insert($0).inserted }
    }

    private func folders(matching parts: [String], under base: String, depth: Int = 0) -> [String] {
        guard let part = parts.first else { return isFolder(base) ? [base] : [] }
        let rest = Array(parts.dropFirst())
        let join = { (name: String) in base.isEmpty ? name : base + "/" + name }
        if part == "**" {
            guard depth < 6 else { return [] }
            var result = folders(matching: rest, under: base, depth: depth + 1)
            for child in children(of: base) { result += folders(matching: parts, under: join(child), depth: depth + 1) }
            return result
        }
        if !part.contains("*") { return isFolder(join(part)) ? folders(matching: rest, under: join(part), depth: depth) : [] }
        let pattern = "^" + NSRegularExpression.escapedPattern(for: part).replacingOccurrences(of: "\\*", with: "[^/]*") + "$"
        return children(of: base).filter { $0.range(of: pattern, options: .regularExpression) != nil }
            .flatMap { folders(matching: rest, under: join($0), depth: depth) }
    }

    private func children(of folder: String) -> [String] {
        let path = folder.isEmpty ? root : root + "/" + folder
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return names.filter { !$0.hasPrefix(".") && $0 != "node_modules" && $0 != "target" && isFolder(folder.isEmpty ? $0 : folder + "/" + $0) }.sorted()
    }
}
