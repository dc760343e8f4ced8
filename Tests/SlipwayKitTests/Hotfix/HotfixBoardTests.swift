import Foundation
import Testing
@testable import SlipwayKit

/// The board's order and its text, from rows alone.
@Suite struct HotfixBoardTests {
    static func row(_ patch: UInt64, _ attention: HotfixBoardRow.Attention, daysOld: Double) -> HotfixBoardRow {
        HotfixBoardRow(version: SemanticVersion(major: 1, minor: 0, patch: VersionNumber(patch)), tag: "v1.0.\(patch)", branch: "hotfix/v1.0.\(patch)",
                       baseTag: "v1.0.0", commits: [.init(sha: "abc1234", subject: "fix: crash", onMain: nil)], patchOnly: "ok", flaggedCommits: [], overrideReason: nil, prepared: true,
                       techLeadApproval: nil, otherApprovals: [], merged: false, tagged: false, published: "blocked",
                       publishedDetail: "not tagged yet", backported: false, missingOnMain: 1, changelogOnMain: false,
                       backportBranchOpen: false, startedAt: Date(timeIntervalSince1970: 1_000_000 - daysOld * 86_400),
                       problems: [], attention: attention, next: "`slipway hotfix approve 1.0.\(patch)`")
    }

    @Test func whatNeedsAttentionComesFirstThenTheOldest() {
        let now = Date(timeIntervalSince1970: 1_000_000)
        let board = HotfixBoard(rows: [Self.row(1, .done, daysOld: 30), Self.row(2, .inProgress, daysOld: 1),
                                       Self.row(3, .awaitingLeadApproval, daysOld: 1), Self.row(4, .awaitingLeadApproval, daysOld: 3),
                                       Self.row(5, .notBackported, daysOld: 9), Self.row(6, .problem, daysOld: 0)],
                                warnings: [], now: now)
        #expect(board.rows.map(\.version.patch) == [6, 4, 3, 5, 2, 1])
        let lines = board.text.split(separator: "\n").map(String.init)
        #expect(lines[0].hasPrefix("VERSION  BASE    BRANCH  PATCH  LEAD APPROVAL"))
        #expect(lines[2].hasPrefix("1.0.4    v1.0.0  open    ok     -"))
        #expect(lines[2].hasSuffix("no (1 missing)  3d"))
        guard case .array(let rows)? = board.json["hotfixes"] else { Issue.record("no rows"); return }
        #expect(rows[1]["attention"] == .string("awaiting-lead-approval"))
        #expect(rows[1]["ageSeconds"] == .number(3 * 86_400))
        #expect(rows[1]["actions"] == .array([.string("approve")]))
        #expect(board.rows.map(\.actions) == [[], ["approve"], ["approve"], ["backport"], ["prepare"], []])
    }
}
