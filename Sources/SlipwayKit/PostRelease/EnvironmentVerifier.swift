import Foundation

/// `slipway env verify`: after a deployment, whether the environment runs the release it should, whether the
/// service says so itself, and whether the rollback criteria hold on Prometheus.
public struct EnvironmentVerifier: Sendable {
    public let pipeline: EnvironmentPipeline
    public let runner: any CommandRunning
    public let environment: [String: String]
    public var now: @Sendable () -> Date = { Date() }

    public init(pipeline: EnvironmentPipeline, runner: (any CommandRunning)? = nil,
                environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.pipeline = pipeline
        self.runner = runner ?? pipeline.repository.runner
        self.environment = environment
    }

    /// The verdict now on `name`, expecting `version` (default: what its last promotion or rollback put there).
    public func verify(_ name: String, version: String? = nil) throws -> EnvironmentVerdict {
        var observation = try observe(name, version: version)
        observation.verdict.checks = evaluate(observation.settings.rollback.checks)
        return compose(observation)
    }

    /// Verifies at each check's interval until `duration` ends or a check fails more often than its
    /// `failureLimit` allows (a breach: it stops there); `onRound` sees each round's verdict.
    public func watch(_ name: String, version: String? = nil, duration: Double, pause: (Double) -> Void = { Thread.sleep(forTimeInterval: $0) },
                      onRound: (Int, EnvironmentVerdict) -> Void) throws -> EnvironmentVerdict {
        let settings = try pipeline.environment(name)
        let interval = settings.rollback.checks.map(\.interval).min() ?? 30
        let start = now()
        var failures: [String: Int] = [:]
        var round = 0
        while true {
            round += 1
            var observation = try observe(name, version: version)
            observation.verdict.checks = evaluate(settings.rollback.checks).map { result in
                var result = result
                guard result.failures > 0 || result.state == .breach else { return result }
                failures[result.check.name, default: 0] += 1
                let count = failures[result.check.name] ?? 0
                result.state = count > result.check.failureLimit ? .breach : .pass
                result.detail += " — failing \(count) time(s) in this watch, \(result.check.failureLimit) allowed"
                return result
            }
            let verdict = compose(observation)
            onRound(round, verdict)
            if verdict.verdict == .breach || now().timeIntervalSince(start) + interval > duration { return verdict }
            pause(interval)
        }
    }

    /// What the backend and the service say, before the checks.
    struct Observation {
        var settings: EnvironmentSettings
        var verdict: EnvironmentVerdict
        var breaches: [String] = []
        var unknowns: [String] = []
    }

    func observe(_ name: String, version: String?) throws -> Observation {
        let settings = try pipeline.environment(name)
        if let version, SemanticVersion(version) == nil {
            throw EnvironmentError(.badInput, "'\(version)' is not a version X.Y.Z")
        }
        var observation = Observation(settings: settings, verdict: EnvironmentVerdict(
            environment: name, version: version, backend: nil, reported: nil, checks: [], verdict: .inconclusive, reasons: [], time: now()))
        do {
            observation.verdict.backend = try pipeline.backend(for: settings).state().version
        } catch {
            observation.unknowns.append("the backend's state could not be read: \(error.description)")
        }
        let expected = version ?? expectedVersion(name) ?? observation.verdict.backend
        observation.verdict.version = expected
        if let expected, let backend = observation.verdict.backend, backend != expected {
            observation.breaches.append("the backend runs \(backend), not \(expected)")
        } else if observation.verdict.backend == nil, observation.unknowns.isEmpty {
            observation.unknowns.append("\(name) runs nothing")
        }
        if let verify = settings.verify {
            switch reportedVersion(verify, environment: name, expected: expected ?? "") {
            case .success(let reported):
                observation.verdict.reported = reported
                if let expected, !Self.same(reported, expected) { observation.breaches.append("the service reports \(reported), not \(expected)") }
            case .failure(let problem):
                observation.unknowns.append(problem.description)
            }
        }
        if settings.verify == nil, settings.rollback.checks.isEmpty {
            observation.unknowns.append("nothing is configured to judge \(name)'s health: add verify and rollback.checks to \(settings.keyPath)")
        }
        return observation
    }

    /// The verdict from what was observed and the checks: any breach is a breach; else anything unknown leaves it
    /// inconclusive; only then healthy.
    func compose(_ observation: Observation) -> EnvironmentVerdict {
        var verdict = observation.verdict
        var breaches = observation.breaches
        var unknowns = observation.unknowns
        for result in verdict.checks {
            switch result.state {
            case .breach: breaches.append("\(result.check.name): \(result.detail)")
            case .inconclusive: unknowns.append("\(result.check.name): \(result.detail)")
            case .pass: break
            }
        }
        verdict.reasons = breaches + unknowns
        verdict.verdict = !breaches.isEmpty ? .breach : (unknowns.isEmpty ? .healthy : .inconclusive)
        if verdict.verdict == .breach { addRollback(&verdict) }
        return verdict
    }

