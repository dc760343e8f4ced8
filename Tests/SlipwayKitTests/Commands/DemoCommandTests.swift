import Foundation
import Testing
@testable import SlipwayKit

@Suite struct DemoCommandTests {
    @Test func noConsolePrintsTheRepositoryPathAndExitsZero() throws {
        let folder = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("slipway-cli-demo-\(UUID().uuidString.prefix(8))")
            .resolvingSymlinksInPath().path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = try SlipwayBinary.run(["demo", "--no-console", "--dir", folder])
        #expect(result.code == 0, "\(result.stderr)")
        #expect(result.stdout == folder + "/acme-web\n")

        let next = try SlipwayBinary.run(["next-version", "--repo", folder + "/acme-web", "--short"])
        #expect(next.stdout == "2.0.0\n")

        let twice = try SlipwayBinary.run(["demo", "--no-console", "--dir", folder])
        #expect(twice.code == 2)
        #expect(twice.stdout.isEmpty)
        #expect(twice.stderr.contains("is not empty"))
    }

    @Test func withoutATerminalTheDefaultFolderIsUnderTMPDIR() throws {
        let tmp = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("slipway-cli-tmp-\(UUID().uuidString.prefix(8))")
            .resolvingSymlinksInPath().path
        try FileManager.default.createDirectory(atPath: tmp, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: tmp) }
        let result = try SlipwayBinary.run(["demo"], environment: ["TMPDIR": tmp])
        #expect(result.code == 0, "\(result.stderr)")
        let path = result.stdout.trimmingCharacters(in: .newlines)
        #expect(path.hasPrefix(tmp + "/slipway-demo-") && path.hasSuffix("/acme-web"))
        #expect(!result.stdout.contains("open it with"))
        #expect(FileManager.default.fileExists(atPath: path + "/CHANGELOG.md"))
    }
}
