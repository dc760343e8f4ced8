import Foundation
@testable import SlipwayKit

/// A fake `helm` on `PATH`: answers `version`, `list`, `history` and `status` from files in its folder in helm's
/// JSON; `upgrade` and `rollback` change what `list` answers as a cluster would; each argv is appended to
/// `argv.log`. `mode` makes it fail, hang, print garbage, or (`noop`) say it succeeded without changing anything.
final class FakeHelm: @unchecked Sendable {
    let folder: String

    static let script = """
    #!/bin/sh
    dir="$(dirname "$0")"
    printf '%s\\n' "$*" >> "$dir/argv.log"
    mode=$(cat "$dir/mode" 2>/dev/null)
    # A new revision deploys chart $1: list shows it, history gains it.
    record() {
      r=$(( $(grep -o '"revision":[0-9]*' "$dir/history.json" | tail -1 | cut -d: -f2) + 1 ))
      printf '[{"name":"web","namespace":"web","revision":"%s","updated":"2026-01-07 10:00:00.0 +0000 UTC","status":"deployed","chart":"%s","app_version":"%s"}]' "$r" "$1" "${1#web-}" > "$dir/list.json"
      sed -i 's/"deployed"/"superseded"/; s/]$/,{"revision":'"$r"',"updated":"2026-01-07T10:00:00Z","status":"deployed","chart":"'"$1"'","app_version":"'"${1#web-}"'","description":"Upgrade complete"}]/' "$dir/history.json"
    }
    case "$mode" in
      fail) echo 'Error: Kubernetes cluster unreachable: Get "https://prod.example.com:6443/version": dial tcp: connection refused' >&2; exit 1 ;;
      hang) exec sleep 30 ;;
      fail-ops) case "$1" in upgrade|rollback) echo 'Error: UPGRADE FAILED: timed out waiting for the condition' >&2; exit 1 ;; esac ;;
      garbage) echo '<html><body>502 Bad Gateway</body></html>'; exit 0 ;;
    esac
    case "$1" in
      version) cat "$dir/version" ;;
      list) cat "$dir/list.json" ;;
      history) cat "$dir/history.json" ;;
      status) cat "$dir/status.json" ;;
      upgrade)
        v=$(printf '%s\\n' "$@" | sed -n 's/^--version=//p')
        [ "$mode" = noop ] || record "web-$v"
        echo 'Release "web" has been upgraded. Happy Helming!' ;;
      rollback)
        for last in "$@"; do :; done
        c=$(tr '{' '\\n' < "$dir/history.json" | grep "\\"revision\\":$last," | sed 's/.*"chart":"\\([^"]*\\)".*/\\1/')
        [ "$mode" = noop ] || record "$c"
        echo 'Rollback was a success! Happy Helming!' ;;
      *) echo "Error: unknown command \\"$1\\" for \\"helm\\"" >&2; exit 1 ;;
    esac
    """

    /// `helm list -o json` as Helm 3 prints it: `revision` a string, `updated` in Go's time format.
    static func list(status: String = "deployed", chart: String = "web-1.2.0", revision: String = "3") -> String {
        """
        [{"name":"web","namespace":"web","revision":"\(revision)","updated":"2026-01-05 10:11:12.123456789 +0000 UTC","status":"\(status)","chart":"\(chart)","app_version":"1.2.0"}]
        """
    }

    /// `helm history -o json`: `revision` a number, `updated` RFC 3339; revision 2 failed.
    static let history = """
    [{"revision":1,"updated":"2026-01-01T10:00:00.123456789Z","status":"superseded","chart":"web-1.0.0","app_version":"1.0.0","description":"Install complete"},{"revision":2,"updated":"2026-01-03T10:00:00+00:00","status":"failed","chart":"web-1.1.0","app_version":"1.1.0","description":"Upgrade \\"web\\" failed: context deadline exceeded"},{"revision":3,"updated":"2026-01-05T10:11:12.5Z","status":"deployed","chart":"web-1.2.0","app_version":"1.2.0","description":"Upgrade complete"}]
    """

    /// `helm status -o json` for a release whose upgrade was interrupted.
    static let status = """
    {"name":"web","info":{"first_deployed":"2026-01-01T10:00:00Z","last_deployed":"2026-01-06T09:00:00Z","deleted":"","description":"Preparing upgrade","status":"pending-upgrade"},"chart":{"metadata":{"name":"web","version":"1.3.0","appVersion":"1.3.0"}},"version":4,"namespace":"web"}
    """

    init(version: String = "v3.15.2+g1a500d5", list: String = FakeHelm.list()) throws {
        folder = try TestRepository.makeTemporaryFolder("fake-helm")
        try write("helm", Self.script)
        chmod(folder + "/helm", 0o755)
        try write("version", version + "\n")
        try write("list.json", list)
        try write("history.json", Self.history)
        try write("status.json", Self.status)
    }

    func write(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: folder + "/" + name))
    }

    /// Each call's arguments after `helm`, one line per call.
    var calls: [String] {
        ((try? String(contentsOfFile: folder + "/argv.log", encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
    }

    /// A runner whose `PATH` finds this helm first.
    var runner: CommandRunner {
        var environment = ProcessInfo.processInfo.environment.merging(TestRepository.environment) { $1 }
        environment["PATH"] = folder + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        return CommandRunner(baseEnvironment: environment)
    }

    static let settings = HelmSettings(kubeContext: "prod", namespace: "web", release: "web",
                                       chart: "oci://registry.example.com/charts/web", values: "deploy/production.yaml")

    func backend(queryTimeout: Double = 20, runner: CommandRunner? = nil) -> HelmBackend {
        HelmBackend(settings: Self.settings, environment: "production", workingDirectory: folder, runner: runner ?? self.runner,
                    queryTimeout: queryTimeout)
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }
}
