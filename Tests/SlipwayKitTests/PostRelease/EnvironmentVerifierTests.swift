import Foundation
import Testing
@testable import SlipwayKit

/// `env verify` against a real Prometheus scraping an exporter the test controls, and a service answering its
/// version over HTTP: healthy, then a rising error ratio is a breach, and Prometheus gone is inconclusive.
@Suite struct EnvironmentVerifierTests {
    /// Production (on 1.0.0 in the fixture) with the checks given, Prometheus and the service's version endpoint.
    static func fixture(prometheus: String, checks: String, service: String) throws -> GitopsFixture {
        try GitopsFixture(extraConfig: #", "monitoring": {"prometheus": "\#(prometheus)", "timeoutSeconds": 3}"#,
                          productionRollback: #"{"targetMinutes": 15, "checks": \#(checks)}"#,
                          productionExtra: #", "verify": {"url": "\#(service)/version", "versionKey": "build.version", "timeoutSeconds": 2}"#)
    }

    static func verifier(_ fixture: GitopsFixture) throws -> EnvironmentVerifier {
        let repository = try GitRepository.open(fixture.app.root, runner: TestServer.runner)
        let pipeline = try EnvironmentPipeline(repository: repository, config: try SlipwayConfig.load(repositoryRoot: repository.root),
                                               runner: TestServer.runner)
        return EnvironmentVerifier(pipeline: pipeline, runner: TestServer.runner)
    }

    static let ratio = #"[{"name": "error ratio", "query": "app_error_ratio", "max": 0.05}]"#

    @Test func healthyThenABreachThenInconclusiveWhenPrometheusIsGone() throws {
        let prometheus = try PrometheusServer(metrics: "app_error_ratio 0.01\n")
        let service = try StaticHTTPServer()
        try service.write("version", #"{"build": {"version": "1.0.0", "commit": "abc"}}"#)
        let fixture = try Self.fixture(prometheus: prometheus.url, checks: Self.ratio, service: service.url)
        try prometheus.waitFor("app_error_ratio") { $0 == 0.01 }
        var verdict = try Self.verifier(fixture).verify("production")
        #expect(verdict.verdict == .healthy, "\(verdict.reasons)")
        #expect(verdict.version == "1.0.0" && verdict.backend == "1.0.0" && verdict.reported == "1.0.0")
        #expect(verdict.checks.map(\.detail) == ["0.01 (must be ≤ 0.05)"])

        try prometheus.set("app_error_ratio 0.2\n")
        try prometheus.waitFor("app_error_ratio") { $0 == 0.2 }
        verdict = try Self.verifier(fixture).verify("production")
        #expect(verdict.verdict == .breach)
        #expect(verdict.reasons == ["error ratio: 0.2 (must be ≤ 0.05)"])
        #expect(verdict.checks.first?.value == 0.2 && verdict.checks.first?.state == .breach)
        // The fixture's production history knows no earlier good version: the verdict says so by naming none.
        #expect(verdict.json["verdict"] == .string("breach"))

        prometheus.server.stop()
        verdict = try Self.verifier(fixture).verify("production")
        #expect(verdict.verdict == .inconclusive)
        #expect(verdict.reasons.first?.hasPrefix("error ratio: Prometheus at \(prometheus.url) is unreachable") == true, "\(verdict.reasons)")
    }

    @Test func queriesThatCannotBeJudgedAreInconclusiveNeverHealthy() throws {
        let prometheus = try PrometheusServer(metrics: "app_error_ratio{pod=\"a\"} 0.01\napp_error_ratio{pod=\"b\"} 0.02\n")
        let service = try StaticHTTPServer()
        try service.write("version", #"{"build": {"version": "1.0.0"}}"#)
        let checks = #"""
            [{"name": "several", "query": "app_error_ratio", "max": 0.05},
             {"name": "empty", "query": "nothing_is_called_this", "max": 1},
             {"name": "broken", "query": "sum(", "max": 1},
             {"name": "aggregated", "query": "max(app_error_ratio)", "max": 0.05}]
            """#
        let fixture = try Self.fixture(prometheus: prometheus.url, checks: checks, service: service.url)
        try prometheus.waitFor("max(app_error_ratio)") { $0 == 0.02 }
        let verdict = try Self.verifier(fixture).verify("production")
        #expect(verdict.verdict == .inconclusive)
        #expect(verdict.checks.map(\.state) == [.inconclusive, .inconclusive, .inconclusive, .pass])
        #expect(verdict.checks[0].detail == "the query returned 2 series; a criterion needs one number — aggregate it (sum, max, …)")
        #expect(verdict.checks[1].detail == "the query returned no series (no data)")
        #expect(verdict.checks[2].detail.hasPrefix("the query failed (bad_data):"))
    }

    @Test func aWindowIsJudgedOnItsSamplesAndAWatchStopsAtTheFailureLimit() throws {
        let prometheus = try PrometheusServer(metrics: "app_error_ratio 0.01\n")
        let service = try StaticHTTPServer()
        try service.write("version", #"{"build": {"version": "1.0.0"}}"#)
        let checks = #"[{"name": "error ratio", "query": "app_error_ratio", "max": 0.05, "for": "4s", "interval": "1s", "failureLimit": 1}]"#
        let fixture = try Self.fixture(prometheus: prometheus.url, checks: checks, service: service.url)
        try prometheus.waitFor("app_error_ratio") { $0 == 0.01 }
        usleep(3_000_000)
        var verdict = try Self.verifier(fixture).verify("production")
        #expect(verdict.verdict == .healthy, "\(verdict.reasons)")
        #expect(verdict.checks.first.map { $0.samples >= 3 && $0.failures == 0 } == true, "\(verdict.checks)")

        try prometheus.set("app_error_ratio 0.5\n")
        try prometheus.waitFor("app_error_ratio") { $0 == 0.5 }
        usleep(4_500_000)
        // The whole window is bad now: more failing samples than the limit.
        verdict = try Self.verifier(fixture).verify("production")
        #expect(verdict.verdict == .breach, "\(verdict.checks)")
        // Watched round by round, the second failing round passes the limit of one and stops the watch.
        var rounds: [Verdict] = []
        let watched = try Self.verifier(fixture).watch("production", duration: 3600, pause: { _ in }) { _, verdict in rounds.append(verdict.verdict) }
        #expect(rounds == [.healthy, .breach])
        #expect(watched.checks.first?.detail.contains("failing 2 time(s) in this watch, 1 allowed") == true)
    }

    @Test func theServiceItselfMustReportTheVersion() throws {
        let service = try StaticHTTPServer()
        let fixture = try Self.fixture(prometheus: "http://127.0.0.1:9", checks: "[]", service: service.url)
        let verifier = try Self.verifier(fixture)
        try service.write("version", #"{"build": {"version": "0.9.0"}}"#)
        var verdict = try verifier.verify("production")
        #expect(verdict.verdict == .breach && verdict.reasons == ["the service reports 0.9.0, not 1.0.0"])
        try service.write("version", "<html>maintenance</html>")
        verdict = try verifier.verify("production")
        #expect(verdict.verdict == .inconclusive)
        #expect(verdict.reasons == ["the service at \(service.url)/version answered with something that is not JSON: '<html>maintenance</html>'"])
        try FileManager.default.removeItem(atPath: service.root + "/version")
        verdict = try verifier.verify("production")
        #expect(verdict.reasons == ["the service at \(service.url)/version answered HTTP 404"])
        // What the backend runs decides too, whatever the service says: asked for 1.1.0, production runs 1.0.0.
        try service.write("version", #"{"build": {"version": "1.0.0"}}"#)
        verdict = try verifier.verify("production", version: "1.1.0")
        #expect(verdict.reasons == ["the backend runs 1.0.0, not 1.1.0", "the service reports 1.0.0, not 1.1.0"])
        #expect(throws: EnvironmentError.self) { try verifier.verify("production", version: "latest") }
    }

    @Test func aHungServiceIsInconclusiveInSeconds() throws {
        let hung = try StaticHTTPServer(mode: .hang)
        let fixture = try Self.fixture(prometheus: "http://127.0.0.1:9", checks: "[]", service: hung.url)
        let started = Date()
        let verdict = try Self.verifier(fixture).verify("production")
        #expect(Date().timeIntervalSince(started) < 10)
        #expect(verdict.verdict == .inconclusive)
        #expect(verdict.reasons.first?.contains("did not answer within 2 s") == true, "\(verdict.reasons)")
    }

    @Test func nothingConfiguredToJudgeIsInconclusive() throws {
        let fixture = try GitopsFixture()
        let verdict = try Self.verifier(fixture).verify("production")
        #expect(verdict.verdict == .inconclusive)
        #expect(verdict.reasons == ["nothing is configured to judge production's health: add verify and rollback.checks to environments[2]"])
    }
}
