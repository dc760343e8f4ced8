import Foundation

/// A helm release per environment: status from `helm list`/`helm history` JSON, promotion with
/// `helm upgrade --install`, rollback with `helm rollback`, for Helm 3 and Helm 4.
public struct HelmBackend: DeploymentBackend {
    public let settings: HelmSettings
    public let environment: String
    public let workingDirectory: String
    public let runner: any CommandRunning
    /// Seconds a query (`list`, `history`, `version`) may take before it counts as hung.
    public let queryTimeout: Double
    public var kind: String { "helm" }

    public init(settings: HelmSettings, environment: String, workingDirectory: String, runner: any CommandRunning,
                queryTimeout: Double = 20) {
        self.settings = settings
        self.environment = environment
        self.workingDirectory = workingDirectory
        self.runner = runner
        self.queryTimeout = queryTimeout
    }

    /// The namespace and kube context, each joined to its flag with `=` so that no value is read as a flag.
    var scope: [String] {
        ["--namespace=" + settings.namespace] + (settings.kubeContext.map { ["--kube-context=" + $0] } ?? [])
    }

    private func helm(_ arguments: [String], timeout: Double) throws(DeploymentError) -> CommandOutput {
        let invocation = CommandInvocation(["helm"] + arguments, in: workingDirectory, timeout: timeout)
        do {
            return try runner.run(invocation)
        } catch {
            switch error.kind {
            case .notFound:
                throw DeploymentError(.backend, "helm was not found on PATH, so \(environment) cannot be read or deployed; install Helm 3 or 4 or fix PATH")
            case .timedOut(let seconds):
                throw DeploymentError(.backend, "\(invocation.description) did not answer within \(Int(seconds)) s and was stopped; check the cluster connection and kube context", output: error.outputTail)
            default:
                throw DeploymentError(.backend, "\(invocation.description) failed for \(environment): \(error.outputTail.isEmpty ? "\(error.kind)" : error.outputTail.replacingOccurrences(of: "\n", with: " | "))", output: error.outputTail)
            }
        }
    }

    private func unexpected(_ output: CommandOutput, _ expected: String) -> DeploymentError {
        let sample = String(output.trimmedText.prefix(200))
        return DeploymentError(.backend, "\(output.invocation.description) printed something that is not \(expected); check that helm is Helm 3 or 4", output: sample)
    }

    /// Helm's major version from `helm version --short` (`v3.15.2+g1a500d5`).
    public func majorVersion() throws(DeploymentError) -> Int {
        let output = try helm(["version", "--short"], timeout: queryTimeout)
        let text = output.trimmedText.trimmingCharacters(in: .whitespaces)
        guard text.hasPrefix("v"), let major = Int(text.dropFirst().prefix(while: \.isNumber)), major >= 3 else {
            throw unexpected(output, "a Helm 3 or 4 version such as v3.15.2")
        }
        return major
    }

    /// The release's latest revision from `helm list --all`, which unlike plain `helm list` includes `pending-*` releases.
    public func state() throws(DeploymentError) -> DeploymentState {
        let output = try helm(["list", "--all", "--filter=^" + NSRegularExpression.escapedPattern(for: settings.release) + "$"] + scope
                              + ["--output", "json"], timeout: queryTimeout)
        guard let list = try? JSONParser.parse(output.stdout), case .array(let releases) = list else {
            throw unexpected(output, "helm's JSON release list")
        }
        guard let release = releases.first(where: { $0["name"] == .string(settings.release) }) else {
            return DeploymentState(version: nil, status: "not installed")
        }
        guard case .string(let status)? = release["status"] else { throw unexpected(output, "helm's JSON release list (no status)") }
        let chart = release["chart"].flatMap { if case .string(let text) = $0 { return text } else { return nil } }
        let appVersion = release["app_version"].flatMap { if case .string(let text) = $0 { return text } else { return nil } }
        var revision: String?
        switch release["revision"] {
        case .string(let text)?: revision = text
        case .number(let number)?: revision = String(Int(number))
        default: revision = nil
        }
        let updated = release["updated"].flatMap { if case .string(let text) = $0 { return Self.parseGoTime(text) } else { return nil } }
        var state = DeploymentState(version: chart.flatMap(Self.chartVersion) ?? appVersion, since: updated, by: nil,
                                    status: status, revision: revision)
        if state.isPending {
            state.recovery = recovery(for: status)
            if let description = try? pendingDescription() { state.recovery = (state.recovery ?? "") + " (helm status: \(description))" }
        }
        return state
    }

    /// `info.description` from `helm status -o json`, which says what the interrupted operation was.
    func pendingDescription() throws(DeploymentError) -> String? {
        let output = try helm(["status"] + scope + ["--output", "json", "--", settings.release], timeout: queryTimeout)
        guard let release = try? JSONParser.parse(output.stdout), case .string(let description)? = release["info"]?["description"] else {
            throw unexpected(output, "helm's JSON release status")
        }
        return description
    }

