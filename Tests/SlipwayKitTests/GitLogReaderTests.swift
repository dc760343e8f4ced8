import Foundation
import Testing
@testable import SlipwayKit

@Suite struct GitLogReaderTests {
    @Test func readsEveryFieldInOnePass() throws {
        let repo = try TestRepository()
        let first = try repo.commit("chore: init")
        repo.identity = ("Lin Lead", "lin@example.com")
        let second = try repo.commit("feat(api): add x\n\nBody with \u{1F} unit separator and 日本語.\n\nRefs: #1")
        let log = CommandLog()
        let repository = try GitRepository.open(repo.root, runner: CommandRunner(log: log, baseEnvironment: ProcessInfo.processInfo.environment.merging(TestRepository.environment) { $1 }))
        let commits = try GitLogReader.read(repository, range: ["HEAD"])
        #expect(commits.map(\.sha) == [second, first])
        #expect(commits[0].authorName == "Lin Lead" && commits[0].authorEmail == "lin@example.com")
        #expect(commits[0].parents == [first])
        #expect(commits[1].parents.isEmpty)
        #expect(commits[0].authorTime > commits[1].authorTime)
        #expect(commits[0].message.conventional?.body == "Body with \u{1F} unit separator and 日本語.")
        #expect(commits[0].message.conventional?.footers.first?.value == "#1")
        #expect(log.entries.filter { $0.arguments.contains("log") }.count == 1)
    }

    @Test func splitterHandlesRecordsAcrossChunks() {
        var splitter = RecordSplitter()
        var records: [String] = []
        let stream = Array("one\0two-is-longer\0three".utf8)
        for chunkSize in [1, 2, 5] {
            records = []
            splitter = RecordSplitter()
            var index = 0
            while index < stream.count {
                let end = min(index + chunkSize, stream.count)
                stream[index..<end].withUnsafeBytes { splitter.feed($0) { records.append(String(decoding: $0, as: UTF8.self)) } }
                index = end
            }
            splitter.finish { records.append(String(decoding: $0, as: UTF8.self)) }
            #expect(records == ["one", "two-is-longer", "three"])
        }
    }

    @Test func readsThousandsOfCommits() throws {
        let repo = try TestRepository()
        // fast-import: 3,000 commits in one process.
        var stream = ""
        for index in 1...3_000 {
            let message = index % 7 == 0 ? "feat: item \(index)\n\nBREAKING CHANGE: x\n" : "fix: item \(index)\n"
            stream += "commit refs/heads/main\ncommitter A <a@x> \(1_700_000_000 + index) +0000\ndata \(message.utf8.count)\n\(message)\n"
        }
        _ = try repo.runner.run(CommandInvocation(["git", "fast-import", "--quiet"], in: repo.root, input: Data(stream.utf8)))
        let commits = try GitLogReader.read(try repo.repository(), range: ["main"])
        #expect(commits.count == 3_000)
        #expect(commits.filter { $0.message.conventional?.isBreaking == true }.count == 428)
    }

    /// Bytes that are not UTF-8 (a Latin-1 name, a stray 0xFF in a message) are data: the commit is read, the bad
    /// bytes become U+FFFD, and every field still lands in its place.
    @Test func readsRecordsWithBytesThatAreNotUTF8() throws {
        let repo = try TestRepository()
        var stream = Data("commit refs/heads/main\nauthor Jos".utf8) + Data([0xE9]) + Data(" <jose@example.com> 1700000000 +0000\n".utf8)
        stream += Data("committer A <a@x> 1700000000 +0000\n".utf8)
        let message = Data("feat(caf".utf8) + Data([0xE9]) + Data("): add \u{1}x\n\nBody ".utf8) + Data([0xFF]) + Data("\n\nBREAKING CHANGE: gone\n".utf8)
        stream += Data("data \(message.count)\n".utf8) + message + Data("\n".utf8)
        _ = try repo.runner.run(CommandInvocation(["git", "fast-import", "--quiet"], in: repo.root, input: stream))
        let commits = try GitLogReader.read(try repo.repository(), range: ["main"])
        #expect(commits.count == 1)
        let commit = try #require(commits.first)
        #expect(commit.authorName == "Jos\u{FFFD}")
        #expect(commit.authorEmail == "jose@example.com")
        #expect(commit.authorTime == 1_700_000_000)
        #expect(commit.sha.count == 40 && commit.parents.isEmpty)
        #expect(commit.message.conventional?.scope == "caf\u{FFFD}")
        #expect(commit.message.conventional?.description == "add x", "control bytes never reach the changelog or the screen")
        #expect(commit.message.conventional?.isBreaking == true)
        #expect(commit.message.conventional?.body == "Body \u{FFFD}")
    }

