import Foundation
import Testing
@testable import SlipwayKit

/// Debian's `prometheus` on 127.0.0.1 scraping, every second, an exporter the test controls: a Python
/// `http.server` serving `metrics.txt`, which the test rewrites to move the numbers.
final class PrometheusServer: @unchecked Sendable {
    let exporter: StaticHTTPServer
    let server: TestServer
    var url: String { server.url }

    init(metrics: String) throws {
        exporter = try StaticHTTPServer()
        try exporter.write("metrics.txt", metrics)
        let folder = try TestRepository.makeTemporaryFolder("prometheus")
        let config = """
            global: {scrape_interval: 1s, evaluation_interval: 1s}
            scrape_configs:
              - job_name: app
                metrics_path: /metrics.txt
                static_configs: [{targets: ['127.0.0.1:\(exporter.server.port)']}]

            """
        try Data(config.utf8).write(to: URL(fileURLWithPath: folder + "/prometheus.yml"))
        let port = TestServer.freePort()
        server = try TestServer(["prometheus", "--config.file=\(folder)/prometheus.yml", "--storage.tsdb.path=\(folder)/data",
                                 "--web.listen-address=127.0.0.1:\(port)"], port: port, folder: folder, readyPath: "/-/ready")
    }

    /// Sets what the exporter says from the next scrape on.
    func set(_ metrics: String) throws { try exporter.write("metrics.txt", metrics) }

    /// Waits until `query` has a value for which `accept` holds (the first sample takes a few seconds).
    @discardableResult
    func waitFor(_ query: String, seconds: Double = 30, _ accept: (Double) -> Bool) throws -> Double {
        let client = PrometheusClient(settings: MonitoringSettings(prometheus: url), runner: TestServer.runner)
        let deadline = Date().addingTimeInterval(seconds)
        var last = PrometheusClient.Answer.noData("not asked yet")
        while Date() < deadline {
            last = client.instant(query)
            if case .value(let value) = last, accept(value) { return value }
            usleep(200_000)
        }
        throw TestServerError("\(query) did not reach the expected value within \(Int(seconds)) s; the last answer was \(last)")
    }
}