    /// What the last successful promotion or rollback of `name` put there, from the audit log.
    func expectedVersion(_ name: String) -> String? {
        pipeline.audit.entries().entries.last {
            $0.target == name && $0.outcome == "ok" && ($0.action == "env.promote" || $0.action == "env.rollback")
        }?.version
    }

    func addRollback(_ verdict: inout EnvironmentVerdict) {
        guard let plan = try? pipeline.rollbackPlan(verdict.environment) else { return }
        verdict.rollbackTo = plan.target.version
        let to = plan.choice.hasPrefix("--to") ? " --to \(plan.target.version)" : ""
        verdict.rollbackCommand = "slipway env rollback \(verdict.environment)\(to) --confirm \(verdict.environment)"
    }

    static func same(_ reported: String, _ expected: String) -> Bool {
        reported == expected || reported == "v" + expected
    }

    /// Each check evaluated once: the value now, or the samples of its window.
    public func evaluate(_ checks: [RollbackCheck]) -> [CheckResult] {
        guard !checks.isEmpty else { return [] }
        let monitoring: MonitoringSettings?
        do { monitoring = try pipeline.config.monitoring() } catch {
            return checks.map { CheckResult(check: $0, value: nil, samples: 0, failures: 0, state: .inconclusive, detail: error.description) }
        }
        guard let monitoring else {
            return checks.map { CheckResult(check: $0, value: nil, samples: 0, failures: 0, state: .inconclusive,
                                            detail: "no Prometheus is configured (monitoring.prometheus in .slipway.json)") }
        }
        let client = PrometheusClient(settings: monitoring, runner: runner, environment: environment)
        let time = now()
        return LockedArray<CheckResult>.map(count: checks.count) { index in
            let check = checks[index]
            let answer = check.window.map { client.range(check.query, window: $0, step: check.interval, now: time) } ?? client.instant(check.query)
            return Self.judge(check, answer)
        }
    }

    static func judge(_ check: RollbackCheck, _ answer: PrometheusClient.Answer) -> CheckResult {
        switch answer {
        case .failed(let reason), .noData(let reason):
            return CheckResult(check: check, value: nil, samples: 0, failures: 0, state: .inconclusive, detail: reason)
        case .value(let value):
            let holds = check.holds(value)
            let shown = "\(RollbackCheck.number(value)) (must be \(check.threshold))"
            if holds { return CheckResult(check: check, value: value, samples: 1, failures: 0, state: .pass, detail: shown) }
            if check.failureLimit > 0 {
                return CheckResult(check: check, value: value, samples: 1, failures: 1, state: .inconclusive,
                                   detail: "\(shown): one failing measurement of the \(check.failureLimit) allowed; --watch decides")
            }
            return CheckResult(check: check, value: value, samples: 1, failures: 1, state: .breach, detail: shown)
        case .samples(let samples):
            let failures = samples.filter { !check.holds($0) }.count
            let last = samples.last ?? 0
            let window = check.window.map { DurationText.format($0) } ?? ""
            let detail = "\(RollbackCheck.number(last)) now, \(failures) of \(samples.count) samples over \(window) outside \(check.threshold)"
            return CheckResult(check: check, value: last, samples: samples.count, failures: failures,
                               state: failures > check.failureLimit ? .breach : .pass, detail: detail)
        }
    }

    // MARK: The service's own version

    func reportedVersion(_ verify: VerifySettings, environment name: String, expected: String) -> Result<String, VerifyProblem> {
        switch verify {
        case .url(let url, let key, let timeout):
            let fetch = HTTPFetch(runner: runner, timeout: timeout)
            let response: HTTPFetch.Response
            do { response = try fetch.get(url, accept: "application/json", what: "the service at \(url)") } catch {
                return .failure(VerifyProblem(error.reason))
            }
            guard response.status == 200 else { return .failure(VerifyProblem("the service at \(url) answered HTTP \(response.status)")) }
            guard let json = try? JSONParser.parse(response.body) else {
                return .failure(VerifyProblem("the service at \(url) answered with something that is not JSON: \(ArtefactProblem.excerpt(response.body))"))
            }
            var node: JSONValue? = json
            for part in key.split(separator: ".") { node = node?[String(part)] }
            switch node {
            case .string(let text)?: return .success(text)
            case .number(let number)?: return .success(RollbackCheck.number(number))
            default: return .failure(VerifyProblem("the service at \(url) has no \(key) in its answer"))
            }
        case .command(let template, let timeout):
            let arguments = template.map { $0 == "{env}" ? name : ($0 == "{version}" ? expected : $0) }
            let output: CommandOutput
            do { output = try ArtefactProblem.run(arguments, runner: runner, timeout: timeout, what: "the verify command") } catch {
                return .failure(VerifyProblem(error.reason))
            }
            let shown = CommandInvocation(arguments).description
            guard output.status.isSuccess else { return .failure(VerifyProblem("`\(shown)` failed (\(output.status)): \(output.errorSummary)")) }
            guard let first = output.trimmedText.split(separator: "\n").first?.trimmingCharacters(in: .whitespaces), !first.isEmpty else {
                return .failure(VerifyProblem("`\(shown)` printed no version"))
            }
            return .success(first)
        }
    }
}

/// Why the service's own version could not be read.
struct VerifyProblem: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
