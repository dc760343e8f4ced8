/// One problem `chart lint` found: the rule, how serious it is, where, and what to change.
public struct ChartFinding: Sendable, Hashable {
    public enum Severity: String, Sendable, Hashable, Comparable {
        case error, warning, info

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
        private var rank: Int { self == .error ? 0 : self == .warning ? 1 : 2 }
    }

    /// `chart-version`, `chart-version-not-bumped`, `app-version`, `secret-value`, `not-overridable`,
    /// `oci-distribution`, or `chart-files` for a file that cannot be read as a chart's.
    public var rule: String
    public var severity: Severity
    /// Relative to the repository root.
    public var file: String
    public var line: Int?
    public var message: String

    public init(_ rule: String, _ severity: Severity, file: String, line: Int? = nil, _ message: String) {
        self.rule = rule
        self.severity = severity
        self.file = file
        self.line = line
        self.message = message
    }

    /// `file:line: severity [rule] message`.
    public var description: String {
        "\(file)\(line.map { ":\($0)" } ?? ""): \(severity.rawValue) [\(rule)] \(message)"
    }

    public var json: JSONValue {
        .object([("rule", .string(rule)), ("severity", .string(severity.rawValue)), ("file", .string(file)),
                 ("line", line.map { .number(Double($0)) } ?? .null), ("message", .string(message))])
    }

    /// What each rule protects, for the help and `chart lint --help`.
    public static let rules: [(rule: String, protects: String)] = [
        ("chart-version", "the chart's version is SemVer 2.0.0 (standard 4.3.1)"),
        ("chart-version-not-bumped", "a released chart whose files changed has a higher version than the last release's (4.3.1)"),
        ("app-version", "appVersion tracks the application release (4.3.2)"),
        ("secret-value", "no secret value in values.yaml or a template, only references to Kubernetes Secrets (4.2.5)"),
        ("not-overridable", "clients can override the image, resources, configuration and secret references (4.3.4)"),
        ("oci-distribution", "the chart is published to an OCI registry, as a helm-oci artefact (4.3.3)"),
        ("chart-files", "Chart.yaml, values.yaml and the templates can be read"),
    ]
}

/// The findings for one chart.
public struct ChartLintReport: Sendable, Hashable {
    /// The chart's folder, `charts/web`.
    public var path: String
    public var findings: [ChartFinding]

    public var errors: [ChartFinding] { findings.filter { $0.severity == .error } }

    public var json: JSONValue {
        .object([("path", .string(path)), ("findings", .array(findings.map(\.json)))])
    }
}
