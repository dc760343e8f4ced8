import Foundation

/// A git working tree, and every git command Slipway runs on it.
public struct GitRepository: Sendable {
    /// The top of the working tree.
    public let root: String
    /// The absolute `.git` folder (the common one, for worktrees).
    public let gitDirectory: String
    public let runner: any CommandRunning

    /// Opens the repository that contains `path`.
    public static func open(_ path: String, runner: any CommandRunning = CommandRunner()) throws(GitError) -> GitRepository {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: absolute, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .notARepository(absolute)
        }
        let output: CommandOutput
        do {
            output = try runner.runUnchecked(CommandInvocation(
                ["git", "rev-parse", "--show-toplevel", "--path-format=absolute", "--git-common-dir"], in: absolute, timeout: 30))
        } catch {
            throw GitError.wrap(error)
        }
        guard output.status.isSuccess else {
            // Only git's own words make it "not a repository": a git that fails otherwise is shown failing.
            if output.errorText.lowercased().contains("not a git repository") { throw .notARepository(absolute) }
            throw .command(CommandError(invocation: output.invocation, kind: .failed(output.status), stderr: output.stderr, stdout: output.stdout))
        }
        let lines = output.trimmedText.split(separator: "\n").map(String.init)
        guard lines.count >= 2 else { throw .notARepository(absolute) }
        return GitRepository(root: lines[0], gitDirectory: lines[1], runner: runner)
    }

    public init(root: String, gitDirectory: String, runner: any CommandRunning) {
        self.root = root
        self.gitDirectory = gitDirectory
        self.runner = runner
    }

    /// Where Slipway keeps what the repository cannot hold: overrides, the journal, the audit log.
    public var slipwayDirectory: String { gitDirectory + "/slipway" }

    func invocation(_ arguments: [String], timeout: Double = 120) -> CommandInvocation {
        CommandInvocation(["git", "-c", "core.quotepath=off", "-c", "color.ui=false"] + arguments, in: root, timeout: timeout)
    }

    /// Runs `git ARGUMENTS` in the working tree and requires success.
    @discardableResult
    public func git(_ arguments: [String], timeout: Double = 120) throws(GitError) -> CommandOutput {
        do {
            return try runner.run(invocation(arguments, timeout: timeout))
        } catch {
            throw GitError.wrap(error)
        }
    }

    /// Runs `git ARGUMENTS` with `input` on its standard input and returns whatever it exited with.
    public func gitUnchecked(_ arguments: [String], input: Data, timeout: Double = 120) throws(GitError) -> CommandOutput {
        var invocation = invocation(arguments, timeout: timeout)
        invocation.input = input
        do {
            return try runner.runUnchecked(invocation)
        } catch {
            throw GitError.wrap(error)
        }
    }

    /// Runs `git ARGUMENTS` and returns whatever it exited with.
    public func gitUnchecked(_ arguments: [String], timeout: Double = 120) throws(GitError) -> CommandOutput {
        do {
            return try runner.runUnchecked(invocation(arguments, timeout: timeout))
        } catch {
            throw GitError.wrap(error)
        }
    }

    /// The full commit id `ref` names.
    public func resolveCommit(_ ref: String) throws(GitError) -> String {
        if ref.hasPrefix("-") { throw .unknownRef(ref) }
        let output = try gitUnchecked(["rev-parse", "--verify", "--quiet", "--end-of-options", ref + "^{commit}"])
        guard output.status.isSuccess else {
            if ref == "HEAD" { throw .emptyRepository(root) }
            throw .unknownRef(ref)
        }
        return output.trimmedText
    }

    /// Tags whose commits are reachable from `ref` (all tags when `ref` is nil).
    public func tags(mergedInto ref: String?) throws(GitError) -> [String] {
        var arguments = ["tag", "--list"]
        if let ref { arguments += ["--merged", ref] }
        return try git(arguments).text.split(separator: "\n").map(String.init).filter { !$0.isEmpty }
    }

    /// Every tag and the commit it names (annotated tags peeled), without walking history.
    public func tagCommits() throws(GitError) -> [String: String] {
        let text = try git(["for-each-ref", "--format=%(refname:strip=2)%00%(objectname)%00%(*objectname)", "refs/tags/"]).text
        var result: [String: String] = [:]
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: "\0", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 3 else { continue }
            result[fields[0]] = fields[2].isEmpty ? fields[1] : fields[2]
        }
        return result
    }

    /// The checked-out branch, or `nil` on a detached HEAD.
    public func currentBranch() throws(GitError) -> String? {
        let output = try gitUnchecked(["symbolic-ref", "--quiet", "--short", "HEAD"])
        return output.status.isSuccess ? output.trimmedText : nil
    }

    /// The file's text at a commit, or `nil` when it does not exist there.
    public func show(_ path: String, at ref: String) throws(GitError) -> Data? {
        let output = try gitUnchecked(["show", "\(ref):\(path)"])
        return output.status.isSuccess ? output.stdout : nil
    }

    /// `git config --get KEY`, or `nil`.
    public func config(_ key: String) throws(GitError) -> String? {
        let output = try gitUnchecked(["config", "--get", key])
        return output.status.isSuccess ? output.trimmedText : nil
    }
}
