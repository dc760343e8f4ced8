/// `monitoring` in `.slipway.json`: the Prometheus the rollback criteria are asked of.
public struct MonitoringSettings: Sendable, Hashable {
    /// The server's base URL, `http://127.0.0.1:9090`.
    public var prometheus: String
    /// Headers sent with each query; values that carry credentials come from the environment.
    public var headers: [(name: String, value: HeaderValue)]
    public var timeoutSeconds: Double

    public enum HeaderValue: Sendable, Hashable {
        case text(String)
        case environment(EnvironmentValue)
    }

    public init(prometheus: String, headers: [(name: String, value: HeaderValue)] = [], timeoutSeconds: Double = 10) {
        self.prometheus = prometheus
        self.headers = headers
        self.timeoutSeconds = timeoutSeconds
    }

    public static func == (lhs: MonitoringSettings, rhs: MonitoringSettings) -> Bool {
        lhs.prometheus == rhs.prometheus && lhs.timeoutSeconds == rhs.timeoutSeconds
            && lhs.headers.map(\.name) == rhs.headers.map(\.name) && lhs.headers.map(\.value) == rhs.headers.map(\.value)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(prometheus)
        hasher.combine(headers.map(\.name))
    }

    init(_ node: ConfigNode) throws(ConfigError) {
        let members = try node.members(allowed: ["prometheus", "headers", "timeoutSeconds"])
        guard let url = members["prometheus"] else { throw node.error("needs \"prometheus\": the server's URL, e.g. http://127.0.0.1:9090") }
        self.init(prometheus: try url.httpURL())
        while prometheus.hasSuffix("/") { prometheus.removeLast() }
        if let timeout = members["timeoutSeconds"] { timeoutSeconds = Double(try timeout.integer(in: 1...120)) }
        if let headersNode = members["headers"] {
            for (name, value) in try headersNode.map() {
                guard !name.isEmpty, name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) else {
                    throw value.error("'\(name)' is not an HTTP header name")
                }
                if case .string(let text) = value.value {
                    let lower = name.lowercased()
                    if lower == "authorization" || lower.contains("token") || lower.contains("key") || lower == "cookie" {
                        throw value.error("a credential is never written in .slipway.json; use {\"env\": \"VARIABLE\", \"prefix\": \"Bearer \"}")
                    }
                    headers.append((name, .text(text)))
                } else {
                    headers.append((name, .environment(try value.environmentValue())))
                }
            }
        }
    }
}
