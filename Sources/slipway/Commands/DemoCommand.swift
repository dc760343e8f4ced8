import Foundation
import SlipwayKit
import SlipwayTUI
#if canImport(Glibc)
import Glibc
#endif

/// `slipway demo`: builds the sandbox workspace and opens the console on it.
enum DemoCommand {
    static let spec = SubcommandSpec(
        name: "demo",
        usage: "demo [--dir DIR] [--no-console]",
        summary: """
        Builds a sandbox workspace offline: the acme-web repository (three releases, unreleased work, CHANGELOG,
        package.json, Helm chart, migrations, rollback plan, a bare origin, the local forge) and the acme-envs
        GitOps repository (test, staging and production on different versions). Prints the path of acme-web and
        opens the console on it; without a terminal, or with --no-console, it only prints the path.
        """,
        options: [.value("dir", "build it here: a new or empty folder (default: a new folder under $TMPDIR)"),
                  .flag("no-console", "print the path and exit instead of opening the console")])

    static func run(_ arguments: [String]) throws -> Int32 {
        guard let parsed = try spec.parse(arguments) else { return 0 }
        guard parsed.positional.isEmpty else { throw UsageError("demo takes no arguments (use --dir DIR for the folder)") }
        let chosen = parsed.value("dir")
        let folder = try chosen ?? DemoWorkspace.makeTemporaryFolder()
        let workspace: DemoWorkspace
        do {
            workspace = try DemoWorkspace.build(in: folder)
        } catch {
            // A half-built workspace in a folder Slipway made is of no use to anyone.
            if chosen == nil { try? FileManager.default.removeItem(atPath: folder) }
            throw error
        }
        print(workspace.applicationRepository)
        let interactive = isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1
        return openConsole(on: workspace.applicationRepository, wanted: interactive && !parsed.has("no-console"))
    }

    /// What happens after the path is printed: the console on the workspace when `wanted`, otherwise nothing.
    static func openConsole(on repository: String, wanted: Bool) -> Int32 {
        guard wanted, Console.unavailableReason() == nil else { return 0 }
        return Console.run(repositoryPath: repository, releaseFiles: RepositoryReleaseFiles(path: repository))
    }
}
