import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The embedded default backend: a file in an environments repository names the version; a deployment is a
/// commit that changes only that value, pushed to the environments remote.
public struct GitopsBackend: DeploymentBackend {
    public let settings: GitopsSettings
    public let environment: String
    /// The application repository, whose `.git/slipway/envs/` holds the working clone.
    public let repository: GitRepository
    public let runner: any CommandRunning
    public var kind: String { "gitops" }

    public init(settings: GitopsSettings, environment: String, repository: GitRepository, runner: any CommandRunning) {
        self.settings = settings
        self.environment = environment
        self.repository = repository
        self.runner = runner
    }

    /// The environments repository as git should reach it: URLs as written, relative paths from the repository root.
    public var remoteURL: String {
        let repo = settings.repo
        if repo.hasPrefix("/") || repo.contains("://") { return repo }
        if let colon = repo.firstIndex(of: ":"), !repo[..<colon].contains("/") { return repo }
        return URL(fileURLWithPath: repository.root).appendingPathComponent(repo).standardizedFileURL.path
    }

    /// `.git/slipway/envs/<hash of the remote URL>`.
    public var cloneDirectory: String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in remoteURL.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return repository.slipwayDirectory + "/envs/" + String(hash, radix: 16)
    }

    private var clone: GitRepository {
        GitRepository(root: cloneDirectory, gitDirectory: cloneDirectory + "/.git", runner: runner)
    }

    private var editor: ValuesFileEditor { ValuesFileEditor(file: settings.file, key: settings.key) }

    @discardableResult
    private func git(_ arguments: [String], _ what: String, timeout: Double = 120) throws(DeploymentError) -> CommandOutput {
        do { return try clone.git(arguments, timeout: timeout) } catch {
            throw DeploymentError(.backend, "\(what) in the environments clone \(cloneDirectory) failed: \(error.description)")
        }
    }

    /// Clones or fetches the environments repository and checks out the remote branch exactly; returns the branch.
    @discardableResult
    public func sync() throws(DeploymentError) -> String {
        if !FileManager.default.fileExists(atPath: cloneDirectory + "/.git") {
            do {
                try FileManager.default.createDirectory(atPath: repository.slipwayDirectory + "/envs", withIntermediateDirectories: true)
                try runner.run(CommandInvocation(["git", "clone", "--quiet", "--no-checkout", "--", remoteURL, cloneDirectory],
                                                 in: repository.slipwayDirectory + "/envs", timeout: 300))
            } catch let error as CommandError {
                try? FileManager.default.removeItem(atPath: cloneDirectory)
                throw DeploymentError(.backend, "cannot clone the environments repository \(settings.repo): \(error.description)",
                                      output: error.outputTail)
            } catch {
                throw DeploymentError(.backend, "cannot create \(repository.slipwayDirectory)/envs: \(error.localizedDescription)")
            }
        } else {
            try git(["fetch", "--quiet", "--prune", "origin"], "fetching \(settings.repo)", timeout: 20)
        }
        let branch = try remoteBranch()
        try git(["checkout", "--quiet", "--force", "-B", branch, "refs/remotes/origin/" + branch], "checking out \(branch)")
        try git(["clean", "-fdq"], "cleaning the clone")
        return branch
    }

    private func remoteBranch() throws(DeploymentError) -> String {
        if let branch = settings.branch { return try requireBranch(branch) }
        let head = try? clone.gitUnchecked(["symbolic-ref", "--quiet", "--short", "refs/remotes/origin/HEAD"])
        if let head, head.status.isSuccess, head.trimmedText.hasPrefix("origin/") {
            return try requireBranch(String(head.trimmedText.dropFirst("origin/".count)))
        }
        let branches = (try? clone.git(["for-each-ref", "--format=%(refname:strip=3)", "refs/remotes/origin/"]))?
            .text.split(separator: "\n").map(String.init).filter { $0 != "HEAD" } ?? []
        for candidate in ["main", "master"] where branches.contains(candidate) { return candidate }
        guard let first = branches.first else {
            throw DeploymentError(.input, "the environments repository \(settings.repo) has no commits; commit the environment files first")
        }
        return first
    }

    private func requireBranch(_ branch: String) throws(DeploymentError) -> String {
        let output = try? clone.gitUnchecked(["rev-parse", "--verify", "--quiet", "refs/remotes/origin/" + branch])
        guard output?.status.isSuccess == true else {
            throw DeploymentError(.input, "the environments repository \(settings.repo) has no branch '\(branch)'; fix backend.branch in .slipway.json")
        }
        return branch
    }

    private func readFile() throws(DeploymentError) -> Data {
        guard let data = FileManager.default.contents(atPath: cloneDirectory + "/" + settings.file) else {
            throw DeploymentError(.input, "\(settings.file) does not exist in the environments repository \(settings.repo); add it or fix backend.file for \(environment)")
        }
        return data
    }

    public func state() throws(DeploymentError) -> DeploymentState {
        try withCloneLock { () throws(DeploymentError) in try readState() }
    }

    private func readState() throws(DeploymentError) -> DeploymentState {
        try sync()
        let value = Self.bare(try editor.read(try readFile()))
        let log = try git(["log", "-1", "--format=%H%x1f%an%x1f%at", "--", settings.file], "reading the history of \(settings.file)")
        let fields = log.trimmedText.split(separator: "\u{1F}", omittingEmptySubsequences: false).map(String.init)
        guard fields.count == 3 else {
            return DeploymentState(version: value, status: "uncommitted")
        }
        return DeploymentState(version: value, since: Double(fields[2]).map { Date(timeIntervalSince1970: $0) }, by: fields[1],
                               status: "committed", revision: String(fields[0].prefix(12)))
    }

    public func history() throws(DeploymentError) -> [DeploymentRecord] {
        try withCloneLock { () throws(DeploymentError) in try readHistory() }
    }

    private func readHistory() throws(DeploymentError) -> [DeploymentRecord] {
        try sync()
        let log = try git(["log", "--max-count=100", "--format=%H%x1f%an%x1f%at", "--", settings.file], "reading the history of \(settings.file)")
        var records: [DeploymentRecord] = []
        for line in log.trimmedText.split(separator: "\n").reversed() {
            let fields = line.split(separator: "\u{1F}", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 3 else { continue }
            guard let data = try? clone.show(settings.file, at: fields[0]), let raw = try? editor.read(data) else { continue }
            let value = Self.bare(raw)
            if records.last?.version == value { continue }
            records.append(DeploymentRecord(version: value, time: Double(fields[2]).map { Date(timeIntervalSince1970: $0) },
                                            by: fields[1], revision: String(fields[0].prefix(12))))
        }
        return records.reversed()
    }

    public func deploy(_ version: String, action: String, from current: String?) throws(DeploymentError) -> DeploymentOutcome {
        try withCloneLock { () throws(DeploymentError) in try commitAndPush(version, action: action) }
    }

    /// Runs `body` holding `<clone>.lock`, so two Slipways on this machine never work in the clone at once.
    func withCloneLock<T>(_ body: () throws(DeploymentError) -> T) throws(DeploymentError) -> T {
        let lockPath = cloneDirectory + ".lock"
        try? FileManager.default.createDirectory(atPath: repository.slipwayDirectory + "/envs", withIntermediateDirectories: true)
        let fd = open(lockPath, O_CREAT | O_RDWR, 0o644)
        guard fd >= 0 else {
            throw DeploymentError(.backend, "cannot open \(lockPath): \(String(cString: strerror(errno))); check the permissions of .git/slipway")
        }
        defer { close(fd) }
        let deadline = Date().addingTimeInterval(120)
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            guard Date() < deadline else {
                throw DeploymentError(.backend, "another Slipway has held \(lockPath) for 2 minutes; wait for it to finish and try again")
            }
            usleep(100_000)
        }
        defer { flock(fd, LOCK_UN) }
        return try body()
    }

    private func commitAndPush(_ version: String, action: String) throws(DeploymentError) -> DeploymentOutcome {
        let branch = try sync()
        let before = Self.bare(try editor.read(try readFile()))
        if before == version {
            throw DeploymentError(.input, "\(environment) already runs \(version) in \(settings.repo); nothing to change")
        }
        let updated = try editor.write(version, into: try readFile())
        do { try AtomicFile.write(updated, to: cloneDirectory + "/" + settings.file) } catch {
            throw DeploymentError(.backend, "cannot write \(settings.file) in the environments clone: \(error.description)")
        }
        let verb = action == "env.rollback" ? "roll back" : "promote"
        let message = "\(verb) \(environment) to \(version)\n\n\(environment): \(before) -> \(version)\nSlipway-Action: \(action)\n"
        var identity: [String] = []
        if let name = try? repository.config("user.name"), let email = try? repository.config("user.email") {
            identity = ["-c", "user.name=\(name)", "-c", "user.email=\(email)"]
        }
        let parent = try git(["rev-parse", "HEAD"], "reading HEAD").trimmedText
        try git(["add", "--", settings.file], "staging \(settings.file)")
        do { try clone.git(identity + ["commit", "--quiet", "-m", message]) } catch {
            try? restore(branch)
            throw DeploymentError(.backend, "committing \(settings.file) failed, nothing was pushed and \(environment) still runs \(before): \(error.description)")
        }
        let push = ["git", "push", "--quiet", "--porcelain", "origin", "HEAD:refs/heads/" + branch]
        let result: CommandOutput
        do { result = try clone.gitUnchecked(Array(push.dropFirst()), timeout: 300) } catch {
            try? restore(branch)
            throw DeploymentError(.backend, "pushing to \(settings.repo) could not run, \(environment) still runs \(before): \(error.description)")
        }
        guard result.status.isSuccess else {
            let output = (result.errorText + result.text).trimmingCharacters(in: .whitespacesAndNewlines)
            _ = try? git(["fetch", "--quiet", "origin"], "fetching \(settings.repo)")
            let remote = try? clone.git(["rev-parse", "refs/remotes/origin/" + branch]).trimmedText
            try? restore(branch)
            if let remote, remote != parent {
                let now = (try? editor.read(try readFile())) ?? "an unreadable value"
                let who = (try? clone.git(["log", "-1", "--format=%an", "--", settings.file]).trimmedText) ?? "someone"
                throw DeploymentError(.conflict, "someone else pushed to \(settings.repo) first (\(who)); nothing was pushed, \(environment) now runs \(now): check status and try again", output: output)
            }
            throw DeploymentError(.backend, "the push to \(settings.repo) was refused, nothing changed and \(environment) still runs \(before)", output: output)
        }
        let sha = try git(["rev-parse", "HEAD"], "reading HEAD").trimmedText
        return DeploymentOutcome(commands: ["git commit -m '\(verb) \(environment) to \(version)' -- \(settings.file)",
                                            push.map(ShellQuoting.quote).joined(separator: " ")],
                                 output: "\(settings.file): \(settings.key) \(before) -> \(version) (\(sha.prefix(12)))",
                                 revision: String(sha.prefix(12)))
    }

    /// `1.2.3` for a file value `v1.2.3`: the version without a leading `v`; anything else as written.
    static func bare(_ value: String) -> String {
        value.hasPrefix("v") && SemanticVersion(String(value.dropFirst())) != nil ? String(value.dropFirst()) : value
    }

    private func restore(_ branch: String) throws(DeploymentError) {
        try git(["checkout", "--quiet", "--force", "-B", branch, "refs/remotes/origin/" + branch], "resetting the clone")
    }

    public func rollback(to record: DeploymentRecord, from current: String?) throws(DeploymentError) -> DeploymentOutcome {
        try deploy(record.version, action: "env.rollback", from: current)
    }
}
