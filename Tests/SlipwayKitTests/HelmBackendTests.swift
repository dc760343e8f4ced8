import Foundation
import Testing
@testable import SlipwayKit

@Suite struct HelmBackendTests {
    @Test func statusComesFromHelmListWithAStringRevisionAndGoTime() throws {
        let helm = try FakeHelm()
        let state = try helm.backend().state()
        #expect(state.version == "1.2.0")
        #expect(state.revision == "3")
        #expect(state.status == "deployed" && !state.isPending)
        #expect(state.since == ISO8601DateFormatter().date(from: "2026-01-05T10:11:12Z"))
        #expect(helm.calls == ["list --all --filter=^web$ --namespace=web --kube-context=prod --output json"])
    }

    @Test func historyIsNewestFirstWithFailedRevisionsMarked() throws {
        let helm = try FakeHelm()
        let history = try helm.backend().history()
        #expect(history.map(\.revision) == ["3", "2", "1"])
        #expect(history.map(\.version) == ["1.2.0", "1.1.0", "1.0.0"])
        #expect(history.map(\.wasHealthy) == [true, false, true])
        #expect(history[2].time == ISO8601DateFormatter().date(from: "2026-01-01T10:00:00Z"))
        #expect(helm.calls == ["history --namespace=web --kube-context=prod --max 10 --output json -- web"])
    }

