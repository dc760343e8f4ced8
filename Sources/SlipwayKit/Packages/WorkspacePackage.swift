import Foundation

/// One package of a monorepo: where it lives, what it is called, the manifest that holds its version.
public struct WorkspacePackage: Sendable, Hashable {
    public enum Ecosystem: String, Sendable { case npm, cargo, config }

    public var name: String
    /// Relative to the repository root, without a trailing slash.
    public var path: String
    public var ecosystem: Ecosystem
    /// The manifest (`packages/web/package.json`), when it has one.
    public var manifest: String?
    /// The manifest's own version, when it holds one.
    public var manifestVersion: SemanticVersion?

    /// The tag prefixes this package's tags may use, the usual one for its ecosystem first: `NAME@` (changesets,
    /// pnpm, lerna) and `NAME-v` (release-please, cargo workspaces).
    public var tagPrefixes: [String] {
        ecosystem == .cargo ? ["\(name)-v", "\(name)@"] : ["\(name)@", "\(name)-v"]
    }
}

/// A package listed under `packages` in `.slipway.json`: a folder (`"tools/cli"`) or `{"path", "name"}`.
struct ConfiguredPackage: Sendable, Hashable {
    var path: String
    var name: String?

    static func list(_ config: SlipwayConfig) throws(ConfigError) -> [ConfiguredPackage] {
        guard let node = config.sections["packages"] else { return [] }
        var result: [ConfiguredPackage] = []
        for element in try node.elements() {
            let package: ConfiguredPackage
            if case .string = element.value {
                package = ConfiguredPackage(path: try element.string(), name: nil)
            } else {
                let members = try element.members(allowed: ["path", "name"])
                guard let path = members["path"] else { throw element.error("a package needs a \"path\"") }
                package = ConfiguredPackage(path: try path.string(), name: try members["name"]?.string())
            }
            let path = package.path.trimmingCharacters(in: CharacterSet(charactersIn: "/"))
            if path.isEmpty || package.path.hasPrefix("/") || path.split(separator: "/").contains("..") || path.hasPrefix("-") {
                throw element.error("'\(package.path)' must be a folder inside the repository")
            }
            if let name = package.name, let problem = RefNameRules.problem(name + "@1.0.0") {
                throw element.error("'\(name)' cannot start a tag name: \(problem)")
            }
            result.append(ConfiguredPackage(path: path, name: package.name))
        }
        return result
    }
}

extension SlipwayConfig {
    /// The configuration for one package's release: its tags, its manifest, its CHANGELOG, its commits.
    public func forPackage(_ package: WorkspacePackage, tagPrefix: String) -> SlipwayConfig {
        var config = self
        config.tagPrefix = tagPrefix
        config.tagPrefixConfigured = true
        config.tagPrefixSource = "the package \(package.name)"
        config.tagPrefixProblem = nil
        config.packagePaths = [package.path]
        config.changelog = package.path + "/CHANGELOG.md"
        if let manifest = package.manifest {
            config.versionFiles = [VersionFileSetting(path: manifest)]
        }
        return config
    }
}
