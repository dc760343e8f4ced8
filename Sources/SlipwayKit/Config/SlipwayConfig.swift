import Foundation

/// `.slipway.json` at the repository root. Everything is optional; a missing file means all defaults.
public struct SlipwayConfig: Sendable {
    public static let fileName = ".slipway.json"

    public var tagPrefix: String = "v"
    /// `true` when `tagPrefix` came from the file rather than the default.
    public var tagPrefixConfigured = false
    /// Where `tagPrefix` came from: `configured`, `default`, or `detected from 12 tags such as v2.0.0`.
    public var tagPrefixSource = "default"
    /// Set when the tags' form could not be told apart and no `tagPrefix` is configured.
    public var tagPrefixProblem: ConfigError?
    public var baseBranch: String = "main"
    public var versionFiles: [VersionFileSetting] = []
    public var changelog: String = "CHANGELOG.md"
    public var bump = BumpRules()
    public var forge = ForgeSettings()
    /// Sections read strictly by the features that own them (artefacts, environments, …), kept as JSON here.
    public var sections: [String: ConfigNode] = [:]
    /// For one package of a monorepo (`--package NAME`): the folders whose commits count, relative to the root.
    public var packagePaths: [String] = []
    /// The file this was read from, or `nil` for defaults.
    public var source: String?

    public init() {}

    public static let topLevelKeys: Set<String> = [
        "tagPrefix", "baseBranch", "versionFiles", "changelog", "bump", "forge", "artefacts", "environments",
        "migrations", "monitoring", "notify", "publish", "impactedSystems", "packages",
    ]

    /// Reads `.slipway.json` in `root`, or the defaults when there is none.
    public static func load(repositoryRoot root: String) throws(ConfigError) -> SlipwayConfig {
        let path = (root as NSString).appendingPathComponent(fileName)
        guard FileManager.default.fileExists(atPath: path) else { return SlipwayConfig() }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigError(file: fileName, keyPath: "", problem: "cannot be read")
        }
        var config = try parse(data, file: fileName)
        config.source = path
        return config
    }

    public static func parse(_ data: Data, file: String = fileName) throws(ConfigError) -> SlipwayConfig {
        let value: JSONValue
        do {
            value = try JSONParser.parse(data)
        } catch {
            throw ConfigError(file: file, keyPath: "", problem: "is not valid JSON: \(error.description)")
        }
        let root = ConfigNode(value: value, path: "", file: file)
        var config = SlipwayConfig()
        let members = try root.members(allowed: topLevelKeys)
        if let node = members["tagPrefix"] {
            config.tagPrefix = try node.string(nonEmpty: false)
            config.tagPrefixConfigured = true
            config.tagPrefixSource = "configured"
            if let problem = RefNameRules.problem(config.tagPrefix + "1.0.0") {
                throw node.error("'\(config.tagPrefix)' cannot start a git tag name: \(problem)")
            }
        }
        if let node = members["baseBranch"] {
            config.baseBranch = try node.string()
            if let problem = RefNameRules.problem(config.baseBranch) {
                throw node.error("'\(config.baseBranch)' is not a branch name git accepts: \(problem)")
            }
        }
        if let node = members["changelog"] { config.changelog = try node.string() }
        if let node = members["versionFiles"] {
            config.versionFiles = []
            for element in try node.elements() { config.versionFiles.append(try VersionFileSetting(element)) }
        }
        if let node = members["bump"] { config.bump = try parseBump(node) }
        if let node = members["forge"] { config.forge = try ForgeSettings(node) }
        for key in ["artefacts", "environments", "migrations", "monitoring", "notify", "publish", "impactedSystems", "packages"] {
            if let node = members[key] { config.sections[key] = node }
        }
        try config.validateSections()
        return config
    }

    static func parseBump(_ node: ConfigNode) throws(ConfigError) -> BumpRules {
        let members = try node.members(allowed: ["types", "breakingWhileZero"])
        var types: [String: BumpLevel] = [:]
        if let typesNode = members["types"] {
            for (key, child) in try typesNode.map() {
                guard CommitMessageParser.isTypeKey(key) else {
                    throw child.error("'\(key)' is not a commit type (like feat) or a type with a scope (like chore(deps))")
                }
                types[key] = try level(child)
            }
        }
        let zero = try members["breakingWhileZero"].map { (node) throws(ConfigError) in try level(node) }
        return BumpRules.merging(types, breakingWhileZero: zero)
    }

    static func level(_ node: ConfigNode) throws(ConfigError) -> BumpLevel {
        let text = try node.choice(["major", "minor", "patch", "none"])
        return BumpLevel(name: text) ?? .none
    }
}

/// One entry of `versionFiles`: a manifest to keep at the release version.
public struct VersionFileSetting: Sendable, Hashable {
    public var path: String
    /// `package.json`, `package-lock.json`, `cargo`, `pyproject`, `chart`, `pom`, `gradle`, `version`, `pattern`; detected from the name when absent.
    public var format: String?
    /// Which field to set in a Chart.yaml: `appVersion` (the default), `version`, or `both`.
    public var field: String?
    /// For `pattern`: a regular expression whose first capture group is the version.
    public var pattern: String?

    public init(path: String, format: String? = nil, field: String? = nil, pattern: String? = nil) {
        self.path = path
        self.format = format
        self.field = field
        self.pattern = pattern
    }

    init(_ node: ConfigNode) throws(ConfigError) {
        let members = try node.members(allowed: ["path", "format", "field", "pattern"])
        guard let pathNode = members["path"] else { throw node.error("needs a \"path\"") }
        path = try pathNode.relativePath()
        format = try members["format"].map { (node) throws(ConfigError) in
            try node.choice(["package.json", "package-lock.json", "cargo", "pyproject", "chart", "pom", "gradle", "version", "pattern"])
        }
        field = try members["field"].map { (node) throws(ConfigError) in try node.choice(["appVersion", "version", "both"]) }
        pattern = nil
        if let patternNode = members["pattern"] {
            let text = try patternNode.string()
            guard let regex = try? NSRegularExpression(pattern: text) else {
                throw patternNode.error("is not a valid regular expression")
            }
            if regex.numberOfCaptureGroups < 1 { throw patternNode.error("needs a capture group around the version") }
            pattern = text
        }
    }
}

/// `forge`: where release PRs live and who must approve.
public struct ForgeSettings: Sendable, Hashable {
    public enum Kind: String, Sendable { case local, github, gitlab }
    public var kind: Kind = .local
    public var requiredApprovals = 1
    public var techLeads: [String] = []
    public var remote = "origin"

    public init() {}

    init(_ node: ConfigNode) throws(ConfigError) {
        let members = try node.members(allowed: ["kind", "requiredApprovals", "techLeads", "remote"])
        if let kindNode = members["kind"] {
            kind = Kind(rawValue: try kindNode.choice(["local", "github", "gitlab"])) ?? .local
        }
        if let count = members["requiredApprovals"] { requiredApprovals = try count.integer(in: 0...50) }
        if let leads = members["techLeads"] { techLeads = try leads.strings() }
        if let remoteNode = members["remote"] {
            remote = try remoteNode.string()
            if let problem = RefNameRules.problem(remote) {
                throw remoteNode.error("'\(remote)' is not a git remote name: \(problem)")
            }
        }
    }
}
