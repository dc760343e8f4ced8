import Foundation
import Testing
@testable import SlipwayKit

@Suite struct VersionProposalJSONTests {
    /// The commit dates in `--json` are exactly what Foundation's RFC 3339 formatter writes, across leap years,
    /// century rules, the epoch and before it.
    @Test func commitDatesMatchFoundationsInternetDateTime() {
        var seconds: [Int] = [0, -1, -86_400, -86_401, 951_782_400, 951_868_799, 4_107_542_400, 1_767_603_600, 253_402_300_799]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 { seconds.append(Int.random(in: -2_208_988_800...4_102_444_800, using: &generator)) }
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.formatOptions = [.withInternetDateTime]
        for value in seconds {
            let expected = formatter.string(from: Date(timeIntervalSince1970: TimeInterval(value)))
            #expect(ClassifiedCommit.internetDateTime(value) == expected, "\(value)")
        }
    }
}
