import Foundation
import SlipwayKit

/// A real git repository in a temporary folder with a release and commits of every group since:
/// breaking, features, fixes, other and two non-conventional ones.
final class FixtureRepository: @unchecked Sendable {
    let root: String
    private var tick = 0

    static let environment: [String: String] = [
        "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null", "TZ": "UTC",
        "GIT_AUTHOR_NAME": "Ada Release", "GIT_AUTHOR_EMAIL": "ada@example.com",
        "GIT_COMMITTER_NAME": "Ada Release", "GIT_COMMITTER_EMAIL": "ada@example.com",
    ]

    /// Newest last, as they are committed after `v1.4.0`.
    static let unreleased = [
        "feat(api): add the search endpoint",
        "fix(ui): stop the login flicker",
        "feat!: drop the v1 API\n\nBREAKING CHANGE: /v1 is gone",
        "docs: explain the release steps",
        "update stuff",
        "WIP tweak build 日本語",
        "perf(db): index the release lookups",
    ]

    init(commits: [String] = FixtureRepository.unreleased) throws {
        let base = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("slipway-tui-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        root = base.resolvingSymlinksInPath().path
        try git(["init", "-q", "-b", "main"])
        try commit("feat: first release")
        try git(["tag", "v1.4.0"])
        for message in commits { try commit(message) }
    }

    var runner: CommandRunner {
        CommandRunner(baseEnvironment: ProcessInfo.processInfo.environment.merging(Self.environment) { $1 })
    }

    @discardableResult
    func git(_ arguments: [String]) throws -> String {
        let date = "2026-01-01T00:\(String(format: "%02d", tick / 60 % 60)):\(String(format: "%02d", tick % 60))Z"
        let output = try runner.run(CommandInvocation(["git"] + arguments, in: root,
                                                      environment: ["GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date]))
        return output.trimmedText
    }

    @discardableResult
    func commit(_ message: String) throws -> String {
        tick += 1
        try git(["commit", "-q", "--allow-empty", "-m", message])
        return try git(["rev-parse", "HEAD"])
    }

    func sha(of subject: String) throws -> String {
        try git(["log", "--format=%H", "--grep", "^" + NSRegularExpression.escapedPattern(for: subject), "-n", "1"])
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }
}
