import Testing
@testable import SlipwayKit

@Suite struct CommitClassifierTests {
    private func commit(_ message: String, sha: String? = nil, parents: Int = 1) -> GitCommit {
        let id = sha ?? String(UInt64(abs(message.hashValue)), radix: 16).padding(toLength: 40, withPad: "0", startingAt: 0)
        return GitCommit(sha: id, parents: Array(repeating: "p", count: parents), authorName: "A", authorEmail: "a@x",
                         authorTime: 0, message: CommitMessage(parsing: message))
    }

    @Test(arguments: [
        ("feat: a", BumpLevel.minor, "feat → minor"),
        ("fix: a", .patch, "fix → patch"),
        ("perf(db): a", .patch, "perf → patch"),
        ("feat!: a", .major, "'!' after the type"),
        ("fix: a\n\nBREAKING CHANGE: gone", .major, "BREAKING CHANGE footer"),
        ("chore(deps): bump x", .patch, "chore(deps) → patch"),
        ("build(deps): bump y", .patch, "build(deps) → patch"),
        ("chore(deps-dev): bump z", .none, "development dependencies"),
        ("docs: a", .none, "docs changes no shipped behaviour"),
        ("refactor: a", .none, "refactor"),
        ("test: a", .none, "test"),
        ("update stuff", .none, "not conventional"),
    ])
    func levelAndReason(message: String, level: BumpLevel, reason: String) {
        let result = CommitClassifier().classify([commit(message)])[0]
        #expect(result.level == level)
        #expect(result.reason.contains(reason), "\(result.reason)")
    }

    @Test func breakingWhileZeroIsConfigurable() {
        let c = commit("feat!: new api")
        #expect(CommitClassifier(majorIsZero: true).classify([c])[0].level == .minor)
        let rules = BumpRules(breakingWhileZero: .major)
        #expect(CommitClassifier(rules: rules, majorIsZero: true).classify([c])[0].level == .major)
        #expect(CommitClassifier(majorIsZero: true).classify([c])[0].reason.contains("major version is 0"))
    }

    @Test func configuredTypeMapOverridesAndScopedKeysWin() {
        let rules = BumpRules.merging(["docs": .patch, "feat(internal)": .none], breakingWhileZero: nil)
        let result = CommitClassifier(rules: rules).classify([commit("docs: x"), commit("feat(internal): y"), commit("feat(api): z")])
        #expect(result.map(\.level) == [.patch, .none, .minor])
    }

    @Test func revertPairCancelsAndLoneRevertIsPatch() {
        let original = commit("feat: search", sha: "aaaaaaa1111111111111111111111111111111aa")
        let revert = commit("Revert \"feat: search\"\n\nThis reverts commit aaaaaaa1111111111111111111111111111111aa.",
                            sha: "bbbbbbb2222222222222222222222222222222bb")
        let lone = commit("Revert \"fix: old\"\n\nThis reverts commit ccccccc3333333333333333333333333333333cc.",
                          sha: "ddddddd4444444444444444444444444444444dd")
        let result = CommitClassifier().classify([lone, revert, original])
        #expect(result[2].level == .none && result[2].cancelledBy == revert.sha)
        #expect(result[1].level == .none && result[1].cancelledBy == original.sha)
        #expect(result[0].level == .patch && result[0].reason.contains("earlier release"))
        #expect(CommitClassifier.bump(of: result) == .patch)
        #expect(result[2].group == .other)
    }

    @Test func revertOfARevertReappliesTheOriginal() {
        let a = commit("feat: a", sha: "a000000000000000000000000000000000000000")
        let b = commit("Revert \"feat: a\"\n\nThis reverts commit a000000000000000000000000000000000000000.", sha: "b000000000000000000000000000000000000000")
        let c = commit("Revert \"Revert \"feat: a\"\"\n\nThis reverts commit b000000.", sha: "c000000000000000000000000000000000000000")
        let result = CommitClassifier().classify([c, b, a])
        #expect(result[0].level == .minor)
        #expect(CommitClassifier.bump(of: result) == .minor)
    }

