import Foundation
import Testing
@testable import SlipwayKit

@Suite struct EnvironmentPipelineTests {
    /// Production on 1.2.0 rolling back to 1.1.0, with a plan and migrations in the application repository.
    func productionOn120(downForSecond: Bool, plan: String?, artefacts: String = "") throws -> GitopsFixture {
        let fixture = try GitopsFixture(extraConfig: #", "migrations": {"kind": "golang-migrate", "path": "db/migrations"}"# + artefacts)
        let app = fixture.app
        try app.git(["tag", "-d", "v1.1.0"])
        try app.git(["tag", "-d", "v1.2.0"])
        try app.write("db/migrations/000001_users.up.sql", "CREATE TABLE users (id int);\n")
        try app.write("db/migrations/000001_users.down.sql", "DROP TABLE users;\n")
        try app.git(["add", "-A", "--", "db"])
        try app.git(["commit", "-qm", "feat: users"])
        try app.tag("v1.1.0")
        if downForSecond { try app.write("db/migrations/000002_email.down.sql", "ALTER TABLE users DROP email;\n") }
        if let plan { try app.write("docs/rollback/v1.2.0.md", plan) }
        try app.write("db/migrations/000002_email.up.sql", "ALTER TABLE users ADD email text;\n")
        try app.git(["add", "-A", "--", "db"] + (plan == nil ? [] : ["docs"]))
        try app.git(["commit", "-qm", "feat: email"])
        try app.tag("v1.2.0")
        let pipeline = try fixture.pipeline()
        _ = try pipeline.promote(try pipeline.promotionPlan("staging"), confirmation: nil)
        _ = try pipeline.promote(try pipeline.promotionPlan("production", version: "1.1.0"), confirmation: "production")
        _ = try pipeline.promote(try pipeline.promotionPlan("production"), confirmation: "production")
        return fixture
    }

    static let plan = "# Rolling back v1.2.0\n\nRun slipway env rollback production.\n\n## Rollback criteria\n\n- 5xx above 1% for 5 minutes\n"

    /// With the rollback target's image in a real registry, labelled with its tag's commit, every item checked is
    /// green; the rollback's time stays unknown, since only promotions were timed (a drill would measure it).
    @Test func readinessIsGreenWithAPlanCriteriaReversibleMigrationsAndTheTargetsImage() throws {
        let registry = try OCIRegistryServer()
        let artefacts = #", "artefacts": [{"kind": "oci-image", "ref": "\#(registry.host)/acme/web", "tlsVerify": false}]"#
        let fixture = try productionOn120(downForSecond: true, plan: Self.plan, artefacts: artefacts)
        let commit = try fixture.app.git(["rev-parse", "v1.1.0^{commit}"])
        try registry.pushImage("acme/web", tag: "1.1.0", labels: ["org.opencontainers.image.version": "1.1.0",
                                                                   "org.opencontainers.image.revision": commit])
        let repository = try fixture.app.repository()
        let pipeline = try EnvironmentPipeline(repository: try GitRepository.open(repository.root, runner: TestServer.runner),
                                               config: try SlipwayConfig.load(repositoryRoot: repository.root), runner: TestServer.runner)
        let readiness = try pipeline.readiness("production")
        #expect(readiness.deployed == "1.2.0" && readiness.target == "1.1.0")
        #expect(readiness.items.map(\.state) == [.pass, .pass, .pass, .pass, .unknown], "\(readiness.items)")
        #expect(readiness.items[4].reason.hasPrefix("not measured: only a promotion was timed"))
        #expect(readiness.items[2].reason.contains("1 golang-migrate migration(s) since 1.1.0"))
        #expect(readiness.items[3].reason == "all 1 artefact(s) of 1.1.0 are in their registries")
        #expect(readiness.items[3].details.first?.hasPrefix("✓ oci-image \(registry.host)/acme/web:1.1.0 verified sha256:") == true)

        // The image deleted from the registry: the rollback would have nothing to pull.
        let digest = try registry.reportedDigest("acme/web", tag: "1.1.0")
        try registry.run(["skopeo", "delete", "--tls-verify=false", "docker://\(registry.host)/acme/web@\(digest)"])
        let after = try pipeline.readiness("production")
        #expect(after.items[3].state == .fail)
        #expect(after.items[3].reason.hasPrefix("1 of 1 artefact(s) of 1.1.0 not usable: \(registry.host)/acme/web:1.1.0 is not in the registry"))
        #expect(after.hasFailure)
    }

    @Test func withoutArtefactsConfiguredTheItemIsUnknownNeverGreen() throws {
        let fixture = try productionOn120(downForSecond: true, plan: Self.plan)
        let readiness = try fixture.pipeline().readiness("production")
        #expect(readiness.items.map(\.state) == [.pass, .pass, .pass, .unknown, .unknown], "\(readiness.items)")
        #expect(readiness.items[3].reason == "no artefacts are configured, so nothing was looked up; list them under artefacts in .slipway.json")
    }

    @Test func readinessFailsWithoutPlanAndWithAnIrreversibleMigration() throws {
        let fixture = try productionOn120(downForSecond: false, plan: nil)
        let readiness = try fixture.pipeline().readiness("production")
        #expect(readiness.items.first { $0.id == "plan" }?.state == .fail)
        #expect(readiness.items.first { $0.id == "criteria" }?.state == .fail)
        let migrations = readiness.items.first { $0.id == "migrations" }
        #expect(migrations?.state == .fail)
        #expect(migrations?.reason.contains("000002_email.up.sql") == true)
        #expect(readiness.hasFailure)
    }

    @Test func criteriaFromConfigAreRecordedAtPromotion() throws {
        let fixture = try GitopsFixture(productionRollback: #"{"criteria": "5xx above 1% for 5 minutes"}"#)
        let pipeline = try fixture.pipeline()
        _ = try pipeline.promote(try pipeline.promotionPlan("production"), confirmation: "production")
        let item = try pipeline.readiness("production").items.first { $0.id == "criteria" }
        #expect(item?.state == .pass)
        #expect(item?.reason.contains("recorded at promotion") == true)
    }

    @Test func configurationIsStrictAndOrdered() throws {
        let ordered = try SlipwayConfig.parse(Data(#"{"environments": [{"name": "production", "backend": {"kind": "command", "status": ["s"], "deploy": ["d", "{version}"]}}, {"name": "test", "auto": true, "backend": {"kind": "command", "status": ["s"], "deploy": ["d"]}}]}"#.utf8)).environments()
        #expect(ordered.map(\.name) == ["test", "production"])
        #expect(ordered[1].protected && !ordered[0].protected && ordered[0].auto)
        #expect(try SlipwayConfig().environments().isEmpty)
        let bad: [(String, String)] = [
            (#"{"environments": [{"name": "x", "backend": {"kind": "ftp"}}]}"#, "environments[0].backend.kind"),
            (#"{"environments": [{"name": "x", "backend": {"kind": "gitops", "repo": "r", "file": "f"}}]}"#, "environments[0].backend"),
            (#"{"environments": [{"name": "x", "backend": {"kind": "helm", "release": "w", "chart": "c", "timeout": "soon"}}]}"#, "environments[0].backend.timeout"),
            (#"{"environments": [{"name": "x", "colour": 1, "backend": {"kind": "helm", "release": "w", "chart": "c"}}]}"#, "environments[0].colour"),
            (#"{"environments": [{"name": "x", "backend": {"kind": "helm", "release": "w", "chart": "c"}, "rollback": {"targetMinutes": 0}}]}"#, "environments[0].rollback.targetMinutes"),
            (#"{"migrations": {"kind": "sqitch", "path": "db"}}"#, "migrations.kind"),
        ]
        for (text, keyPath) in bad {
            do {
                let config = try SlipwayConfig.parse(Data(text.utf8))
                _ = try config.environments()
                _ = try config.migrations()
                Issue.record("accepted \(text)")
            } catch {
                #expect(error.keyPath == keyPath, "\(error.description)")
            }
        }
    }

    @Test func commandBackendReplacesWholeArgumentsOnly() throws {
        #expect(CommandBackend.expand(["deploy", "{env}", "--v={version}", "{version}"], environment: "staging", version: "1.2.0")
                == ["deploy", "staging", "--v={version}", "1.2.0"])
        let folder = try TestRepository.makeTemporaryFolder("command-backend")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let script = folder + "/deployer"
        try Data("#!/bin/sh\nprintf '%s|' \"$@\" >> \"$(dirname \"$0\")/calls\"; echo >> \"$(dirname \"$0\")/calls\"\n[ \"$1\" = status ] && echo 1.1.0\nexit 0\n".utf8)
            .write(to: URL(fileURLWithPath: script))
        chmod(script, 0o755)
        let settings = CommandBackendSettings(status: [script, "status", "{env}"], deploy: [script, "deploy", "{env}", "{version}; rm -rf /"])
        let backend = CommandBackend(settings: settings, environment: "staging", workingDirectory: folder, runner: CommandRunner())
        #expect(try backend.state().version == "1.1.0")
        _ = try backend.deploy("1.2.0", action: "env.promote", from: "1.1.0")
        _ = try backend.rollback(to: DeploymentRecord(version: "1.1.0"), from: "1.2.0")
        let calls = try String(contentsOfFile: folder + "/calls", encoding: .utf8).split(separator: "\n")
        #expect(calls == ["status|staging|", "deploy|staging|{version}; rm -rf /|", "deploy|staging|{version}; rm -rf /|"])
        let failing = CommandBackend(settings: CommandBackendSettings(status: ["false"], deploy: ["false"]), environment: "staging",
                                     workingDirectory: folder, runner: CommandRunner())
        #expect(throws: DeploymentError.self) { try failing.state() }
    }
}