    func recovery(for status: String) -> String {
        let scopeText = (["--namespace", settings.namespace] + (settings.kubeContext.map { ["--kube-context", $0] } ?? [])).joined(separator: " ")
        if status == "pending-install" {
            return "helm was interrupted installing \(settings.release): once no helm command is running, run helm uninstall \(settings.release) \(scopeText) and install again"
        }
        return "helm was interrupted (\(status)): once no helm command is running, run helm history \(settings.release) \(scopeText) and helm rollback \(settings.release) REV \(scopeText) to the last deployed revision"
    }

    public func history() throws(DeploymentError) -> [DeploymentRecord] {
        let output = try helm(["history"] + scope + ["--max", String(max(settings.keptHistory, 1)), "--output", "json", "--", settings.release],
                              timeout: queryTimeout)
        guard let list = try? JSONParser.parse(output.stdout), case .array(let revisions) = list else {
            throw unexpected(output, "helm's JSON release history")
        }
        var records: [DeploymentRecord] = []
        for entry in revisions {
            guard case .string(let chart)? = entry["chart"] else { throw unexpected(output, "helm's JSON release history (no chart)") }
            var appVersion: String?
            if case .string(let text)? = entry["app_version"] { appVersion = text }
            guard let version = Self.chartVersion(chart) ?? appVersion else { continue }
            var revision: String?
            switch entry["revision"] {
            case .number(let number)?: revision = String(Int(number))
            case .string(let text)?: revision = text
            default: throw unexpected(output, "helm's JSON release history (no revision)")
            }
            var status: String?
            if case .string(let text)? = entry["status"] { status = text }
            var time: Date?
            if case .string(let text)? = entry["updated"] { time = Self.parseRFC3339(text) ?? Self.parseGoTime(text) }
            records.append(DeploymentRecord(version: version, time: time, revision: revision, status: status))
        }
        return records.sorted { (Int($0.revision ?? "") ?? 0) > (Int($1.revision ?? "") ?? 0) }
    }

    /// The `helm upgrade --install` argv for `version` with the flags of Helm `major`.
    public func upgradeArguments(_ version: String, major: Int) -> [String] {
        var arguments = ["upgrade", "--install", "--version=" + version] + scope
        if let values = settings.values { arguments += ["--values=" + values] }
        if let historyMax = settings.historyMax { arguments += ["--history-max", String(historyMax)] }
        arguments += ["--wait", "--timeout=" + settings.timeout, major >= 4 ? "--rollback-on-failure" : "--atomic"]
        // The release and the chart after `--`: configured values, never flags.
        return arguments + ["--", settings.release, settings.chart]
    }

    private var operationTimeout: Double { (HelmSettings.seconds(settings.timeout) ?? 600) + 60 }

    public func deploy(_ version: String, action: String, from current: String?) throws(DeploymentError) -> DeploymentOutcome {
        let arguments = upgradeArguments(version, major: try majorVersion())
        let output = try helm(arguments, timeout: operationTimeout)
        return DeploymentOutcome(commands: [CommandInvocation(["helm"] + arguments).description],
                                 output: output.trimmedText)
    }

    public func rollback(to record: DeploymentRecord, from current: String?) throws(DeploymentError) -> DeploymentOutcome {
        guard let revision = record.revision else {
            throw DeploymentError(.input, "helm history has no revision for \(record.version) in \(environment); pick a version helm history lists")
        }
        let arguments = ["rollback"] + scope + ["--wait", "--timeout=" + settings.timeout, "--", settings.release, revision]
        let output = try helm(arguments, timeout: operationTimeout)
        return DeploymentOutcome(commands: [CommandInvocation(["helm"] + arguments).description], output: output.trimmedText,
                                 revision: revision)
    }

    /// The SemVer at the end of a chart name and version such as `web-app-1.2.3`.
    public static func chartVersion(_ chart: String) -> String? {
        var index = chart.startIndex
        while let dash = chart[index...].firstIndex(of: "-") {
            let tail = String(chart[chart.index(after: dash)...])
            if SemanticVersion(tail) != nil { return tail }
            index = chart.index(after: dash)
        }
        return nil
    }

    /// Go's default time format, as `helm list` prints it: `2024-03-01 10:00:00.123456789 +0000 UTC`.
    public static func parseGoTime(_ text: String) -> Date? {
        let parts = text.split(separator: " ")
        guard parts.count >= 3 else { return nil }
        let time = parts[1].split(separator: ".").first.map(String.init) ?? String(parts[1])
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss Z"
        return formatter.date(from: "\(parts[0]) \(time) \(parts[2])")
    }

    /// RFC 3339 with any fraction of a second, as `helm history` prints it.
    public static func parseRFC3339(_ text: String) -> Date? {
        var trimmed = text
        if let dot = text.firstIndex(of: "."), let zone = text[dot...].firstIndex(where: { $0 == "Z" || $0 == "+" || $0 == "-" }) {
            trimmed = String(text[..<dot]) + String(text[zone...])
        }
        return ISO8601DateFormatter().date(from: trimmed)
    }
}