    @Test func mergesAreJudgedByWhatTheyBringIn() {
        let merge = commit("feat!: Merge pull request #1 from x/y", parents: 2)
        let brought = commit("fix: inside the branch")
        let result = CommitClassifier().classify([merge, brought])
        #expect(result[0].kind == .merge && result[0].level == .none)
        #expect(CommitClassifier.bump(of: result) == .patch)
    }

    @Test func squashCountsEveryListedHeader() {
        let result = CommitClassifier().classify([commit("Squashed (#7)\n\n* fix: a\n* feat(ui): b\n* docs: c")])[0]
        #expect(result.kind == .squash && result.level == .minor)
        #expect(result.reason.contains("feat(ui): b"))
        let headed = CommitClassifier().classify([commit("fix: umbrella (#8)\n\n* feat!: b")])[0]
        #expect(headed.level == .major)
    }

    @Test func overridesClassifyByHand() {
        let c = commit("update readme")
        let result = CommitClassifier(overrides: [c.sha: CommitOverride(level: .patch, type: "fix", reason: "fixes install docs")]).classify([c])[0]
        #expect(result.level == .patch && result.group == .fixes)
        #expect(result.reason.contains("fixes install docs"))
    }

    /// Seeded property: the bump of any set of commits is the maximum of their levels.
    /// The bump of a set of commits, worked out by hand for each: the strongest change wins, docs and chores
    /// count for nothing, a breaking marker on any type is major (minor while 0.x).
    @Test(arguments: [
        (["docs: c", "chore: f"], false, BumpLevel.none), (["fix: b", "docs: c"], false, .patch), (["perf: e", "feat: a"], false, .minor),
        (["fix: b", "refactor(x)!: g", "feat: a"], false, .major), (["random words"], false, .none), ([], false, .none),
        (["refactor(x)!: g"], true, .minor), (["chore(deps): bump"], false, .patch),
    ])
    func theBumpIsTheStrongestChange(messages: [String], majorIsZero: Bool, bump: BumpLevel) {
        let classified = CommitClassifier(majorIsZero: majorIsZero).classify(messages.map { commit($0) })
        #expect(CommitClassifier.bump(of: classified) == bump, "\(messages)")
    }

    /// A revert someone classified by hand is no longer paired as a revert, but the commit it names is still
    /// found: a later revert of it re-applies the original change.
    @Test func aRevertOfAHandClassifiedRevertStillFindsTheOriginal() {
        let a = commit("feat: a", sha: "a100000000000000000000000000000000000000")
        let b = commit("Revert \"feat: a\"\n\nThis reverts commit a100000000000000000000000000000000000000.", sha: "b100000000000000000000000000000000000000")
        let c = commit("Revert \"Revert \"feat: a\"\"\n\nThis reverts commit b100000.", sha: "c100000000000000000000000000000000000000")
        let d = commit("Revert \"Revert \"feat: a\"\" again\n\nThis reverts commit b100000.", sha: "d100000000000000000000000000000000000000")
        let overrides = [b.sha: CommitOverride(level: .patch, reason: "the revert fixed a crash")]
        let result = CommitClassifier(overrides: overrides).classify([d, c, b, a])
        #expect(result[1].cancelledBy == b.sha)
        #expect(result[0].level == .minor, "\(result[0].reason)")
        #expect(result[0].reason.contains("re-applies a100000"), "\(result[0].reason)")
    }

    /// Scopes compare case-insensitively beyond ASCII too: `feat(Über)` meets a `feat(über)` rule.
    @Test func scopedRulesMatchNonASCIICapitals() {
        let rules = BumpRules.merging(["feat(über)": .patch], breakingWhileZero: nil)
        let result = CommitClassifier(rules: rules).classify([commit("feat(Über): umlauts"), commit("feat(über): plain")])
        #expect(result.map(\.level) == [.patch, .patch])
        #expect(result[0].reason == "feat(über) → patch")
    }
}
