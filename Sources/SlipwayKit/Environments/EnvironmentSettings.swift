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
        let members = try node.members(allowed: ["name", "auto", "protected", "backend", "rollback"])
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
    }
}

/// How an environment is deployed.
public enum BackendSettings: Sendable, Hashable {
    case gitops(GitopsSettings)
    case helm(HelmSettings)
    case command(CommandBackendSettings)

    public var kind: String {
        switch self {
        case .gitops: return "gitops"
        case .helm: return "helm"
        case .command: return "command"
        }
    }

    init(_ node: ConfigNode) throws(ConfigError) {
        guard case .object = node.value else { throw node.error("must be an object, not \(node.value.kindName)") }
        guard let kindValue = node.value["kind"] else { throw node.error("needs a \"kind\": gitops, helm or command") }
        let kindNode = ConfigNode(value: kindValue, path: node.path + ".kind", file: node.file)
        switch try kindNode.choice(["gitops", "helm", "command"]) {
        case "gitops": self = .gitops(try GitopsSettings(node))
        case "helm": self = .helm(try HelmSettings(node))
        default: self = .command(try CommandBackendSettings(node))
        }
    }
}

/// `backend` of kind `gitops`: a file in an environments repository that names the version.
public struct GitopsSettings: Sendable, Hashable {
    /// Any git URL or path; a relative path is taken from the repository root.
    public var repo: String
    /// The file inside the environments repository, e.g. `staging/values.yaml`.
    public var file: String
    /// A dotted key path such as `image.tag`.
    public var key: String
    /// The branch to commit to; the remote's default branch when absent.
    public var branch: String?

    public init(repo: String, file: String, key: String, branch: String? = nil) {
        self.repo = repo
        self.file = file
        self.key = key
        self.branch = branch
    }

    init(_ node: ConfigNode) throws(ConfigError) {
        let members = try node.members(allowed: ["kind", "repo", "file", "key", "branch"])
        for required in ["repo", "file", "key"] where members[required] == nil {
            throw node.error("a gitops backend needs \"\(required)\"")
        }
        repo = try members["repo"]?.string() ?? ""
        file = try members["file"]?.string() ?? ""
        key = try members["key"]?.string() ?? ""
        if file.hasPrefix("/") || file.split(separator: "/").contains("..") {
            throw members["file"]?.error("'\(file)' must be a path inside the environments repository") ?? node.error("bad file")
        }
        if key.split(separator: ".", omittingEmptySubsequences: false).contains(where: \.isEmpty) {
            throw members["key"]?.error("'\(key)' must be a dotted key path such as image.tag") ?? node.error("bad key")
        }
        branch = try members["branch"].map { (node) throws(ConfigError) in try node.string() }
    }
}

/// `backend` of kind `helm`: a release in a namespace of a kube context.
public struct HelmSettings: Sendable, Hashable {
    public var kubeContext: String?
    public var namespace: String
    public var release: String
    public var chart: String
    /// A values file passed with `-f`, relative to the repository root.
    public var values: String?
    /// Helm's `--timeout`, e.g. `10m`.
    public var timeout: String
    /// `--history-max` passed to `helm upgrade` when set; helm keeps 10 revisions when it is not.
    public var historyMax: Int?

    /// The revisions helm keeps for this release.
    public var keptHistory: Int { historyMax ?? 10 }

    public init(kubeContext: String? = nil, namespace: String, release: String, chart: String, values: String? = nil,
                timeout: String = "10m", historyMax: Int? = nil) {
        self.kubeContext = kubeContext
        self.namespace = namespace
        self.release = release
        self.chart = chart
        self.values = values
        self.timeout = timeout
        self.historyMax = historyMax
    }

    init(_ node: ConfigNode) throws(ConfigError) {
        let members = try node.members(allowed: ["kind", "kubeContext", "namespace", "release", "chart", "values",
                                                 "timeout", "historyMax"])
        for required in ["release", "chart"] where members[required] == nil {
            throw node.error("a helm backend needs \"\(required)\"")
        }
        kubeContext = try members["kubeContext"].map { (node) throws(ConfigError) in try node.string() }
        namespace = try members["namespace"].map { (node) throws(ConfigError) in try node.string() } ?? "default"
        release = try members["release"]?.string() ?? ""
        chart = try members["chart"]?.string() ?? ""
        values = try members["values"].map { (node) throws(ConfigError) in try node.string() }
        timeout = try members["timeout"].map { (node) throws(ConfigError) in try node.string() } ?? "10m"
        if HelmSettings.seconds(timeout) == nil, let timeoutNode = members["timeout"] {
            throw timeoutNode.error("'\(timeout)' is not a duration such as 300s, 10m or 1h")
        }
        historyMax = try members["historyMax"].map { (node) throws(ConfigError) in try node.integer(in: 0...10_000) }
    }

    /// Seconds in a Go duration made of `h`, `m` and `s` parts (`1h30m`, `600s`).
    public static func seconds(_ duration: String) -> Double? {
        var total = 0.0
        var number = ""
        for character in duration {
            if character.isNumber || character == "." { number.append(character); continue }
            guard let value = Double(number) else { return nil }
            switch character {
            case "h": total += value * 3600
            case "m": total += value * 60
            case "s": total += value
            default: return nil
            }
            number = ""
        }
        return number.isEmpty && !duration.isEmpty ? total : nil
    }
}

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

/// `rollback` of an environment: where its plans are and how fast a rollback must be.
public struct RollbackSettings: Sendable, Hashable {
    /// A folder of `vX.Y.Z.md` plans, relative to the repository root.
    public var plans: String?
    public var targetMinutes: Double
    /// Criteria recorded with every promotion when the plan has none.
    public var criteria: String?

    public init(plans: String? = nil, targetMinutes: Double = 15, criteria: String? = nil) {
        self.plans = plans
        self.targetMinutes = targetMinutes
        self.criteria = criteria
    }

    init(_ node: ConfigNode) throws(ConfigError) {
        let members = try node.members(allowed: ["plans", "targetMinutes", "criteria"])
        plans = try members["plans"].map { (node) throws(ConfigError) in try node.string() }
        criteria = try members["criteria"].map { (node) throws(ConfigError) in try node.string() }
        targetMinutes = 15
        if let target = members["targetMinutes"] {
            targetMinutes = try target.number()
            if !(targetMinutes > 0 && targetMinutes <= 1440) { throw target.error("must be minutes from 1 to 1440") }
        }
    }
}
