import Foundation

/// Prometheus' HTTP API through `curl` (`/api/v1/query`, `/api/v1/query_range`). Header values that carry
/// credentials go to curl in a file only this user can read, never on its command line.
public struct PrometheusClient: Sendable {
    public let settings: MonitoringSettings
    public let runner: any CommandRunning
    public let environment: [String: String]

    /// What asking gave: a number, or why there is none (never a guess).
    public enum Answer: Sendable, Hashable {
        case value(Double)
        /// Samples of a range query, oldest first.
        case samples([Double])
        case noData(String)
        case failed(String)
    }

    public init(settings: MonitoringSettings, runner: any CommandRunning,
                environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.settings = settings
        self.runner = runner
        self.environment = environment
    }

    /// The query's value now.
    public func instant(_ query: String) -> Answer {
        parse(get("/api/v1/query", parameters: [("query", query)]), range: false)
    }

    /// The query's samples over the last `window` seconds, every `step` seconds.
    public func range(_ query: String, window: Double, step: Double, now: Date = Date()) -> Answer {
        let end = now.timeIntervalSince1970
        let parameters = [("query", query), ("start", String(format: "%.3f", end - window)), ("end", String(format: "%.3f", end)),
                          ("step", String(format: "%.0f", max(1, step)))]
        return parse(get("/api/v1/query_range", parameters: parameters), range: true)
    }

    /// The body, or why there is none.
    func get(_ path: String, parameters: [(String, String)]) -> Result<(status: Int, body: Data), PrometheusFailure> {
        var arguments = ["curl", "--silent", "--show-error", "--get", "--max-time", String(Int(settings.timeoutSeconds)),
                         "--write-out", HTTPFetch.marker + "%{http_code} %{content_type}"]
        for (name, value) in parameters { arguments += ["--data-urlencode", "\(name)=\(value)"] }
        let headerFile: String?
        do { headerFile = try writeHeaders() } catch { return .failure(PrometheusFailure(error.description)) }
        defer { if let headerFile { try? FileManager.default.removeItem(atPath: headerFile) } }
        if let headerFile { arguments += ["--header", "@" + headerFile] }
        arguments += ["--url", settings.prometheus + path]
        let output: CommandOutput
        do { output = try runner.runUnchecked(CommandInvocation(arguments, timeout: settings.timeoutSeconds + 5)) } catch {
            switch error.kind {
            case .notFound: return .failure(PrometheusFailure("curl is not installed, so Prometheus cannot be asked (apt-get install curl)"))
            case .timedOut: return .failure(PrometheusFailure("Prometheus at \(settings.prometheus) did not answer within \(Int(settings.timeoutSeconds)) s"))
            default: return .failure(PrometheusFailure(error.description))
            }
        }
        guard output.status.isSuccess else {
            if output.status == .exited(28) {
                return .failure(PrometheusFailure("Prometheus at \(settings.prometheus) did not answer within \(Int(settings.timeoutSeconds)) s"))
            }
            return .failure(PrometheusFailure("Prometheus at \(settings.prometheus) is unreachable: \(output.errorSummary)"))
        }
        guard let response = HTTPFetch.split(output.stdout) else { return .failure(PrometheusFailure("curl printed no status")) }
        return .success((response.status, response.body))
    }

    /// The configured headers as a curl header file (mode 0600), or `nil` when there are none.
    func writeHeaders() throws(PrometheusFailure) -> String? {
        guard !settings.headers.isEmpty else { return nil }
        var lines: [String] = []
        for (name, value) in settings.headers {
            switch value {
            case .text(let text): lines.append("\(name): \(text)")
            case .environment(let variable):
                guard let resolved = variable.resolve(environment) else {
                    throw PrometheusFailure("the header \(name) comes from $\(variable.variable), which is not set")
                }
                lines.append("\(name): \(resolved)")
            }
        }
        let path = NSTemporaryDirectory() + "/slipway-headers-\(UUID().uuidString)"
        guard FileManager.default.createFile(atPath: path, contents: Data((lines.joined(separator: "\n") + "\n").utf8),
                                             attributes: [.posixPermissions: 0o600]) else {
            throw PrometheusFailure("the header file \(path) could not be written")
        }
        return path
    }

    func parse(_ result: Result<(status: Int, body: Data), PrometheusFailure>, range: Bool) -> Answer {
        let response: (status: Int, body: Data)
        switch result {
        case .failure(let failure): return .failed(failure.description)
        case .success(let value): response = value
        }
        guard let json = try? JSONParser.parse(response.body), case .object = json else {
            return .failed("Prometheus answered HTTP \(response.status) with something that is not its API's JSON: \(ArtefactProblem.excerpt(response.body))")
        }
        guard json["status"] == .string("success") else {
            let kind = Self.string(json["errorType"]) ?? "error"
            return .failed("the query failed (\(kind)): \(Self.string(json["error"]) ?? "HTTP \(response.status)")")
        }
        return Self.values(json["data"] ?? .null, range: range)
    }

    /// The one number a criterion needs from `data`: one series (a vector's or a matrix's), or a scalar.
    static func values(_ data: JSONValue, range: Bool) -> Answer {
        let type = string(data["resultType"]) ?? ""
        guard case .array(let result)? = data["result"] else { return .failed("Prometheus' answer has no result") }
        if type == "scalar" { return number(data["result"]).map(Answer.value) ?? .noData("the scalar has no value") }
        if result.isEmpty { return .noData("the query returned no series (no data)") }
        if result.count > 1 {
            return .noData("the query returned \(result.count) series; a criterion needs one number — aggregate it (sum, max, …)")
        }
        if range {
            guard case .array(let points)? = result[0]["values"] else { return .noData("the series has no samples") }
            let samples = points.compactMap { number($0) }
            return samples.isEmpty ? .noData("the series has no samples in the window") : .samples(samples)
        }
        return number(result[0]["value"]).map(Answer.value) ?? .noData("the series has no value")
    }

    /// `[timestamp, "0.01"]` → 0.01; NaN and infinities are no number to judge.
    static func number(_ pair: JSONValue?) -> Double? {
        guard case .array(let items)? = pair, items.count == 2, case .string(let text) = items[1],
              let value = Double(text), value.isFinite else { return nil }
        return value
    }

    static func string(_ value: JSONValue?) -> String? {
        if case .string(let text)? = value { return text }
        return nil
    }
}

/// Why Prometheus could not be asked.
public struct PrometheusFailure: Error, Sendable, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
