import Foundation

/// One entry of `environments` in `.slipway.json`: where a version runs and how it gets there.
public struct EnvironmentSettings: Sendable, Hashable {
    public var name: String
    /// Deployed by CI on every merge to main; Slipway shows it and never promotes it.
    public var auto: Bool
    /// Needs the name typed back (`--confirm ENV`) to promote; true for `production`/`prod` unless set.
    public var protected: Bool
    public var backend: BackendSettings
    public var rollback: RollbackSettings
    /// How the running service reports its version (`verify`); `nil` when it is not asked.
    public var verify: VerifySettings?
    /// The key path in `.slipway.json`, e.g. `environments[2]`, for messages.
    public var keyPath: String

    public init(name: String, auto: Bool = false, protected: Bool? = nil, backend: BackendSettings,
                rollback: RollbackSettings = RollbackSettings(), keyPath: String = "environments") {
        self.name = name
        self.auto = auto
        self.protected = protected ?? ["production", "prod"].contains(name.lowercased())
        self.backend = backend
        self.rollback = rollback
        self.keyPath = keyPath
    }

    init(_ node: ConfigNode) throws(ConfigError) {
        let members = try node.members(allowed: ["name", "auto", "protected", "backend", "rollback", "verify"])
        guard let nameNode = members["name"] else { throw node.error("needs a \"name\"") }
        let name = try nameNode.string()
        if name.contains(where: { $0.isWhitespace || $0 == "/" }) || name.hasPrefix("-") {
            throw nameNode.error("'\(name)' must be one word without slashes")
        }
        guard let backendNode = members["backend"] else {
            throw node.error("needs a \"backend\" ({\"kind\": \"gitops\" | \"helm\" | \"command\", …})")
        }
        let auto = try members["auto"].map { (node) throws(ConfigError) in try node.bool() } ?? false
        let protected = try members["protected"].map { (node) throws(ConfigError) in try node.bool() }
        let rollback = try members["rollback"].map { (node) throws(ConfigError) in try RollbackSettings(node) } ?? RollbackSettings()
        self.init(name: name, auto: auto, protected: protected, backend: try BackendSettings(backendNode),
                  rollback: rollback, keyPath: node.path)
        verify = try members["verify"].map { (node) throws(ConfigError) in try VerifySettings(node) }
    }
}