    /// A commit read from `git log` (its fields slices of one record) equals, and hashes as, the same commit built
    /// field by field.
    @Test func aReadCommitEqualsOneBuiltFromItsFields() throws {
        let repo = try TestRepository()
        _ = try repo.commit("chore: init")
        _ = try repo.commit("fix(api): handle \"quotes\" and tabs\t\n\nBody.\n\nRefs: #2")
        let read = try GitLogReader.read(try repo.repository(), range: ["HEAD"])[0]
        let built = GitCommit(sha: read.sha, parents: read.parents, authorName: read.authorName, authorEmail: read.authorEmail,
                              authorTime: read.authorTime, message: CommitMessage(parsing: "fix(api): handle \"quotes\" and tabs\t\n\nBody.\n\nRefs: #2"))
        #expect(read == built)
        #expect(read.hashValue == built.hashValue)
        #expect(read.shortSHA == String(read.sha.prefix(7)))
        #expect(read.message.subject == "fix(api): handle \"quotes\" and tabs")
        #expect(Set([read, built]).count == 1)
    }

    /// Without bodies, a message keeps its header only when nothing after it can change the bump; a breaking
    /// footer, a revert, a squash list or a CR keep the whole message, and the classification is the same either way.
    @Test func withoutBodiesOnlyMessagesThatCannotMatterLoseTheirBody() throws {
        let repo = try TestRepository()
        let plain = try repo.commit("fix(api): plain\n\nA body that does not matter.\n\nRefs: #1")
        let breaking = try repo.commit("feat: new\n\nBody.\n\nBREAKING CHANGE: the old one is gone")
        let revert = try repo.commit("Revert \"fix(api): plain\"\n\nThis reverts commit \(plain).")
        let lower = try repo.commit("revert: fix(api): plain\n\nRefs: \(plain)")
        let squash = try repo.commit("chore: merge work\n\n* feat: one\n* fix: two")
        try repo.git(["commit", "-q", "--allow-empty", "--cleanup=verbatim", "-m", "fix: windows\r\n\r\nBody.\r\n"])
        let crlf = try repo.git(["rev-parse", "HEAD"])
        let blankFirst = try repo.commit("docs: words\n\n\n  indented body")
        let repository = try repo.repository()
        let whole = try GitLogReader.read(repository, range: ["HEAD"])
        var lean: [GitCommit] = []
        try GitLogReader.stream(repository, range: ["HEAD"], bodies: false) { lean.append($0) }
        let bySHA = Dictionary(uniqueKeysWithValues: lean.map { ($0.sha, $0) })
        #expect(bySHA[plain]?.message.isBodyOmitted == true)
        #expect(bySHA[plain]?.message.conventional?.body == nil)
        #expect(bySHA[plain]?.message.subject == "fix(api): plain")
        #expect(bySHA[blankFirst]?.message.isBodyOmitted == true)
        for kept in [breaking, revert, lower, squash, crlf] {
            #expect(bySHA[kept]?.message.isBodyOmitted == false, "\(kept)")
        }
        #expect(bySHA[breaking]?.message.conventional?.breakingNotes == ["the old one is gone"])
        #expect(whole.allSatisfy { !$0.message.isBodyOmitted })
        let classifier = CommitClassifier()
        let wholeLevels = classifier.classify(whole).map { [$0.sha, $0.level.name, $0.reason] }
        let leanLevels = classifier.classify(lean).map { [$0.sha, $0.level.name, $0.reason] }
        #expect(wholeLevels == leanLevels)
        #expect(classifier.classify(lean).first { $0.sha == plain }?.cancelledBy == revert)
    }
}
