import Foundation
import Testing
@testable import SlipwayKit

/// A sandbox repository with tags v1.0.0–v1.2.0 and a bare environments remote: test 1.2.0, staging 1.1.0, production 1.0.0.
struct EnvSandbox {
    let box: Sandbox
    let envs: String

    init() throws {
        box = try Sandbox()
        try box.git("config", "user.name", "Ada")
        try box.git("config", "user.email", "ada@example.com")
        for version in ["1.0.0", "1.1.0", "1.2.0"] {
            try box.commit("feat: \(version)")
            try box.git("tag", "v\(version)")
        }
        envs = box.root + "-envs"
        let source = envs + "-src"
        let env = ["GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null", "GIT_AUTHOR_NAME": "Ops",
                   "GIT_AUTHOR_EMAIL": "ops@example.com", "GIT_COMMITTER_NAME": "Ops", "GIT_COMMITTER_EMAIL": "ops@example.com"]
        let runner = CommandRunner()
        try runner.run(CommandInvocation(["git", "init", "-q", "-b", "main", source], environment: env))
        for (name, version) in [("test", "1.2.0"), ("staging", "1.1.0"), ("production", "1.0.0")] {
            try FileManager.default.createDirectory(atPath: source + "/" + name, withIntermediateDirectories: true)
            try Data("image:\n  tag: \"\(version)\"\n".utf8).write(to: URL(fileURLWithPath: source + "/\(name)/values.yaml"))
        }
        try runner.run(CommandInvocation(["git", "add", "-A"], in: source, environment: env))
        try runner.run(CommandInvocation(["git", "commit", "-qm", "environments"], in: source, environment: env))
        try runner.run(CommandInvocation(["git", "clone", "-q", "--bare", source, envs], environment: env))
        try? FileManager.default.removeItem(atPath: source)
        let environments = ["test", "staging", "production"].map { name in
            #"{"name": "\#(name)", \#(name == "test" ? #""auto": true, "# : "")"backend": {"kind": "gitops", "repo": "\#(envs)", "file": "\#(name)/values.yaml", "key": "image.tag"}}"#
        }
        try Data(#"{"environments": [\#(environments.joined(separator: ", "))]}"#.utf8)
            .write(to: URL(fileURLWithPath: box.root + "/.slipway.json"))
    }

    func run(_ arguments: [String]) throws -> SlipwayBinary.Result {
        try SlipwayBinary.run(["env"] + arguments + ["--repo", box.root])
    }

    func remove() {
        box.remove()
        try? FileManager.default.removeItem(atPath: envs)
    }
}

@Suite struct EnvCommandTests {
    @Test func statusJSONListsNameAndVersionInOrder() throws {
        let sandbox = try EnvSandbox()
        defer { sandbox.remove() }
        let result = try sandbox.run(["status", "--json"])
        #expect(result.code == 0, "\(result.stderr)")
        let json = try JSONParser.parse(Array(result.stdout.utf8))
        guard case .array(let environments)? = json["environments"] else { Issue.record("no environments"); return }
        #expect(environments.map { $0["name"] } == [.string("test"), .string("staging"), .string("production")])
        #expect(environments.map { $0["version"] } == [.string("1.2.0"), .string("1.1.0"), .string("1.0.0")])
        #expect(environments.allSatisfy { $0["backend"] == .string("gitops") && $0["by"] == .string("Ops") })
    }

    /// Refusals (a missing or wrong confirmation, an environment CI deploys, a version not offered) exit 1; bad
    /// input (an environment that does not exist) exits 2; none of them acts.
    @Test func guardedActionsAreRefusedWithoutActing() throws {
        let sandbox = try EnvSandbox()
        defer { sandbox.remove() }
        let cases: [([String], Int32)] = [(["promote", "production"], 1), (["promote", "production", "--confirm", "prod"], 1),
                                          (["promote", "test"], 1), (["rollback", "staging"], 1),
                                          (["rollback", "production", "--confirm", "staging"], 1), (["promote", "nowhere"], 2),
                                          (["promote", "staging", "--version", "9.9.9"], 1)]
        for (arguments, code) in cases {
            let result = try sandbox.run(arguments)
            #expect(result.code == code, "\(arguments): \(result.stderr)")
            #expect(result.stderr.hasPrefix("slipway: "), "\(arguments)")
        }
        let status = try sandbox.run(["status", "--json"])
        #expect(status.stdout.contains("\"1.0.0\"") && status.stdout.contains("\"1.1.0\""))
    }

