import Foundation
import Testing
@testable import SlipwayKit

/// `slipway chart lint` as a user runs it, and lint errors blocking `release prepare` until overridden.
@Suite struct ChartCommandTests {
    @Test func lintPrintsFindingsAndExitsOneOnlyOnErrors() throws {
        let repository = try ChartLinterTests.repository(artefact: false)
        var result = try SlipwayBinary.run(["chart", "lint", "--repo", repository.root])
        #expect(result.code == 0, "a warning never fails: \(result.stdout)")
        #expect(result.stdout.hasPrefix("charts/web: 0 error(s), 1 warning(s), 0 info(s)\n  charts/web/Chart.yaml: warning [oci-distribution]"))
        try repository.write("charts/web/values.yaml", ChartLinterTests.cleanValues.replacingOccurrences(of: "password: \"\"", with: "password: hunter2"))
        result = try SlipwayBinary.run(["chart", "lint", "--json", "--repo", repository.root])
        #expect(result.code == 1)
        let json = try JSONParser.parse(Data(result.stdout.utf8))
        guard case .array(let charts)? = json["charts"], case .array(let findings)? = charts.first?["findings"] else {
            Issue.record("no charts/findings: \(result.stdout)")
            return
        }
        #expect(charts.first?["path"] == .string("charts/web"))
        #expect(findings.first?["rule"] == .string("secret-value") && findings.first?["severity"] == .string("error"))
        #expect(findings.first?["file"] == .string("charts/web/values.yaml") && findings.first?["line"] == .number(9))
        #expect(findings.allSatisfy { $0["message"] != nil })
    }

    @Test func badUsageExitsTwo() throws {
        let repository = try TestRepository()
        try repository.commit("chore: init")
        var result = try SlipwayBinary.run(["chart", "lint", "--repo", repository.root])
        #expect(result.code == 2 && result.stderr.contains("no chart found"))
        result = try SlipwayBinary.run(["chart", "lint", "--chart", "../elsewhere", "--repo", repository.root])
        #expect(result.code == 2 && result.stderr.contains("must be a folder inside the repository"))
        result = try SlipwayBinary.run(["chart", "check", "--repo", repository.root])
        #expect(result.code == 2)
        result = try SlipwayBinary.run(["chart", "lint", "--chart", "charts/none", "--repo", repository.root])
        #expect(result.code == 1 && result.stdout.contains("charts/none/Chart.yaml: error [chart-files] does not exist"))
    }

    @Test func lintErrorsBlockPrepareUntilOverriddenWithAReason() throws {
        let (remote, clone) = try ReleaseEngineTests.project()
        defer { withExtendedLifetime(remote) {} }
        try clone.write("charts/web/Chart.yaml", "apiVersion: v2\nname: web\nversion: 0.1.0\nappVersion: \"1.0.0\"\n")
        try clone.write("charts/web/values.yaml", "image: {registry: r, repository: w, tag: \"\"}\nresources: {}\nadminPassword: hunter2\n")
        try clone.git(["add", "-A"])
        try clone.commit("feat(chart): the chart")
        try clone.git(["push", "-q", "origin", "main"])
        let engine = try ReleaseEngineTests.engine(clone)
        let status = try engine.status()
        let lint = try #require(status.preconditions.first { $0.detail.hasPrefix("chart lint:") })
        #expect(lint.detail == "chart lint: 1 error(s), first charts/web/values.yaml:3: error [secret-value] adminPassword holds a secret value; leave it empty and reference a Kubernetes Secret (existingSecret, secretKeyRef)")
        #expect(lint.fix?.contains("--override-reason") == true)
        #expect(throws: ReleaseBlocked.self) { try engine.prepare() }

        var result = try SlipwayBinary.run(["release", "prepare", "--repo", clone.root], environment: ReleaseCommandTests.identity("Ada", "ada@example.com"))
        #expect(result.code == 1 && result.stderr.contains("chart lint: 1 error(s)"))
        result = try SlipwayBinary.run(["release", "prepare", "--override-reason", "the demo password is rotated at install", "--repo", clone.root],
                                       environment: ReleaseCommandTests.identity("Ada", "ada@example.com"))
        #expect(result.code == 0, "\(result.stderr)")
        let audit = AuditLog(repository: try clone.repository()).entries().entries
        #expect(audit.last?.action == "release.manifest" && audit.last?.outcome == "ok")
        #expect(audit.last?.detail?.contains("chart lint overridden (chart lint: 1 error(s)") == true)
        #expect(audit.last?.detail?.hasSuffix("): the demo password is rotated at install") == true)
        #expect(try remote.git(["show", "release/v1.1.0:charts/web/Chart.yaml"]).contains("version: 0.1.0\nappVersion: \"1.1.0\""), "a new chart ships at the version it was written with")
    }
}