    @Test func helm3PromotesWithAtomic() throws {
        let helm = try FakeHelm(version: "v3.15.2+g1a500d5")
        let outcome = try helm.backend().deploy("1.3.0", action: "env.promote", from: "1.2.0")
        #expect(helm.calls == ["version --short",
                               "upgrade --install --version=1.3.0 --namespace=web --kube-context=prod --values=deploy/production.yaml --wait --timeout=10m --atomic -- web oci://registry.example.com/charts/web"])
        #expect(outcome.output.contains("has been upgraded"))
    }

    @Test func configuredHistoryMaxIsPassedAndJudged() throws {
        var settings = FakeHelm.settings
        settings.historyMax = 3
        let backend = HelmBackend(settings: settings, environment: "production", workingDirectory: "/", runner: CommandRunner())
        #expect(backend.upgradeArguments("1.3.0", major: 3).contains("--history-max"))
        #expect(!HelmBackend(settings: FakeHelm.settings, environment: "p", workingDirectory: "/", runner: CommandRunner())
            .upgradeArguments("1.3.0", major: 3).contains("--history-max"))
    }

    @Test func helm4PromotesWithRollbackOnFailure() throws {
        let helm = try FakeHelm(version: "v4.0.1+g12500dd")
        _ = try helm.backend().deploy("1.3.0", action: "env.promote", from: "1.2.0")
        #expect(helm.calls.last == "upgrade --install --version=1.3.0 --namespace=web --kube-context=prod --values=deploy/production.yaml --wait --timeout=10m --rollback-on-failure -- web oci://registry.example.com/charts/web")
        #expect(!helm.calls.contains { $0.contains("--atomic") })
    }

    @Test func guardedRollbackSkipsTheFailedRevisionAndRecordsIt() throws {
        let helm = try FakeHelm()
        let app = try TestRepository()
        try app.commit("chore: init")
        let environment = EnvironmentSettings(name: "production", backend: .helm(FakeHelm.settings))
        let backend = helm.backend()
        let pipeline = EnvironmentPipeline(repository: try app.repository(), config: SlipwayConfig(), environments: [environment]) { _ in backend }
        let plan = try pipeline.rollbackPlan("production")
        #expect(plan.target.version == "1.0.0" && plan.target.revision == "1")
        #expect(throws: EnvironmentError.self) { try pipeline.rollback(plan, confirmation: "staging") }
        #expect(!helm.calls.contains { $0.hasPrefix("rollback") })
        let result = try pipeline.rollback(plan, confirmation: "production")
        #expect(helm.calls.contains("rollback --namespace=web --kube-context=prod --wait --timeout=10m -- web 1"))
        #expect(helm.calls.last?.hasPrefix("list") == true, "the state is read back after helm says it rolled back")
        #expect(result.withinTarget == true)
        #expect(pipeline.audit.entries().entries.last?.action == "env.rollback")
        #expect(try pipeline.holds.all().map(\.version) == ["1.2.0"])
        // Now on 1.0.0, with 1.2.0 held and 1.1.0 failed, helm history holds nothing older and healthy to go back to.
        let readiness = try pipeline.readiness("production")
        let helmItem = readiness.items.first { $0.id == "helm" }
        #expect(helmItem?.state == .unknown && helmItem?.reason.contains("no earlier healthy revision") == true)
    }

    @Test func aFailedRollbackShowsHelmsOutputAndWhatRunsNow() throws {
        let helm = try FakeHelm()
        let app = try TestRepository()
        try app.commit("chore: init")
        let backend = helm.backend()
        let pipeline = EnvironmentPipeline(repository: try app.repository(), config: SlipwayConfig(),
                                           environments: [EnvironmentSettings(name: "production", backend: .helm(FakeHelm.settings))]) { _ in backend }
        let plan = try pipeline.rollbackPlan("production")
        try helm.write("mode", "fail-ops")
        do { _ = try pipeline.rollback(plan, confirmation: "production"); Issue.record("no error") } catch let error as DeploymentError {
            #expect(error.output.contains("UPGRADE FAILED: timed out waiting for the condition"))
            #expect(error.description.contains("production now reports 1.2.0 (deployed)"))
        }
        let entry = pipeline.audit.entries().entries.last
        #expect(entry?.action == "env.rollback" && entry?.outcome == "failed" && entry?.durationSeconds ?? -1 > 0)
        #expect(try pipeline.holds.all().isEmpty)
    }

    @Test func aPendingReleaseShowsItsRecoveryAndFailsReadiness() throws {
        let helm = try FakeHelm(list: FakeHelm.list(status: "pending-upgrade"))
        let state = try helm.backend().state()
        #expect(state.isPending)
        #expect(state.recovery?.contains("helm rollback web REV --namespace web --kube-context prod") == true)
        #expect(state.recovery?.contains("Preparing upgrade") == true)
        #expect(helm.calls.last == "status --namespace=web --kube-context=prod --output json -- web")
        let app = try TestRepository()
        try app.commit("chore: init")
        let backend = helm.backend()
        let pipeline = EnvironmentPipeline(repository: try app.repository(), config: SlipwayConfig(),
                                           environments: [EnvironmentSettings(name: "production", backend: .helm(FakeHelm.settings))]) { _ in backend }
        let item = try pipeline.readiness("production").items.first { $0.id == "helm" }
        #expect(item?.state == .fail)
        #expect(item?.reason.contains("pending-upgrade") == true)
        do { _ = try pipeline.promotionPlan("production", version: "1.3.0"); Issue.record("promoted a pending release") } catch let error as EnvironmentError {
            #expect(error.description.contains("stuck in pending-upgrade"))
        }
    }

    @Test func missingHelmIsNamed() throws {
        let empty = try TestRepository.makeTemporaryFolder("no-helm")
        defer { try? FileManager.default.removeItem(atPath: empty) }
        let helm = try FakeHelm()
        let runner = CommandRunner(baseEnvironment: ["PATH": empty])
        do { _ = try helm.backend(runner: runner).state(); Issue.record("no error") } catch {
            #expect(error.description.contains("helm was not found on PATH"))
        }
    }

    @Test func failingHelmShowsItsError() throws {
        let helm = try FakeHelm()
        try helm.write("mode", "fail")
        do { _ = try helm.backend().deploy("1.3.0", action: "env.promote", from: nil); Issue.record("no error") } catch {
            #expect(error.kind == .backend)
            #expect(error.description.contains("Kubernetes cluster unreachable"))
            #expect(error.output.contains("connection refused"))
        }
    }

    @Test func hangingHelmIsStoppedAtTheTimeout() throws {
        let helm = try FakeHelm()
        try helm.write("mode", "hang")
        let start = Date()
        do { _ = try helm.backend(queryTimeout: 1).state(); Issue.record("no error") } catch {
            #expect(error.description.contains("did not answer within 1 s"))
        }
        #expect(Date().timeIntervalSince(start) < 15)
    }

    @Test func garbageFromHelmIsRefused() throws {
        let helm = try FakeHelm()
        try helm.write("mode", "garbage")
        for query in ["state", "history", "version"] {
            do {
                switch query {
                case "state": _ = try helm.backend().state()
                case "history": _ = try helm.backend().history()
                default: _ = try helm.backend().majorVersion()
                }
                Issue.record("no error from \(query)")
            } catch {
                #expect(error.description.contains("printed something that is not"))
                #expect(error.output.contains("502 Bad Gateway"))
            }
        }
    }

    @Test func chartVersionsAndTimesParse() {
        #expect(HelmBackend.chartVersion("web-app-1.2.3-rc.1") == "1.2.3-rc.1")
        #expect(HelmBackend.chartVersion("web") == nil)
        #expect(HelmBackend.parseGoTime("2026-01-05 11:11:12.1 +0100 CET") == ISO8601DateFormatter().date(from: "2026-01-05T10:11:12Z"))
        #expect(HelmSettings.seconds("1h30m") == 5400 && HelmSettings.seconds("10x") == nil)
    }
}
