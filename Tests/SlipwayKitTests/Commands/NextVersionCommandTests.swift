import Foundation
import Testing
@testable import SlipwayKit

/// A throwaway repository for the CLI tests, made with plain git.
struct Sandbox {
    let root: String
    private let runner = CommandRunner()

    init() throws {
        root = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("slipway-cli-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        try git("init", "-q", "-b", "main")
    }

    @discardableResult
    func git(_ arguments: String...) throws -> String {
        let env = ["GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null", "GIT_AUTHOR_NAME": "Ada",
                   "GIT_AUTHOR_EMAIL": "ada@example.com", "GIT_COMMITTER_NAME": "Ada", "GIT_COMMITTER_EMAIL": "ada@example.com"]
        return try runner.run(CommandInvocation(["git"] + arguments, in: root, environment: env)).trimmedText
    }

    func commit(_ message: String) throws { try git("commit", "-q", "--allow-empty", "-m", message) }

    func remove() { try? FileManager.default.removeItem(atPath: root) }
}

@Suite struct NextVersionCommandTests {
    @Test func jsonCarriesTheContract() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.commit("chore: init")
        try box.git("tag", "v1.2.3")
        try box.commit("feat(api): add search")
        try box.commit("fix: crash\n\nBREAKING CHANGE: the crash is now an error")
        try box.commit("tidy up")
        let result = try SlipwayBinary.run(["next-version", "--repo", box.root, "--json"])
        #expect(result.code == 0, "\(result.stderr)")
        let json = try JSONParser.parse(Array(result.stdout.utf8))
        #expect(json["current"] == .string("1.2.3"))
        #expect(json["next"] == .string("2.0.0"))
        #expect(json["bump"] == .string("major"))
        guard case .array(let commits)? = json["commits"] else { Issue.record("no commits array"); return }
        #expect(commits.count == 3)
        let breaking = commits[1]
        #expect(breaking["type"] == .string("fix"))
        #expect(breaking["breaking"] == .bool(true))
        #expect(breaking["level"] == .string("major"))
        #expect(breaking["scope"] == .null)
        if case .string(let reason)? = breaking["reason"] { #expect(reason.contains("BREAKING CHANGE footer")) }
        if case .string(let sha)? = breaking["sha"] { #expect(sha.count == 40) } else { Issue.record("no sha") }
        #expect(commits[2]["scope"] == .string("api"))
        #expect(commits[0]["kind"] == .string("non-conventional"))
    }

    /// `next-version --json` and `changes --json` write their commits out one by one, in slices on both cores:
    /// the text must be exactly the document the model renders, across more commits than one slice holds, with
    /// revert pairs, breaking notes, merges, quotes and non-ASCII text in it.
    @Test func streamedJSONIsTheRenderedDocument() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.commit("chore: init")
        try box.git("tag", "v0.4.0")
        var stream = ""
        for index in 1...4_500 {
            let message: String
            switch index % 9 {
            case 0: message = "feat(ui): page \(index) with \"quotes\" and 日本語\n\nBody line.\n\nRefs: #\(index)\n"
            case 1: message = "fix: item \(index)\n\nBREAKING CHANGE: item \(index) changed\n"
            case 2: message = "update readme \(index)\n"
            case 3: message = "docs: tab\there \(index)\n"
            default: message = "fix(api): bug \(index)\n"
            }
            stream += "commit refs/heads/main\ncommitter Zoë <z@example.com> \(1_700_000_000 + index) +0000\ndata \(message.utf8.count)\n\(message)\n"
            if index == 1 { stream += "from refs/heads/main^0\n" }
        }
        _ = try CommandRunner().run(CommandInvocation(["git", "fast-import", "--quiet"], in: box.root, input: Data(stream.utf8)))
        try box.git("reset", "-q", "--hard", "main")
        let target = try box.git("rev-parse", "HEAD~3")
        try box.commit("Revert \"fix(api): bug\"\n\nThis reverts commit \(target).")
        try box.git("checkout", "-q", "-b", "topic", "HEAD~2")
        try box.commit("feat: on a branch")
        try box.git("checkout", "-q", "main")
        try box.git("merge", "-q", "--no-ff", "-m", "Merge branch 'topic'", "topic")

        let repository = try GitRepository.open(box.root, runner: CommandRunner(baseEnvironment: ProcessInfo.processInfo.environment.merging(TestRepository.environment) { $1 }))
        let proposal = try VersionPlanner(repository: repository, config: try SlipwayConfig.load(repository: repository)).propose()
        #expect(proposal.commits.count > 4_500)
        #expect(proposal.commits.contains { $0.cancelledBy != nil })
        let nextVersion = try SlipwayBinary.run(["next-version", "--repo", box.root, "--json"])
        #expect(nextVersion.code == 0, "\(nextVersion.stderr)")
        #expect(nextVersion.stdout == PrettyJSON.render(proposal.json(includingCommits: true, charts: [])) + "\n")
        let changes = try SlipwayBinary.run(["changes", "--repo", box.root, "--json"])
        #expect(changes.code == 0, "\(changes.stderr)")
        #expect(changes.stdout == PrettyJSON.render(proposal.changesJSON) + "\n")
    }

