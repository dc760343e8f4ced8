import Foundation
import Testing
@testable import SlipwayKit

/// `slipway history` as a user runs it, and the backport commands' refusals from the command line.
@Suite struct HistoryCommandTests {
    @Test func historyPrintsTheReleasesAndRefusesABadLimit() throws {
        let repository = try TestRepository()
        defer { repository.cleanUp() }
        try repository.commit("feat: first")
        var result = try SlipwayBinary.run(["history", "--repo", repository.root])
        #expect(result.code == 0 && result.stdout == "no releases yet (no tag of the form vX.Y.Z)\n", "\(result.stdout)")
        try repository.tag("v1.0.0", annotated: true)
        try repository.commit("fix: second")
        try repository.tag("v1.0.1", annotated: true)
        result = try SlipwayBinary.run(["history", "--json", "--repo", repository.root])
        #expect(result.code == 0)
        let json = try JSONParser.parse(Data(result.stdout.utf8))
        guard case .array(let releases)? = json["releases"] else { Issue.record("\(result.stdout)"); return }
        #expect(releases.map { $0["tag"] } == [.string("v1.0.1"), .string("v1.0.0")])
        #expect(releases.first?["inProductionAt"] == .null && releases.first?["leadTimeSeconds"] == .null, "no environments: unknown")
        for limit in ["0", "501", "-3", "many"] {
            result = try SlipwayBinary.run(["history", "--limit", limit, "--repo", repository.root])
            #expect(result.code == 2 && result.stderr.contains("is not a number from 1 to 500"), "--limit \(limit): \(result.stderr)")
        }
    }

    @Test func backportCommandsWithoutABackportSayWhatToRunFirst() throws {
        let repository = try TestRepository()
        defer { repository.cleanUp() }
        try repository.commit("feat: first")
        for action in ["approve-backport", "merge-backport"] {
            let result = try SlipwayBinary.run(["hotfix", action, "1.0.1", "--repo", repository.root])
            #expect(result.code != 0, "\(action): \(result.stdout)")
            #expect(result.stderr.hasPrefix("slipway: "), "\(action): \(result.stderr)")
        }
        let bad = try SlipwayBinary.run(["hotfix", "merge-backport", "--", "-1", "--repo", repository.root])
        #expect(bad.code == 2, "\(bad.stderr)")
    }
}
