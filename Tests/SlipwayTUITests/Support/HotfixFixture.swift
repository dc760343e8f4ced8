import Foundation
@testable import SlipwayKit
@testable import SlipwayTUI

/// A hand-made hotfix board: no git, the same screen every run.
enum HotfixFixture {
    static let now = Date(timeIntervalSince1970: 1_768_435_200)

    static func version(_ text: String) -> SemanticVersion {
        (try? SemanticVersion(parsing: text)) ?? SemanticVersion(major: 0, minor: 0, patch: 0)
    }

    static func row(_ text: String, base: String, attention: HotfixBoardRow.Attention, commits: [HotfixBoardRow.Commit],
                    lead: String? = "Lin Lead <lead@acme.example>", merged: Bool = false, tagged: Bool = false,
                    published: String = "blocked", patchOnly: String = "ok", flagged: [String] = [], days: Double,
                    next: String) -> HotfixBoardRow {
        let missing = commits.filter { $0.onMain == nil }.count
        return HotfixBoardRow(
            version: version(text), tag: "v" + text, branch: tagged ? nil : "hotfix/v" + text, baseTag: base, commits: commits,
            patchOnly: patchOnly, flaggedCommits: flagged, overrideReason: nil, prepared: attention != .inProgress, techLeadApproval: lead,
            otherApprovals: lead == nil ? ["ada@acme.example (author)"] : [], merged: merged, tagged: tagged, published: published,
            publishedDetail: tagged ? "published" : "not tagged yet", backported: missing == 0, missingOnMain: missing,
            changelogOnMain: missing == 0, backportBranchOpen: false, startedAt: now.addingTimeInterval(-days * 86_400),
            problems: [], attention: attention, next: next)
    }

    static let board = HotfixBoard(rows: [
        row("1.1.1", base: "v1.1.0", attention: .done,
            commits: [.init(sha: "7f3c2a1" + String(repeating: "0", count: 33), subject: "fix(api): report not ready while migrations run",
                            onMain: "same patch as 9b1d4e2 (git cherry)")],
            merged: true, tagged: true, published: "done", days: 40, next: "nothing"),
        row("1.2.1", base: "v1.2.0", attention: .readyToMerge,
            commits: [.init(sha: "0e388a9" + String(repeating: "0", count: 33), subject: "fix(api): time out the readiness check after two seconds",
                            onMain: nil)],
            days: 2, next: "`slipway hotfix merge 1.2.1`"),
        row("1.0.2", base: "v1.0.1", attention: .notPatchOnly,
            commits: [.init(sha: "c0ffee1" + String(repeating: "0", count: 33), subject: "feat(auth): remember the last login", onMain: nil)],
            lead: nil, patchOnly: "flagged", flagged: ["c0ffee1 feat(auth): remember the last login (feat is MINOR)"], days: 1,
            next: "take the non-PATCH commits off hotfix/v1.0.2, or `slipway hotfix prepare 1.0.2 --override-reason \"…\"`"),
    ], warnings: [], now: now)

    /// The fixture console on the Hotfixes panel with the board loaded.
    static func state(width: Int = 80, height: Int = 24) -> ConsoleState {
        var state = ConsoleFixture.state(width: width, height: height)
        _ = ConsoleReducer.reduce(&state, .key(.character("7")))
        _ = ConsoleReducer.reduce(&state, .hotfixes(.boardLoaded(board)))
        return state
    }
}