    @Test func textExplainsAndShortPrintsTheVersion() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.commit("chore: init")
        try box.git("tag", "v0.4.0")
        try box.commit("feat!: new config format")
        let text = try SlipwayBinary.run(["next-version"], in: box.root)
        #expect(text.stdout.contains("0.4.0 → 0.5.0"))
        #expect(text.stdout.contains("major version is 0"))
        #expect(text.stdout.contains("feat!: new config format"))
        #expect(try SlipwayBinary.run(["next-version", "--short", "--repo", box.root]).stdout == "0.5.0\n")
        #expect(try SlipwayBinary.run(["next-version", "--short", "--pre", "rc", "--repo", box.root]).stdout == "0.5.0-rc.1\n")
    }

    @Test func badInputIsOneLineAndExitTwo() throws {
        let box = try Sandbox()
        defer { box.remove() }
        let empty = try SlipwayBinary.run(["next-version", "--repo", box.root])
        #expect(empty.code == 2)
        #expect(empty.stderr.contains("has no commits yet"))
        try box.commit("chore: init")
        let cases: [([String], String)] = [
            (["next-version", "--repo", "/nonexistent/place"], "is not a git repository"),
            (["next-version", "--repo", box.root, "--to", "nope"], "'nope' is not a branch, tag or commit"),
            (["next-version", "--repo", box.root, "--bogus"], "unknown option '--bogus'"),
            (["next-version", "--repo", box.root, "--pre"], "--pre needs a value"),
            (["next-version", "--repo", box.root, "--pre", "r c"], "not a valid pre-release identifier"),
            (["no-such-command"], "unknown command"),
        ]
        for (arguments, message) in cases {
            let result = try SlipwayBinary.run(arguments)
            #expect(result.code == 2, "\(arguments)")
            #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
            #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
        }
    }

    @Test func gitMissingFromPathIsNamed() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.commit("chore: init")
        let result = try SlipwayBinary.run(["next-version", "--repo", box.root], environment: ["PATH": "/nonexistent"])
        #expect(result.code == 1, "a tool that cannot run is a failure, not bad input")
        #expect(result.stderr.contains("git was not found on PATH"))
    }

    @Test func badConfigNamesTheKeyPath() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.commit("chore: init")
        try Data(#"{"bump": {"types": {"feat": "huge"}}}"#.utf8).write(to: URL(fileURLWithPath: box.root + "/.slipway.json"))
        let result = try SlipwayBinary.run(["next-version", "--repo", box.root])
        #expect(result.code == 2)
        #expect(result.stderr.contains(".slipway.json: bump.types.feat: 'huge' is not one of major, minor, patch, none"))
        try Data(#"{"tagPrefx": "v"}"#.utf8).write(to: URL(fileURLWithPath: box.root + "/.slipway.json"))
        #expect(try SlipwayBinary.run(["next-version", "--repo", box.root]).stderr.contains("tagPrefx: unknown key"))
        try Data("{\n  \"tagPrefix\": \"v\",\n}".utf8).write(to: URL(fileURLWithPath: box.root + "/.slipway.json"))
        #expect(try SlipwayBinary.run(["next-version", "--repo", box.root]).stderr.contains("line 3, column 1"))
    }
}

@Suite struct ChangesCommandTests {
    @Test func groupsWithCounts() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.commit("chore: init")
        try box.git("tag", "v1.0.0")
        for message in ["feat: a", "feat(ui): b", "fix: c", "docs: d", "random", "refactor!: e"] { try box.commit(message) }
        let text = try SlipwayBinary.run(["changes", "--repo", box.root])
        #expect(text.stdout.contains("Breaking (1)\n"))
        #expect(text.stdout.contains("Features (2)\n"))
        #expect(text.stdout.contains("Fixes (1)\n"))
        #expect(text.stdout.contains("Other (1)\n"))
        #expect(text.stdout.contains("Not conventional (1)\n"))
        let json = try JSONParser.parse(Array(try SlipwayBinary.run(["changes", "--json", "--repo", box.root]).stdout.utf8))
        #expect(json["counts"]?["features"] == .number(2))
        #expect(json["counts"]?["not-conventional"] == .number(1))
    }
}

@Suite struct SemverCommandTests {
    @Test func checkPrintsOneLinePerVersion() throws {
        let result = try SlipwayBinary.run(["semver", "check", "1.0.0", "1.0", "2.0.0-rc.1+b"])
        #expect(result.code == 1)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[0] == "valid" && lines[2] == "valid")
        #expect(lines[1].hasPrefix("invalid") && lines[1].contains("patch number is missing"))
        #expect(try SlipwayBinary.run(["semver", "check", "1.2.3"]).code == 0)
    }

    @Test func sortOrdersByPrecedenceAndNamesInvalidOnes() throws {
        let result = try SlipwayBinary.run(["semver", "sort", "1.0.0", "1.0.0-beta.11", "1.0.0-alpha", "1.0.0-beta.2", "1.0.0-rc.1", "v2", "1.0.0-alpha.1"])
        #expect(result.stdout == "1.0.0-alpha\n1.0.0-alpha.1\n1.0.0-beta.2\n1.0.0-beta.11\n1.0.0-rc.1\n1.0.0\n")
        #expect(result.code == 2)
        #expect(result.stderr.contains("'v2' is not a SemVer version"))
        #expect(try SlipwayBinary.run(["semver", "sort"]).code == 2)
        #expect(try SlipwayBinary.run(["semver", "--help"]).stdout.contains("usage: slipway semver"))
    }
}
