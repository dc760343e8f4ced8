import Foundation

/// Git in one of the demo's repositories: a fixed identity and date for every commit and tag, and no system or
/// global git configuration, so that the demo is the same on every machine and never reaches the network.
struct DemoGit {
    let runner: any CommandRunning
    /// The repository's folder (or, for `init`, the folder to create it in).
    let folder: String
    let clock: DemoClock

    /// Variables every demo git gets on top of the runner's environment.
    static let isolation: [String: String] = [
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_CONFIG_GLOBAL": "/dev/null",
        "TZ": "UTC",
    ]

    /// Runs `git ARGUMENTS` as `identity` at the clock's current time and returns its trimmed output.
    @discardableResult
    func run(_ arguments: [String], as identity: DemoIdentity = .author) throws(DemoWorkspaceError) -> String {
        var environment = Self.isolation
        let date = DemoClock.gitDate(clock.now)
        environment["GIT_AUTHOR_NAME"] = identity.name
        environment["GIT_AUTHOR_EMAIL"] = identity.email
        environment["GIT_COMMITTER_NAME"] = identity.name
        environment["GIT_COMMITTER_EMAIL"] = identity.email
        environment["GIT_AUTHOR_DATE"] = date
        environment["GIT_COMMITTER_DATE"] = date
        do {
            return try runner.run(CommandInvocation(["git"] + arguments, in: folder, environment: environment, timeout: 60)).trimmedText
        } catch {
            throw .git(error)
        }
    }

    /// A new repository on `main` whose own config names the release manager, so that commits made later in the
    /// workspace (by Slipway or by hand) work without a global git identity.
    static func initialise(_ folder: String, bare: Bool = false, runner: any CommandRunning,
                           clock: DemoClock) throws(DemoWorkspaceError) -> DemoGit {
        try DemoFileWriter.makeFolder(folder)
        let git = DemoGit(runner: runner, folder: folder, clock: clock)
        try git.run(["init", "-q", "-b", "main"] + (bare ? ["--bare"] : []))
        if !bare {
            try git.run(["config", "user.name", DemoIdentity.author.name])
            try git.run(["config", "user.email", DemoIdentity.author.email])
        }
        return git
    }

    /// Writes `files` (paths relative to the repository, `nil` text removes the file) and commits them all as
    /// `identity`, one step later on the clock; returns the new commit's sha.
    @discardableResult
    func commit(_ message: String, files: [String: String?] = [:], as identity: DemoIdentity = .author,
                after minutes: Int = 0, hours: Int = 0, days: Int = 1) throws(DemoWorkspaceError) -> String {
        clock.advance(hours: hours, minutes: minutes, days: days)
        for (path, text) in files.sorted(by: { $0.key < $1.key }) {
            let full = folder + "/" + path
            if let text {
                try DemoFileWriter.write(text, to: full)
            } else {
                try DemoFileWriter.remove(full)
            }
        }
        try run(["add", "-A"], as: identity)
        try run(["commit", "-q", "--allow-empty", "--cleanup=whitespace", "-m", message], as: identity)
        return try run(["rev-parse", "HEAD"])
    }

    /// An annotated release tag on HEAD, `Release version X.Y.Z`, as the standard's step 1.7 makes it.
    func tagRelease(_ version: String, as identity: DemoIdentity = .author) throws(DemoWorkspaceError) {
        clock.advance(minutes: 10)
        try run(["tag", "-a", "v" + version, "-m", "Release version \(version)"], as: identity)
    }
}
