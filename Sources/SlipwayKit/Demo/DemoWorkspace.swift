import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The sandbox `slipway demo` builds: the `acme-web` repository with three releases and unreleased work, its bare
/// `origin`, and the `acme-envs` GitOps repository (with its own bare remote) that says what runs where. Built with
/// real git, offline, with fixed identities and dates, so that every build has the same history.
///
/// Layout inside `folder`:
/// ```
/// acme-web/        the application (clone of origin.git, on main)
/// origin.git/      its bare remote: main and the release tags
/// acme-envs/       the environments repository (clone of acme-envs.git): test, staging, production
/// acme-envs.git/   its bare remote
/// README.md        what is where, and the two people of the demo
/// ```
public struct DemoWorkspace: Sendable {
    /// The workspace's top folder.
    public let folder: String

    public init(folder: String) {
        self.folder = folder
    }

    /// The application repository: the one to open the console on.
    public var applicationRepository: String { folder + "/acme-web" }
    /// acme-web's bare remote, `origin`.
    public var applicationOrigin: String { folder + "/origin.git" }
    /// The GitOps clone whose `ENV/values.yaml` files say which release runs where.
    public var environmentsRepository: String { folder + "/acme-envs" }
    /// The environments repository's bare remote (what `.slipway.json` points at as `../acme-envs.git`).
    public var environmentsOrigin: String { folder + "/acme-envs.git" }

    /// The release tags of acme-web, oldest first.
    public static let releaseTags = ["v1.0.0", "v1.1.0", "v1.2.0"]
    /// The version each environment runs, in promotion order.
    public static let deployedVersions: [(environment: String, version: String)] = [
        ("test", "1.2.0"), ("staging", "1.1.0"), ("production", "1.1.0"),
    ]
    /// The subjects of the unreleased commits that are not Conventional Commits (the merge aside).
    public static let nonConventionalSubjects = ["update readme", "WIP"]

    /// Builds the workspace in `folder`, which may be missing or empty but nothing else.
    ///
    /// - Parameter runner: runs git; by default one whose environment holds no `GIT_*` variable of the caller.
    @discardableResult
    public static func build(in folder: String, runner: (any CommandRunning)? = nil) throws(DemoWorkspaceError) -> DemoWorkspace {
        let absolute = URL(fileURLWithPath: folder).standardizedFileURL.path
        try requireEmptyFolder(absolute)
        try DemoFileWriter.makeFolder(absolute)
        let resolved = URL(fileURLWithPath: absolute).resolvingSymlinksInPath().path
        let workspace = DemoWorkspace(folder: resolved)
        let runner = runner ?? CommandRunner(baseEnvironment: ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("GIT_") })
        let clock = DemoClock()

        let application = try DemoGit.initialise(workspace.applicationRepository, runner: runner, clock: clock)
        let releasedAt = try buildApplicationHistory(application)
        try publish(application, to: workspace.applicationOrigin, runner: runner, clock: clock)
        try publishHotfixes(application)

        let environments = try DemoGit.initialise(workspace.environmentsRepository, runner: runner,
                                                  clock: DemoClock())
        try buildEnvironmentsHistory(environments, releasedAt: releasedAt)
        try publish(environments, to: workspace.environmentsOrigin, runner: runner, clock: clock)

        try DemoFileWriter.write(DemoFiles.workspaceGuide, to: resolved + "/README.md")
        return workspace
    }

    /// A new empty folder under `$TMPDIR` named `slipway-demo-XXXXXX`.
    public static func makeTemporaryFolder() throws(DemoWorkspaceError) -> String {
        let template = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("slipway-demo-XXXXXX").path
        var bytes = Array(template.utf8CString)
        let made: String? = bytes.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress, let pointer = mkdtemp(base) else { return nil }
            return String(cString: pointer)
        }
        guard let made else { throw .cannotCreate(template, reason: String(cString: strerror(errno))) }
        return URL(fileURLWithPath: made).resolvingSymlinksInPath().path
    }

    static func requireEmptyFolder(_ path: String) throws(DemoWorkspaceError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else { throw .notAFolder(path) }
        let contents: [String]
        do {
            contents = try FileManager.default.contentsOfDirectory(atPath: path)
        } catch {
            throw .cannotCreate(path, reason: error.localizedDescription)
        }
        if !contents.isEmpty { throw .folderNotEmpty(path) }
    }

    /// Creates the bare remote `origin` beside the clone and pushes main (tracking it) and every tag.
    private static func publish(_ git: DemoGit, to remote: String, runner: any CommandRunning,
                                clock: DemoClock) throws(DemoWorkspaceError) {
        _ = try DemoGit.initialise(remote, bare: true, runner: runner, clock: clock)
        try git.run(["remote", "add", "origin", remote])
        try git.run(["push", "-q", "-u", "origin", "main"])
        try git.run(["push", "-q", "origin", "--tags"])
    }
}
