import Foundation
import Testing
@testable import SlipwayKit

/// Two mutating commands at once on one clone: each either does its work or is refused naming the other (exit 1)
/// — never both "succeed" with one silently undoing the other — and what the environment runs afterwards is what
/// the last successful action in the audit trail says.
@Suite(.serialized) struct ConcurrentRunTests {
    static let pairs: [(String, [String], [String])] = [
        ("promote and rollback of one environment", ["env", "promote", "staging"], ["env", "rollback", "staging", "--confirm", "staging"]),
        ("rollback and hold of one environment", ["env", "rollback", "staging", "--confirm", "staging"], ["env", "hold", "staging", "--version", "1.2.0"]),
        ("promotions of two environments", ["env", "promote", "staging"], ["env", "promote", "production", "--confirm", "production"]),
        ("a release and a hotfix", ["release", "prepare"], ["hotfix", "start", "--from", "v1.2.0", "--version", "1.2.2"]),
    ]

    func both(_ box: KillDemo, _ first: [String], _ second: [String]) -> [(code: Int32?, stdout: String, stderr: String)] {
        let results = LockedArray<(code: Int32?, stdout: String, stderr: String)?>(repeating: nil, count: 2)
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            results.set(index, try? box.slipway(index == 0 ? first : second))
        }
        return results.values.map { $0 ?? (nil, "", "did not run") }
    }

    @Test(arguments: pairs.indices)
    func twoMutatingCommandsAtOnceNeverBothPretendToSucceed(_ index: Int) throws {
        let (name, first, second) = Self.pairs[index]
        for round in 0..<3 {
            let box = try KillDemo()
            defer { box.remove() }
            if first.contains("rollback") { _ = try box.slipway(["env", "promote", "staging"]) }
            let results = both(box, first, second)
            for (result, command) in zip(results, [first, second]) {
                #expect(result.code == 0 || result.code == 1, "\(name), round \(round), \(command): \(result.stderr)")
                if result.code == 1 {
                    #expect(result.stderr.contains("is busy") || result.stderr.contains("first") || result.stderr.contains("held")
                            || result.stderr.contains("already") || result.stderr.contains("look at"),
                            "\(name), round \(round), \(command) refused in words: \(result.stderr)")
                }
                #expect(!result.stderr.contains("fatal:") || result.code == 1, "no raw git error: \(result.stderr)")
            }
            try expectTheAuditTellsTheTruth(box, "\(name), round \(round)")
        }
    }

    /// For each environment, the last `ok` promotion or rollback in the audit trail names the version it runs.
    func expectTheAuditTellsTheTruth(_ box: KillDemo, _ label: String) throws {
        let audit = try box.slipway(["audit", "--json"])
        let entries = try JSONParser.parse(Data(audit.stdout.utf8))["entries"]?.arrayValue ?? []
        for name in ["staging", "production"] {
            let last = entries.last {
                $0["target"]?.stringValue == name && $0["outcome"]?.stringValue == "ok"
                    && ["env.promote", "env.rollback"].contains($0["action"]?.stringValue ?? "")
            }
            guard let version = last?["version"]?.stringValue else { continue }
            #expect(try box.environment(name).version == version, "\(label): \(name) runs what its last audited action deployed")
        }
    }
}
