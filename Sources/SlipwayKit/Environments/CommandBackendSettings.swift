/// `backend` of kind `command`: argv templates where `{env}` and `{version}` are whole arguments.
public struct CommandBackendSettings: Sendable, Hashable {
    /// Prints the running version as the first line of its output.
    public var status: [String]
    public var deploy: [String]
    /// Falls back to `deploy` with the older version when absent.
    public var rollback: [String]?
    public var timeoutSeconds: Double

    public init(status: [String], deploy: [String], rollback: [String]? = nil, timeoutSeconds: Double = 900) {
        self.status = status
        self.deploy = deploy
        self.rollback = rollback
        self.timeoutSeconds = timeoutSeconds
    }

    init(_ node: ConfigNode) throws(ConfigError) {
        let members = try node.members(allowed: ["kind", "status", "deploy", "rollback", "timeoutSeconds"])
        for required in ["status", "deploy"] where members[required] == nil {
            throw node.error("a command backend needs \"\(required)\" (an argv array such as [\"./deploy\", \"{env}\", \"{version}\"])")
        }
        func argv(_ key: String) throws(ConfigError) -> [String]? {
            guard let child = members[key] else { return nil }
            let list = try child.strings()
            if list.isEmpty { throw child.error("must name a program") }
            return list
        }
        status = try argv("status") ?? []
        deploy = try argv("deploy") ?? []
        rollback = try argv("rollback")
        timeoutSeconds = Double(try members["timeoutSeconds"].map { (node) throws(ConfigError) in try node.integer(in: 1...86_400) } ?? 900)
    }
}
