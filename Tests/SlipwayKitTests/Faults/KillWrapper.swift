import Foundation
import Testing
@testable import SlipwayKit

/// A `git` on `PATH` that counts its calls, logs each argv, and after call `KILL_AT` has run kills its parent —
/// the slipway binary — with SIGKILL: a `kill -9` right after any external call, reproducibly.
struct KillWrapper {
    let folder: String

    static let script = """
    #!/bin/sh
    dir="$(dirname "$0")"
    n=$(( $(cat "$dir/count" 2>/dev/null || echo 0) + 1 )); echo "$n" > "$dir/count"
    printf '%s %s\\n' "$n" "$*" >> "$dir/calls.log"
    /usr/bin/git "$@"; rc=$?
    [ "$n" = "$(cat "$dir/kill-at" 2>/dev/null)" ] && kill -9 "$PPID"
    exit $rc
    """

    init() throws {
        folder = try TestRepository.makeTemporaryFolder("kill-wrapper")
        try Data(Self.script.utf8).write(to: URL(fileURLWithPath: folder + "/git"))
        chmod(folder + "/git", 0o755)
    }

    /// Starts counting again; `killAt` nil runs without a kill.
    func arm(_ killAt: Int?) throws {
        for name in ["count", "calls.log", "kill-at"] { try? FileManager.default.removeItem(atPath: folder + "/" + name) }
        if let killAt { try Data("\(killAt)\n".utf8).write(to: URL(fileURLWithPath: folder + "/kill-at")) }
    }

    /// The calls of the last run: index and argv (after git's own `-c` options).
    var calls: [(index: Int, argv: String)] {
        let text = (try? String(contentsOfFile: folder + "/calls.log", encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap { line in
            let parts = line.split(separator: " ", maxSplits: 1)
            guard parts.count == 2, let index = Int(parts[0]) else { return nil }
            return (index, parts[1].replacingOccurrences(of: "-c core.quotepath=off -c color.ui=false ", with: ""))
        }
    }

    var path: String { folder + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin") }

    /// The calls after which a kill can leave something half-done: each one that writes (a commit, a push, a ref,
    /// a note, a checkout) or fetches.
    func writingCalls(from first: Int = 1) -> [Int] {
        let verbs = ["push ", "commit", "update-ref ", "notes --ref=refs/notes/slipway/audit append", "checkout ", "fetch ", "add ", "commit-tree"]
        return calls.filter { call in call.index >= first && verbs.contains { call.argv.contains($0) } }.map(\.index)
    }

    /// Runs slipway, which may be killed: `nil` exit code then.
    static func run(_ arguments: [String], in folder: String, path: String? = nil) throws -> (code: Int32?, stdout: String, stderr: String) {
        var environment = ProcessInfo.processInfo.environment.merging(TestRepository.environment) { $1 }
        environment["SWIFT_BACKTRACE"] = "interactive=no"
        if let path { environment["PATH"] = path }
        let output = try CommandRunner(baseEnvironment: environment)
            .runUnchecked(CommandInvocation([SlipwayBinary.path] + arguments, in: folder, timeout: 120))
        if case .exited(let code) = output.status { return (code, output.text, output.errorText) }
        return (nil, output.text, output.errorText)
    }
}

/// A demo workspace (acme-web with staging on 1.1.0 and 1.2.0 promotable, gitops environments) for one kill.
struct KillDemo {
    let root: String
    let repo: String

    init() throws {
        root = try TestRepository.makeTemporaryFolder("kill-demo")
        let made = try KillWrapper.run(["demo", "--dir", root + "/w", "--no-console"], in: root)
        try #require(made.code == 0, "demo: \(made.stderr)")
        repo = made.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func slipway(_ arguments: [String], path: String? = nil) throws -> (code: Int32?, stdout: String, stderr: String) {
        try KillWrapper.run(arguments + ["--repo", repo], in: repo, path: path)
    }

    /// What `env status --json` says `name` runs and holds.
    func environment(_ name: String) throws -> (version: String?, held: [String], interrupted: Bool) {
        let status = try slipway(["env", "status", "--json"])
        let json = try JSONParser.parse(Data(status.stdout.utf8))
        let entry = try #require(json["environments"]?.arrayValue.first { $0["name"]?.stringValue == name })
        return (entry["version"]?.stringValue, entry["held"]?.arrayValue.compactMap(\.stringValue) ?? [],
                entry["interrupted"] != nil && entry["interrupted"] != .null)
    }

    func remove() { try? FileManager.default.removeItem(atPath: root) }
}
