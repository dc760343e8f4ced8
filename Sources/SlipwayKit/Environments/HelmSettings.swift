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
        guard let releaseNode = members["release"], let chartNode = members["chart"] else {
            throw node.error("a helm backend needs \(["release", "chart"].filter { members[$0] == nil }.joined(separator: ", "))")
        }
        kubeContext = try members["kubeContext"].map { (node) throws(ConfigError) in try Self.value(node, "a kube context") }
        namespace = try members["namespace"].map { (node) throws(ConfigError) in try Self.name(node, Self.namespacePattern, 63, "a Kubernetes namespace") } ?? "default"
        release = try Self.name(releaseNode, Self.releasePattern, 53, "a helm release name")
        chart = try Self.value(chartNode, "a chart reference")
        values = try members["values"].map { (node) throws(ConfigError) in try Self.value(node, "a values file") }
        timeout = try members["timeout"].map { (node) throws(ConfigError) in try node.string() } ?? "10m"
        if HelmSettings.seconds(timeout) == nil, let timeoutNode = members["timeout"] {
            throw timeoutNode.error("'\(timeout)' is not a duration such as 300s, 10m or 1h")
        }
        historyMax = try members["historyMax"].map { (node) throws(ConfigError) in try node.integer(in: 0...10_000) }
    }

    /// Helm's rule for release names: lowercase letters, digits, `-` and `.`, starting and ending alphanumeric.
    static let releasePattern = "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$"
    /// A Kubernetes namespace: an RFC 1123 label.
    static let namespacePattern = "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"

    /// A name that must match `pattern` and fit in `limit` characters.
    static func name(_ node: ConfigNode, _ pattern: String, _ limit: Int, _ what: String) throws(ConfigError) -> String {
        let text = try node.string()
        guard text.count <= limit, text.range(of: pattern, options: .regularExpression) != nil else {
            throw node.error("'\(text)' is not \(what): lowercase letters, digits and '-' (at most \(limit) characters, starting and ending with a letter or digit)")
        }
        return text
    }

    /// A free-form value passed to helm: never empty, never starting with `-`, without control characters.
    static func value(_ node: ConfigNode, _ what: String) throws(ConfigError) -> String {
        let text = try node.string()
        guard !text.isEmpty, !text.hasPrefix("-"), !text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw node.error("'\(text)' is not \(what): it must not be empty, start with '-' or hold control characters")
        }
        return text
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
