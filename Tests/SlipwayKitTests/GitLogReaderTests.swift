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
}
