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
        kubeContext = try members["kubeContext"].map { (node) throws(ConfigError) in try node.string() }
        namespace = try members["namespace"].map { (node) throws(ConfigError) in try node.string() } ?? "default"
        release = try releaseNode.string()
        chart = try chartNode.string()
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
