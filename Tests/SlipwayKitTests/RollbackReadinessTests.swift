import Foundation
import Testing
@testable import SlipwayKit

@Suite struct RollbackReadinessTests {
    static let deployedAt = Date(timeIntervalSince1970: 1_800_000_000)

    func greenInputs(helm: Bool = false) -> RollbackReadiness.Inputs {
        let backend: BackendSettings = helm
            ? .helm(HelmSettings(namespace: "web", release: "web", chart: "oci://r/web"))
            : .gitops(GitopsSettings(repo: "envs", file: "production/values.yaml", key: "image.tag"))
        let environment = EnvironmentSettings(name: "production", backend: backend, rollback: RollbackSettings(plans: "docs/rollback"))
        let target = DeploymentRecord(version: "1.1.0", revision: "2", status: helm ? "superseded" : nil)
        var inputs = RollbackReadiness.Inputs(environment: environment,
                                              state: DeploymentState(version: "1.2.0", since: Self.deployedAt, status: "deployed"),
                                              target: target)
        inputs.planPath = "docs/rollback/v1.2.0.md"
        inputs.plan = RollbackPlanDocument(path: "docs/rollback/v1.2.0.md",
                                           text: "# Rollback v1.2.0\n\nRun slipway env rollback.\n\n## Rollback criteria\n\n- error rate above 2% for 5 minutes\n")
        inputs.planCommitted = Self.deployedAt.addingTimeInterval(-3600)
        inputs.migrations = MigrationSettings(kind: .golangMigrate, path: "db/migrations")
        inputs.migrationFindings = .success([MigrationFinding(path: "db/migrations/2.up.sql", reversible: true, reason: "down")])
        inputs.timing = RollbackTiming(seconds: 120, source: "drill")
        inputs.artefacts = [ArtefactSettings(kind: .ociImage, name: "r.example/acme/web")]
        inputs.artefactChecks = [ArtefactCheck(kind: .ociImage, ref: "r.example/acme/web:1.1.0", status: .verified, reason: "there",
                                               digest: "sha256:" + String(repeating: "a", count: 64))]
        if helm { inputs.helmHistory = [DeploymentRecord(version: "1.2.0", revision: "3"), target] }
        return inputs
    }

    func state(_ inputs: RollbackReadiness.Inputs, _ id: String) -> ReadinessItem.State? {
        RollbackReadiness.evaluate(inputs).items.first { $0.id == id }?.state
    }

    @Test func allGreen() {
        for helm in [false, true] {
            let readiness = RollbackReadiness.evaluate(greenInputs(helm: helm))
            #expect(readiness.items.allSatisfy { $0.state == .pass }, "\(readiness.items)")
            #expect(readiness.items.count == (helm ? 6 : 5))
            #expect(!readiness.hasFailure)
            #expect(readiness.target == "1.1.0")
        }
    }

    @Test func eachItemRed() {
        var inputs = greenInputs()
        inputs.plan = nil
        #expect(state(inputs, "plan") == .fail)
        inputs = greenInputs()
        inputs.plan = RollbackPlanDocument(path: "docs/rollback/v1.2.0.md", text: "# Rollback v1.2.0\n\n")
        #expect(state(inputs, "plan") == .fail)
        inputs = greenInputs()
        inputs.planPath = nil
        inputs.plan = nil
        #expect(state(inputs, "plan") == .fail)

        inputs = greenInputs()
        inputs.plan = RollbackPlanDocument(path: "docs/rollback/v1.2.0.md", text: "# Rollback\n\nRevert the tag.\n")
        #expect(state(inputs, "criteria") == .fail)
        inputs.recordedCriteria = "error rate above 2%"
        #expect(state(inputs, "criteria") == .pass)
        inputs = greenInputs()
        inputs.planCommitted = Self.deployedAt.addingTimeInterval(86_400)
        #expect(state(inputs, "criteria") == .fail)

        inputs = greenInputs()
        inputs.migrationFindings = .success([MigrationFinding(path: "db/migrations/3.up.sql", reversible: false, reason: "no down")])
        #expect(state(inputs, "migrations") == .fail)
        #expect(RollbackReadiness.evaluate(inputs).hasFailure)

        inputs = greenInputs()
        inputs.timing = RollbackTiming(seconds: 16 * 60, source: "rollback")
        #expect(state(inputs, "time") == .fail)

        inputs = greenInputs(helm: true)
        inputs.helmHistory = [DeploymentRecord(version: "1.2.0", revision: "3")]
        #expect(state(inputs, "helm") == .fail)
        inputs = greenInputs(helm: true)
        inputs.state?.status = "pending-upgrade"
        #expect(state(inputs, "helm") == .fail)
    }