    @Test func promoteRollbackHoldAndReadinessExitCodes() throws {
        let sandbox = try EnvSandbox()
        defer { sandbox.remove() }
        var result = try sandbox.run(["promote", "staging", "--dry-run"])
        #expect(result.code == 0 && result.stdout.contains("dry run"))
        result = try sandbox.run(["promote", "staging"])
        #expect(result.code == 0, "\(result.stderr)")
        #expect(result.stdout.contains("staging now runs 1.2.0"))
        result = try sandbox.run(["rollback", "staging", "--confirm", "staging", "--json"])
        #expect(result.code == 0, "\(result.stderr)")
        #expect(try JSONParser.parse(Array(result.stdout.utf8))["result"]?["to"] == .string("1.1.0"))
        result = try sandbox.run(["promote", "staging"])
        #expect(result.code == 1 && result.stderr.contains("held"), "a refusal")
        result = try sandbox.run(["hold", "staging", "--clear"])
        #expect(result.code == 0)
        result = try sandbox.run(["promote", "staging"])
        #expect(result.code == 0, "\(result.stderr)")
        result = try sandbox.run(["readiness", "production", "--json"])
        #expect(result.code == 1)
        let readiness = try JSONParser.parse(Array(result.stdout.utf8))
        guard case .array(let items)? = readiness["items"] else { Issue.record("no items"); return }
        #expect(items.allSatisfy { $0["state"] != nil && $0["reason"] != nil })
        #expect(items.contains { $0["id"] == .string("plan") && $0["state"] == .string("fail") })
    }

    @Test func aFailingBackendExitsOneWithItsOutput() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.commit("feat: one")
        try box.git("tag", "v1.0.0")
        let config = #"{"environments": [{"name": "staging", "backend": {"kind": "command", "status": ["/bin/echo", "0.9.0"], "deploy": ["/bin/sh", "-c", "echo deploy exploded >&2; exit 3", "{version}"]}}]}"#
        try Data(config.utf8).write(to: URL(fileURLWithPath: box.root + "/.slipway.json"))
        let result = try SlipwayBinary.run(["env", "promote", "staging", "--version", "1.0.0", "--repo", box.root])
        #expect(result.code == 1, "\(result.stderr)")
        #expect(result.stderr.contains("deploy exploded"))
        #expect(result.stderr.contains("staging now reports 0.9.0"))
        let missing = try SlipwayBinary.run(["env", "promote", "staging", "--repo", box.root])
        #expect(missing.code == 2 && missing.stderr.contains("--version"))
    }

    @Test func helmRollbackThroughTheBinaryNeedsTheNameAndRunsHelmRollback() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.commit("feat: one")
        let bin = box.root + "/.git/fake-bin"
        try FileManager.default.createDirectory(atPath: bin, withIntermediateDirectories: true)
        let script = """
        #!/bin/sh
        printf '%s\\n' "$*" >> "$(dirname "$0")/argv.log"
        case "$1" in
          version) echo v3.16.1+g1a2b3c4 ;;
          list) if [ -f "$(dirname "$0")/rolled" ]; then v=1.0.0; else v=1.1.0; fi
            echo '[{"name":"web","namespace":"web","revision":"2","updated":"2026-01-05 10:11:12.5 +0000 UTC","status":"deployed","chart":"web-'$v'","app_version":"'$v'"}]' ;;
          history) echo '[{"revision":1,"updated":"2026-01-01T10:00:00Z","status":"superseded","chart":"web-1.0.0","app_version":"1.0.0","description":"Install complete"},{"revision":2,"updated":"2026-01-05T10:11:12Z","status":"deployed","chart":"web-1.1.0","app_version":"1.1.0","description":"Upgrade complete"}]' ;;
          rollback) touch "$(dirname "$0")/rolled"; echo 'Rollback was a success! Happy Helming!' ;;
          *) exit 1 ;;
        esac
        """
        try Data(script.utf8).write(to: URL(fileURLWithPath: bin + "/helm"))
        chmod(bin + "/helm", 0o755)
        let config = #"{"environments": [{"name": "production", "backend": {"kind": "helm", "kubeContext": "prod", "namespace": "web", "release": "web", "chart": "oci://registry.example.com/charts/web"}}]}"#
        try Data(config.utf8).write(to: URL(fileURLWithPath: box.root + "/.slipway.json"))
        let environment = ["PATH": bin + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")]
        let status = try SlipwayBinary.run(["env", "status", "--json", "--repo", box.root], environment: environment)
        #expect(status.code == 0, "\(status.stderr)")
        #expect(status.stdout.contains("\"version\": \"1.1.0\"") && status.stdout.contains("\"revision\": \"2\""))
        let refused = try SlipwayBinary.run(["env", "rollback", "production", "--repo", box.root], environment: environment)
        #expect(refused.code == 1, "no confirmation: refused")
        let log = { (try? String(contentsOfFile: bin + "/argv.log", encoding: .utf8)) ?? "" }
        #expect(!log().contains("rollback --"))
        let done = try SlipwayBinary.run(["env", "rollback", "production", "--confirm", "production", "--repo", box.root], environment: environment)
        #expect(done.code == 0, "\(done.stderr)")
        #expect(done.stdout.contains("production now runs 1.0.0"))
        #expect(log().split(separator: "\n").contains("rollback --namespace=web --kube-context=prod --wait --timeout=10m -- web 1"))
    }
}
