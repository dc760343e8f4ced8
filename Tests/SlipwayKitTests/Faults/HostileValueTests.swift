import Foundation
import Testing
@testable import SlipwayKit

/// Configured and typed values that start with `-` or hold shell syntax: refused where they are read, naming the
/// key; and where a value is legal but hostile (a chart reference with `$(…)`), it reaches the tool as one
/// argument after `--`, never as an option and never through a shell.
@Suite struct HostileValueTests {
    static let marker = "/tmp/slipway-hostile-\(UUID().uuidString.prefix(8))"

    /// `.slipway.json` values each command refuses with the key path, before any tool runs.
    static let configs: [(json: String, key: String)] = [
        (#"{"tagPrefix": "-"}"#, "tagPrefix"),
        (#"{"tagPrefix": "--output=/tmp/x"}"#, "tagPrefix"),
        (#"{"tagPrefix": "v..x"}"#, "tagPrefix"),
        (#"{"baseBranch": "--upload-pack=touch \#(marker)"}"#, "baseBranch"),
        (#"{"baseBranch": "main lock"}"#, "baseBranch"),
        (#"{"forge": {"remote": "--receive-pack=x"}}"#, "forge.remote"),
        (#"{"environments": [{"name": "p", "backend": {"kind": "helm", "release": "--post-renderer=/tmp/evil.sh", "chart": "c"}}]}"#, "environments[0].backend.release"),
        (#"{"environments": [{"name": "p", "backend": {"kind": "helm", "release": "web", "chart": "--kubeconfig=/tmp/k"}}]}"#, "environments[0].backend.chart"),
        (#"{"environments": [{"name": "p", "backend": {"kind": "helm", "release": "web", "chart": "c", "namespace": "-n"}}]}"#, "environments[0].backend.namespace"),
        (#"{"environments": [{"name": "p", "backend": {"kind": "helm", "release": "web", "chart": "c", "kubeContext": "--token=x"}}]}"#, "environments[0].backend.kubeContext"),
        (#"{"environments": [{"name": "p", "backend": {"kind": "helm", "release": "web", "chart": "c", "values": "-f"}}]}"#, "environments[0].backend.values"),
        (#"{"environments": [{"name": "p", "backend": {"kind": "gitops", "repo": "--upload-pack=x", "file": "a.yaml", "key": "image.tag"}}]}"#, "environments[0].backend.repo"),
        (#"{"environments": [{"name": "p", "backend": {"kind": "gitops", "repo": "../envs.git", "file": "a.yaml", "key": "image.tag", "branch": "--force"}}]}"#, "environments[0].backend.branch"),
    ]

    @Test(arguments: configs.indices)
    func aHostileConfigValueIsRefusedByEveryCommandNamingItsKey(_ index: Int) throws {
        let (json, key) = Self.configs[index]
        let box = try Sandbox()
        defer { box.remove() }
        try box.commit("feat: one")
        try Data(json.utf8).write(to: URL(fileURLWithPath: box.root + "/.slipway.json"))
        for command in [["next-version"], ["manifest", "show"], ["env", "status"], ["release", "status"]] {
            let result = try SlipwayBinary.run(command + ["--repo", box.root])
            #expect(result.code == 2, "\(command) with \(json): \(result.stderr)")
            #expect(result.stderr.contains(".slipway.json: \(key): "), "\(command): \(result.stderr)")
            #expect(result.stderr.split(separator: "\n").count == 1, "one line: \(result.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: Self.marker))
    }

    /// Typed values: a version that is not SemVer, a ref that starts with `-`.
    @Test func hostileTypedValuesAreRefusedAsBadInput() throws {
        let env = try EnvSandbox()
        defer { env.remove() }
        let cases: [[String]] = [
            ["env", "hold", "staging", "--version", "$(touch \(Self.marker))"],
            ["env", "promote", "staging", "--version", "--upload-pack=x"],
            ["env", "rollback", "staging", "--to", "-x", "--confirm", "staging"],
            ["next-version", "--from", "--output=\(Self.marker)"],
            ["changes", "--to", "--upload-pack=touch \(Self.marker)"],
            ["release", "prepare", "--version", "1.2.3;touch \(Self.marker)"],
            ["hotfix", "start", "--from", "--upload-pack=x"],
        ]
        for arguments in cases {
            let result = try SlipwayBinary.run(arguments + ["--repo", env.box.root])
            #expect(result.code == 2, "\(arguments): \(result.code) \(result.stderr)")
            #expect(result.stderr.hasPrefix("slipway: ") && result.stderr.split(separator: "\n").count == 1, "\(arguments): \(result.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: Self.marker))
    }

    /// A legal chart reference full of shell syntax: helm receives it as one argument after `--`, unexpanded.
    @Test func aChartReferenceWithShellSyntaxReachesHelmAsOneArgument() throws {
        let box = try Sandbox()
        defer { box.remove() }
        for version in ["1.0.0", "1.1.0"] {
            try box.commit("feat: \(version)")
            try box.git("tag", "v\(version)")
        }
        let bin = box.root + "/.git/spy"
        try FileManager.default.createDirectory(atPath: bin, withIntermediateDirectories: true)
        // The spy writes each argument on its own line, then answers like helm.
        let spy = """
        #!/bin/sh
        dir="$(dirname "$0")"
        for a in "$@"; do printf '%s\\n' "$a"; done > "$dir/argv.$1"
        case "$1" in
          version) echo v3.16.1 ;;
          list) if [ -f "$dir/argv.upgrade" ]; then v=1.1.0; else v=1.0.0; fi
            echo '[{"name":"web","namespace":"web","revision":"1","updated":"2026-01-05 10:11:12 +0000 UTC","status":"deployed","chart":"web-'$v'","app_version":"'$v'"}]' ;;
          history) echo '[]' ;;
          upgrade) echo upgraded ;;
        esac
        """
        try Data(spy.utf8).write(to: URL(fileURLWithPath: bin + "/helm"))
        chmod(bin + "/helm", 0o755)
        let chart = "oci://registry.example.com/$(touch \(Self.marker));`id`|web"
        let config = """
        {"environments": [{"name": "staging", "backend": {"kind": "helm", "release": "web", "chart": "\(chart)", "namespace": "web", "kubeContext": "ctx with space"}}]}
        """
        try Data(config.utf8).write(to: URL(fileURLWithPath: box.root + "/.slipway.json"))
        let environment = ["PATH": bin + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")]
        let result = try SlipwayBinary.run(["env", "promote", "staging", "--version", "1.1.0", "--repo", box.root], environment: environment)
        #expect(result.code == 0, "\(result.stderr)")
        let argv = try String(contentsOfFile: bin + "/argv.upgrade", encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(argv == ["upgrade", "--install", "--version=1.1.0", "--namespace=web", "--kube-context=ctx with space", "--wait",
                         "--timeout=10m", "--atomic", "--", "web", chart])
        #expect(!FileManager.default.fileExists(atPath: Self.marker), "no shell ever saw the value")
    }
}
