import Foundation
@testable import SlipwayKit

/// A throwaway git repository in a temporary folder, with a fixed identity and no system git config.
final class TestRepository: @unchecked Sendable {
    let root: String
    var identity = (name: "Ada Release", email: "ada@example.com")
    private var tick = 0

    /// Variables every git in the tests runs with: no system config, stable dates, and no search for a
    /// repository above the temporary folder (CI keeps `TMPDIR` inside its checkout).
    static let environment: [String: String] = [
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_CONFIG_GLOBAL": "/dev/null",
        "TZ": "UTC",
        "GIT_CEILING_DIRECTORIES": URL(fileURLWithPath: NSTemporaryDirectory()).resolvingSymlinksInPath().path,
    ]

    init(branch: String = "main", bare: Bool = false) throws {
        root = try TestRepository.makeTemporaryFolder()
        try git(["init", "-q", "-b", branch] + (bare ? ["--bare"] : []))
    }

    /// A clone of `remote` (which must outlive it).
    init(cloneOf remote: TestRepository) throws {
        root = try TestRepository.makeTemporaryFolder()
        try git(["clone", "-q", remote.root, "."])
    }

    /// A folder under `$TMPDIR` removed by `cleanUp()`.
    static func makeTemporaryFolder(_ name: String = "slipway-test") throws -> String {
        let base = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("\(name)-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        return base.resolvingSymlinksInPath().path
    }

    var runner: CommandRunner { CommandRunner(baseEnvironment: ProcessInfo.processInfo.environment.merging(Self.environment) { $1 }) }

    func repository() throws -> GitRepository { try GitRepository.open(root, runner: runner) }

    /// The repository as Slipway sees it when `identity` runs it (git commits, notes and tags as that person).
    func repository(as identity: (name: String, email: String), log: CommandLog? = nil, path: String? = nil) throws -> GitRepository {
        var environment = ProcessInfo.processInfo.environment.merging(Self.environment) { $1 }
        environment["GIT_AUTHOR_NAME"] = identity.name
        environment["GIT_AUTHOR_EMAIL"] = identity.email
        environment["GIT_COMMITTER_NAME"] = identity.name
        environment["GIT_COMMITTER_EMAIL"] = identity.email
        if let path { environment["PATH"] = path }
        return try GitRepository.open(root, runner: CommandRunner(log: log, baseEnvironment: environment))
    }

    /// A bare repository to serve as `origin`, and this repository cloned from it.
    static func withRemote() throws -> (remote: TestRepository, clone: TestRepository) {
        let remote = try TestRepository(bare: true)
        let clone = try TestRepository()
        try clone.git(["remote", "add", "origin", remote.root])
        return (remote, clone)
    }

    /// Runs git in the repository with the test identity and a date that moves one minute per commit.
    @discardableResult
    func git(_ arguments: [String], in folder: String? = nil) throws -> String {
        let date = "2026-01-01T00:\(String(format: "%02d", tick / 60 % 60)):\(String(format: "%02d", tick % 60))Z"
        let environment = [
            "GIT_AUTHOR_NAME": identity.name, "GIT_AUTHOR_EMAIL": identity.email,
            "GIT_COMMITTER_NAME": identity.name, "GIT_COMMITTER_EMAIL": identity.email,
            "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date,
        ]
        let output = try runner.run(CommandInvocation(["git"] + arguments, in: folder ?? root, environment: environment))
        return output.trimmedText
    }

    /// Runs git with `input` on its standard input; returns its output trimmed.
    @discardableResult
    func git(_ arguments: [String], input: String) throws -> String {
        try runner.run(CommandInvocation(["git"] + arguments, in: root, environment: [
            "GIT_AUTHOR_NAME": identity.name, "GIT_AUTHOR_EMAIL": identity.email,
            "GIT_COMMITTER_NAME": identity.name, "GIT_COMMITTER_EMAIL": identity.email,
        ], input: Data(input.utf8))).trimmedText
    }

    /// An empty commit with `message`; returns its sha.
    @discardableResult
    func commit(_ message: String) throws -> String {
        tick += 1
        try git(["commit", "-q", "--allow-empty", "-m", message])
        return try git(["rev-parse", "HEAD"])
    }

    /// Writes `text` to `path` (relative to the root) and commits it.
    @discardableResult
    func commitFile(_ path: String, _ text: String, message: String) throws -> String {
        try write(path, text)
        tick += 1
        try git(["add", "--", path])
        try git(["commit", "-q", "-m", message])
        return try git(["rev-parse", "HEAD"])
    }

    func write(_ path: String, _ text: String) throws {
        let url = URL(fileURLWithPath: root).appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func read(_ path: String) throws -> String {
        try String(contentsOfFile: root + "/" + path, encoding: .utf8)
    }

    func tag(_ name: String, annotated: Bool = false) throws {
        if annotated {
            try git(["tag", "-a", name, "-m", "Release \(name)"])
        } else {
            try git(["tag", name])
        }
    }

    func cleanUp() {
        try? FileManager.default.removeItem(atPath: root)
    }

    deinit { cleanUp() }
}