    @Test func unknownsStayUnknownAndDoNotFail() {
        var inputs = greenInputs()
        inputs.timing = nil
        inputs.artefactChecks?[0].status = .unreachable
        inputs.migrationFindings = .failure(EnvironmentError(.badInput, "no release tag for 1.1.0"))
        let readiness = RollbackReadiness.evaluate(inputs)
        #expect(readiness.items.first { $0.id == "time" }?.state == .unknown)
        #expect(readiness.items.first { $0.id == "artefacts" }?.state == .unknown)
        #expect(readiness.items.first { $0.id == "artefacts" }?.reason == "1 unreachable for 1.1.0: there")
        #expect(readiness.items.first { $0.id == "migrations" }?.state == .unknown)
        #expect(!readiness.hasFailure)
    }

    @Test func theTargetsArtefactsAreJudgedFromTheirRegistries() {
        var inputs = greenInputs()
        let item = { (inputs: RollbackReadiness.Inputs) in RollbackReadiness.evaluate(inputs).items.first { $0.id == "artefacts" } }
        #expect(item(inputs)?.state == .pass)
        #expect(item(inputs)?.reason == "all 1 artefact(s) of 1.1.0 are in their registries")
        #expect(item(inputs)?.details == ["✓ oci-image r.example/acme/web:1.1.0 verified sha256:aaaaaaaaaaaa"])
        inputs.artefactChecks?.append(ArtefactCheck(kind: .pypi, ref: "acme-web 1.1.0", status: .missing, reason: "acme-web 1.1.0 is not on the index"))
        #expect(item(inputs)?.state == .fail)
        #expect(item(inputs)?.reason == "1 of 2 artefact(s) of 1.1.0 not usable: acme-web 1.1.0 is not on the index")
        inputs.artefacts = []
        inputs.artefactChecks = nil
        #expect(item(inputs)?.state == .unknown)
        #expect(item(inputs)?.reason.contains("no artefacts are configured") == true)
        inputs = greenInputs()
        inputs.artefactProblem = "no release tag for 1.1.0, so its artefacts cannot be looked up"
        #expect(item(inputs)?.state == .unknown)
    }

    @Test func planDocumentFindsItsCriteriaSection() {
        let plan = RollbackPlanDocument(path: "p.md", text: "# Plan\nsteps\n## Criteria\n- p99 > 2s\n## Steps\nmore\n")
        #expect(plan.criteria == "- p99 > 2s")
        #expect(RollbackPlanDocument(path: "p.md", text: "# Plan\n## Rollback criteria\n\n## Steps\nx\n").criteria == nil)
    }

    @Test func aRunbookSectionServesAsThePlan() {
        let runbook = "# Runbook\n\n## v1.1.0\nRedeploy.\n\n## Rolling back v1.2.0\nRun slipway env rollback production.\n### Criteria\n- 5xx above 1%\n\n## v1.3.0\n"
        let section = RollbackPlanDocument.section(of: runbook, path: "docs/RUNBOOK.md", naming: "1.2.0", tagPrefix: "v")
        #expect(section?.path == "docs/RUNBOOK.md (section v1.2.0)")
        #expect(section?.saysSomething == true)
        #expect(section?.criteria == "- 5xx above 1%")
        #expect(RollbackPlanDocument.section(of: runbook, path: "docs/RUNBOOK.md", naming: "1.3.0", tagPrefix: "v")?.saysSomething == false)
        #expect(RollbackPlanDocument.section(of: runbook, path: "docs/RUNBOOK.md", naming: "2.0.0", tagPrefix: "v") == nil)
    }

    /// A promotion's time is not a rollback's: readiness says the rollback was not measured, never ✓.
    @Test func onlyAPromotionTimedIsNotMeasured() {
        var inputs = greenInputs()
        inputs.timing = RollbackTiming(seconds: 0, source: "promotion")
        let item = RollbackReadiness.evaluate(inputs).items.first { $0.id == "time" }
        #expect(item?.state == .unknown)
        #expect(item?.reason.hasPrefix("not measured: only a promotion was timed (0s)") == true, "\(item?.reason ?? "")")
        inputs.timing = RollbackTiming(seconds: 42, source: "drill")
        #expect(RollbackReadiness.evaluate(inputs).items.first { $0.id == "time" }?.state == .pass)
    }
}
