import Foundation
import Testing
@testable import SlipwayKit

/// The hotfix process end to end on real git: a clone, a bare `origin`, the local forge, a lead and a non-lead.
@Suite struct HotfixEngineTests {
    static let ada = (name: "Ada Dev", email: "ada@example.com")
    static let lead = (name: "Lin Lead", email: "lead@example.com")
    static let kim = (name: "Kim Ops", email: "kim@example.com")

    static let changelog = """
        # Changelog

        ## [Unreleased]

        ## [1.0.0] - 2026-01-01
        ### Added
        - First release.

        [Unreleased]: https://github.com/acme/web/compare/v1.0.0...HEAD
        [1.0.0]: https://github.com/acme/web/releases/tag/v1.0.0

        """

    /// v1.0.0 released, then a feature on main; pushed. `techLeads` as given.
    static func project(techLeads: [String] = ["lead@example.com"]) throws -> (remote: TestRepository, clone: TestRepository) {
        let (remote, clone) = try TestRepository.withRemote()
        let leads = techLeads.map { "\"\($0)\"" }.joined(separator: ", ")
        try clone.write(".slipway.json", #"{"forge": {"kind": "local", "requiredApprovals": 3, "techLeads": [\#(leads)]}}"#)
        try clone.write("package.json", "{\n  \"name\": \"acme\",\n  \"version\": \"1.0.0\"\n}\n")
        try clone.write("CHANGELOG.md", changelog)
        try clone.write("app.txt", "one\ntwo\nthree\n")
        try clone.git(["add", "."])
        try clone.commit("chore: init")
        try clone.tag("v1.0.0", annotated: true)
        try clone.commit("feat(search): add search")
        try clone.git(["push", "-q", "origin", "main", "--tags"])
        return (remote, clone)
    }

    static func engine(_ clone: TestRepository, as identity: (name: String, email: String) = ada) throws -> HotfixEngine {
        let repository = try clone.repository(as: identity)
        var engine = HotfixEngine(repository: repository, config: try SlipwayConfig.load(repositoryRoot: repository.root))
        engine.today = { "2026-11-26" }
        return engine
    }

    static let v101 = SemanticVersion(major: 1, minor: 0, patch: 1)

    /// Starts 1.0.1 and pushes `message` changing app.txt's second line (and the files in `extra`) to it.
    static func startWithFix(_ clone: TestRepository, message: String = "fix: two no longer crashes", line: String = "two fixed",
                             extra: [String: String] = [:]) throws {
        _ = try engine(clone).start(from: "v1.0.0")
        try clone.git(["checkout", "-q", "hotfix/v1.0.1"])
        for (path, text) in extra { try clone.write(path, text) }
        try clone.git(["add", "."])
        try clone.commitFile("app.txt", "one\n\(line)\nthree\n", message: message)
        try clone.git(["push", "-q", "origin", "hotfix/v1.0.1"])
        try clone.git(["checkout", "-q", "main"])
    }

    /// Start, fix, prepare, a lead's approval, merge, tag.
    static func released(_ clone: TestRepository, extra: [String: String] = [:]) throws {
        try startWithFix(clone, extra: extra)
        _ = try engine(clone).prepare(v101)
        _ = try engine(clone, as: lead).approve(v101)
        _ = try engine(clone).merge(v101)
        _ = try engine(clone).tag(v101)
    }

    @Test func startBranchesTheNextPatchFromTheTagAndPushesIt() throws {
        let (remote, clone) = try Self.project()
        let report = try Self.engine(clone).start()
        #expect(report.version == "1.0.1")
        #expect(try remote.git(["rev-parse", "hotfix/v1.0.1"]) == (try remote.git(["rev-parse", "v1.0.0^{commit}"])))
        #expect(try clone.git(["symbolic-ref", "--short", "HEAD"]) == "main")
        // The same version again is refused, and the next free one offered.
        do {
            _ = try Self.engine(clone).start(from: "v1.0.0")
            Issue.record("started 1.0.1 twice")
        } catch let blocked as ReleaseBlocked {
            #expect(blocked.reason.contains("1.0.1 is taken (hotfix/v1.0.1 exists on origin)"))
            #expect(blocked.fix.contains("the next free PATCH is 1.0.2: run `slipway hotfix start --from v1.0.0 --version 1.0.2`"))
        }
        _ = try Self.engine(clone).start(from: "v1.0.0", version: SemanticVersion(major: 1, minor: 0, patch: 2))
        #expect(try remote.git(["branch", "--list", "hotfix/*"]).contains("hotfix/v1.0.2"))
    }

    @Test func aStartFromATagThatIsNoReleaseIsRefused() throws {
        let (remote, clone) = try Self.project()
        defer { withExtendedLifetime(remote) {} }
        try clone.git(["tag", "nightly"])
        try clone.git(["tag", "v1.1.0-rc.1"])
        for tag in ["nightly", "v1.1.0-rc.1"] {
            #expect(throws: HotfixInputError.self) { try Self.engine(clone).start(from: tag) }
        }
        do {
            _ = try Self.engine(clone).start(from: "v9.9.9")
            Issue.record("started from a missing tag")
        } catch let error as HotfixInputError {
            #expect(error.description.contains("there is no tag 'v9.9.9'"))
        }
        #expect(try remote.git(["branch", "--list", "hotfix/*"]).isEmpty)
    }

    @Test func aNonLeadsApprovalAloneDoesNotLetItMerge() throws {
        let (remote, clone) = try Self.project()
        try Self.startWithFix(clone)
        _ = try Self.engine(clone).prepare(Self.v101)
        #expect(try remote.git(["log", "-1", "--format=%s", "hotfix/v1.0.1"]) == "chore(release): 1.0.1")
        #expect(try remote.git(["show", "hotfix/v1.0.1:package.json"]).contains("\"version\": \"1.0.1\""))
        let notes = try remote.git(["show", "hotfix/v1.0.1:CHANGELOG.md"])
        #expect(notes.contains("## [1.0.1] - 2026-11-26"))
        #expect(notes.contains("two no longer crashes"))
        #expect(!notes.contains("add search"))   // only the hotfix's own commits

        let message = try Self.engine(clone, as: Self.kim).approve(Self.v101).message
        #expect(message.contains("not a tech lead"))
        do {
            _ = try Self.engine(clone).merge(Self.v101)
            Issue.record("merged on a non-lead's approval")
        } catch let blocked as ReleaseBlocked {
            #expect(blocked.reason.contains("no approval by a tech lead"))
            #expect(blocked.reason.contains("kim@example.com, not a tech lead"))
        }
        // The author's own approval never counts: its dry run says so already (the console offers no confirm).
        #expect(throws: ReleaseBlocked.self) { try Self.engine(clone).approve(Self.v101, dryRun: true) }
        #expect(throws: ReleaseBlocked.self) { try Self.engine(clone).approve(Self.v101) }
        _ = try Self.engine(clone, as: Self.lead).approve(Self.v101)
        do {
            _ = try Self.engine(clone).tag(Self.v101)
            Issue.record("tagged before the merge")
        } catch let blocked as ReleaseBlocked {
            #expect(blocked.fix == "run `slipway hotfix merge 1.0.1`")
        }
        let mainBefore = try remote.git(["rev-parse", "main"])
        _ = try Self.engine(clone).merge(Self.v101)
        #expect(try remote.git(["log", "-1", "--format=%s", "maintenance/v1.0.x"]) == "Merge hotfix v1.0.1")
        #expect(try remote.git(["rev-parse", "main"]) == mainBefore)
        #expect(try clone.git(["symbolic-ref", "--short", "HEAD"]) == "main")
        _ = try Self.engine(clone).tag(Self.v101)
        #expect(try remote.git(["tag", "-l", "--format=%(objecttype) %(contents:subject)", "v1.0.1"]) == "tag Release version 1.0.1")
        #expect(try remote.git(["rev-parse", "v1.0.1^{commit}"]) == (try remote.git(["rev-parse", "maintenance/v1.0.x"])))
        let audit = AuditLog(repository: try clone.repository()).entries().entries.map { "\($0.action) \($0.outcome)" }
        #expect(audit == ["hotfix.start ok", "hotfix.prepare ok", "hotfix.approve ok", "hotfix.approve refused",
                          "hotfix.approve ok", "hotfix.merge ok", "hotfix.tag ok"])
    }

    @Test func anEmptyTechLeadListBlocksTheFastTrackWithAClearReason() throws {
        let (remote, clone) = try Self.project(techLeads: [])
        defer { withExtendedLifetime(remote) {} }
        try Self.startWithFix(clone)
        _ = try Self.engine(clone).prepare(Self.v101)
        _ = try Self.engine(clone, as: Self.lead).approve(Self.v101)
        do {
            _ = try Self.engine(clone).merge(Self.v101)
            Issue.record("merged with no tech lead configured")
        } catch let blocked as ReleaseBlocked {
            #expect(blocked.description == "no tech lead is configured, so hotfix/v1.0.1 cannot be fast-tracked; list the leads' emails in forge.techLeads in .slipway.json")
        }
        let row = try #require(try HotfixBoard.load(Self.engine(clone)).rows.first)
        #expect(row.attention == .awaitingLeadApproval)
        #expect(row.next.contains("forge.techLeads"))
    }

    @Test func aFeatureOnTheHotfixNeedsAnOverrideWithAReason() throws {
        let (remote, clone) = try Self.project()
        try Self.startWithFix(clone, message: "feat: new export while fixing")
        do {
            _ = try Self.engine(clone).prepare(Self.v101)
            Issue.record("prepared a hotfix with a feature")
        } catch let blocked as ReleaseBlocked {
            #expect(blocked.reason.contains("is not PATCH-only"))
            #expect(blocked.reason.contains("feat: new export while fixing (a feature)"))
            #expect(blocked.fix.contains("--override-reason"))
        }
        let board = try HotfixBoard.load(Self.engine(clone))
        #expect(board.rows.first?.patchOnly == "flagged")
        #expect(board.rows.first?.attention == .notPatchOnly)

        _ = try Self.engine(clone).prepare(Self.v101, overrideReason: "the export is the fix customers need")
        #expect(try remote.git(["log", "-1", "--format=%(trailers:key=Hotfix-Override,valueonly)", "hotfix/v1.0.1"]) == "the export is the fix customers need")
        let journal = try #require(try ReleaseJournal.load(try clone.repository(), kind: "hotfix-1.0.1"))
        #expect(journal.overrideReason == "the export is the fix customers need")
        let audit = AuditLog(repository: try clone.repository()).entries().entries
        #expect(audit.last?.detail?.contains("PATCH-only overridden: the export is the fix customers need") == true)
        #expect(try remote.git(["show", "hotfix/v1.0.1:package.json"]).contains("1.0.1"))   // still a PATCH

        // Another clone without the journal reads the override from the release commit.
        let other = try TestRepository(cloneOf: remote)
        _ = try Self.engine(other, as: Self.lead).approve(Self.v101)
        _ = try Self.engine(other).merge(Self.v101)
        #expect(try HotfixBoard.load(Self.engine(other)).rows.first?.patchOnly == "overridden")
    }

    @Test func backportCherryPicksWithXAndTheChangelogArrivesOnce() throws {
        let (remote, clone) = try Self.project()
        try Self.released(clone)
        var row = try #require(try HotfixBoard.load(Self.engine(clone)).rows.first)
        #expect(row.backported == false)
        #expect(row.missingOnMain == 1)
        #expect(row.attention == .notBackported)

        let report = try Self.engine(clone).backport(Self.v101)
        #expect(report.message.contains("1 cherry-picked commit(s)"))
        let log = try remote.git(["log", "--format=%s%n%b", "main..backport/v1.0.1"])
        #expect(log.contains("fix: two no longer crashes"))
        #expect(log.contains("(cherry picked from commit "))
        #expect(!log.contains("chore(release)"))
        #expect(try remote.git(["show", "backport/v1.0.1:package.json"]).contains("\"version\": \"1.0.0\""))
        #expect(try clone.git(["symbolic-ref", "--short", "HEAD"]) == "main")

        // Once the backport is merged into main, the hotfix shows as backported; a second backport does nothing.
        try clone.git(["merge", "-q", "--no-ff", "-m", "Merge backport", "origin/backport/v1.0.1"])
        try clone.git(["push", "-q", "origin", "main"])
        row = try #require(try HotfixBoard.load(Self.engine(clone)).rows.first)
        #expect(row.commits.map(\.subject) == ["fix: two no longer crashes"])
        #expect(row.commits.first?.onMain == "same patch")
        #expect(row.backported)
        #expect(row.changelogOnMain)
        #expect(row.attention == .done)
        #expect(try Self.engine(clone).backport(Self.v101).message.contains("already on main"))
        let mainChangelog = try remote.git(["show", "main:CHANGELOG.md"])
        #expect(mainChangelog.components(separatedBy: "## [1.0.1]").count == 2)
        #expect(mainChangelog.components(separatedBy: "two no longer crashes").count == 2)
        #expect(mainChangelog.contains("[1.0.1]: https://github.com/acme/web/compare/v1.0.0...v1.0.1"))
        // Main's next release drafts its CHANGELOG from the commits without the backported fix a second time.
        let proposal = try VersionPlanner(repository: try clone.repository(), config: SlipwayConfig()).propose()
        let drafted = ChangelogDraft.entries(from: proposal.commits, existing: Changelog(text: mainChangelog))
        #expect(drafted.map(\.text).contains { $0.lowercased().contains("search") })
        #expect(!drafted.map(\.text).contains { $0.lowercased().contains("two no longer crashes") })
    }

    /// The backport's PR into main is reviewed like any change to main and merged through the forge.
    @Test func aBackportIsReviewedThenMergedIntoMain() throws {
        let (remote, clone) = try Self.project()
        try Self.released(clone)
        #expect(throws: ReleaseBlocked.self) { try Self.engine(clone).mergeBackport(Self.v101) }   // nothing to merge yet
        _ = try Self.engine(clone).backport(Self.v101)
        let mainBefore = try remote.git(["rev-parse", "main"])
        // No review yet: refused, main untouched; the author cannot review it, even in a dry run.
        do {
            _ = try Self.engine(clone).mergeBackport(Self.v101)
            Issue.record("merged without a review")
        } catch let blocked as ReleaseBlocked {
            #expect(blocked.reason == "backport/v1.0.1: 0 of 3 required approval(s)", "the release PR's count (forge.requiredApprovals)")
            #expect(blocked.fix == "a reviewer other than ada@example.com runs `slipway hotfix approve-backport 1.0.1`")
        }
        #expect(throws: ReleaseBlocked.self) { try Self.engine(clone).approveBackport(Self.v101, dryRun: true) }
        #expect(try remote.git(["rev-parse", "main"]) == mainBefore)
        // Three reviewers approve it; the merge lands on main with the cherry-pick and the CHANGELOG section; again, nothing.
        #expect(try Self.engine(clone, as: Self.kim).approveBackport(Self.v101).message == "approved by Kim Ops <kim@example.com>: 1 of 3 approval(s) on backport/v1.0.1")
        _ = try Self.engine(clone, as: Self.lead).approveBackport(Self.v101)
        #expect(throws: ReleaseBlocked.self) { try Self.engine(clone).mergeBackport(Self.v101) }
        _ = try Self.engine(clone, as: (name: "Sam Dev", email: "sam@example.com")).approveBackport(Self.v101)
        let merged = try Self.engine(clone).mergeBackport(Self.v101)
        #expect(merged.message == "backport/v1.0.1 merged into main on origin: main has hotfix 1.0.1")
        #expect(try remote.git(["log", "-1", "--format=%s", "main"]) == "Merge backport of hotfix v1.0.1")
        #expect(try remote.git(["show", "main:CHANGELOG.md"]).contains("## [1.0.1]"))
        let row = try #require(try HotfixBoard.load(Self.engine(clone)).rows.first)
        #expect(row.backported && row.attention == .done)
        #expect(try Self.engine(clone).mergeBackport(Self.v101).message == "backport/v1.0.1 is already merged into main")
        let audit = AuditLog(repository: try clone.repository()).entries().entries.map { "\($0.action) \($0.outcome)" }
        #expect(audit.filter { $0.hasPrefix("hotfix.merge-backport") || $0.hasPrefix("hotfix.approve-backport") }
                == ["hotfix.approve-backport ok", "hotfix.approve-backport ok", "hotfix.approve-backport ok", "hotfix.merge-backport ok"],
                "a refusal before anything ran is not an action (as for the release PR): \(audit)")
    }

    @Test func aConflictingBackportIsLeftForAPersonAndMainIsUntouched() throws {
        let (remote, clone) = try Self.project()
        try Self.released(clone)
        try clone.commitFile("app.txt", "one\ntwo rewritten on main\nthree\n", message: "refactor: reword two")
        try clone.git(["push", "-q", "origin", "main"])
        let mainBefore = try clone.git(["rev-parse", "main"])
        do {
            _ = try Self.engine(clone).backport(Self.v101)
            Issue.record("a conflicting backport went through")
        } catch let conflict as BackportConflict {
            #expect(conflict.files == ["app.txt"])
            #expect(conflict.description.contains("conflicts in app.txt"))
            #expect(conflict.description.contains("git cherry-pick --continue"))
            #expect(conflict.nextCommands.last == "slipway hotfix backport 1.0.1")
        }
        #expect(try clone.git(["symbolic-ref", "--short", "HEAD"]) == "backport/v1.0.1")
        #expect(try clone.git(["rev-parse", "main"]) == mainBefore)
        #expect(try remote.git(["rev-parse", "main"]) == mainBefore)
        #expect(try remote.git(["branch", "--list", "backport/*"]).isEmpty)
        // Running it again before the conflict is resolved says so.
        #expect(throws: ReleaseBlocked.self) { try Self.engine(clone).backport(Self.v101) }

        // The person resolves it and finishes; the next run adds the CHANGELOG and pushes.
        try clone.write("app.txt", "one\ntwo rewritten and fixed\nthree\n")
        try clone.git(["add", "app.txt"])
        try clone.git(["-c", "core.editor=true", "cherry-pick", "--continue"])
        _ = try Self.engine(clone).backport(Self.v101)
        #expect(try remote.git(["show", "backport/v1.0.1:CHANGELOG.md"]).contains("## [1.0.1]"))
        #expect(try remote.git(["log", "-1", "--format=%B", "backport/v1.0.1~1"]).contains("(cherry picked from commit"))
        try clone.git(["checkout", "-q", "main"])
        try clone.git(["merge", "-q", "--no-ff", "-m", "Merge backport", "origin/backport/v1.0.1"])
        try clone.git(["push", "-q", "origin", "main"])
        #expect(try HotfixBoard.load(Self.engine(clone)).rows.first?.backported == true)
    }

    @Test func anEditedCherryPickIsRecognisedByPatchID() throws {
        let (remote, clone) = try Self.project()
        defer { withExtendedLifetime(remote) {} }
        let unreleased = Self.changelog.replacingOccurrences(of: "## [Unreleased]\n", with: "## [Unreleased]\n### Fixed\n- Two no longer crashes.\n")
        try Self.startWithFix(clone, extra: ["CHANGELOG.md": unreleased])
        // On main someone cherry-picked it by hand, without -x, rewording the message and the CHANGELOG line;
        // git cherry sees a different patch, patch-id of the fix's own files sees the same one.
        let edited = Self.changelog.replacingOccurrences(of: "## [Unreleased]\n", with: "## [Unreleased]\n### Fixed\n- The crash on two (hotfix).\n")
        try clone.write("CHANGELOG.md", edited)
        try clone.write("test.txt", "covers two\n")   // and added a test while porting it
        try clone.git(["add", "CHANGELOG.md", "test.txt"])
        let picked = try clone.commitFile("app.txt", "one\ntwo fixed\nthree\n", message: "fix(app): port the crash fix")
        try clone.git(["push", "-q", "origin", "main"])
        let engine = try Self.engine(clone)
        try engine.release.fetch()
        let location = try #require(try engine.locate(Self.v101))
        let check = try #require(try engine.backportCheck(location))
        #expect(check.items.count == 1)
        #expect(try clone.git(["cherry", "origin/main", "origin/hotfix/v1.0.1", "v1.0.0"]).hasPrefix("+ "))
        #expect(check.items.first?.evidence == .patchID(picked))
        #expect(check.commitsPresent)
    }

    @Test func aTagWhoseBranchIsGoneStaysOnTheBoard() throws {
        let (remote, clone) = try Self.project()
        try Self.released(clone)
        try clone.git(["push", "-q", "origin", "--delete", "hotfix/v1.0.1"])
        try clone.git(["branch", "-q", "-D", "hotfix/v1.0.1"])
        // A second hotfix in progress on the same line, from the first one's tag.
        _ = try Self.engine(clone).start()
        #expect(try remote.git(["rev-parse", "hotfix/v1.0.2"]) == (try remote.git(["rev-parse", "v1.0.1^{commit}"])))
        do {
            _ = try Self.engine(clone).start(from: "v1.0.0")
            Issue.record("started 1.0.1 again")
        } catch let blocked as ReleaseBlocked {
            #expect(blocked.description == "1.0.1 is taken (the tag v1.0.1 exists); the next free PATCH is 1.0.3: run `slipway hotfix start --from v1.0.1 --version 1.0.3`")
        }
        let board = try HotfixBoard.load(Self.engine(clone))
        #expect(board.rows.map(\.version.description) == ["1.0.1", "1.0.2"])   // not backported comes before in progress
        let gone = try #require(board.rows.first)
        #expect(gone.branch == nil)
        #expect(gone.baseTag == "v1.0.0")
        #expect(gone.tagged && gone.merged)
        #expect(gone.techLeadApproval == "Lin Lead <lead@example.com>")
        #expect(gone.missingOnMain == 1)
        let open = board.rows[1]
        #expect(open.baseTag == "v1.0.1")
        #expect(open.attention == .inProgress)
        #expect(board.text.contains("gone"))
    }

    @Test func aHotfixRebasedOntoMainIsAProblemOnTheBoard() throws {
        let (remote, clone) = try Self.project()
        defer { withExtendedLifetime(remote) {} }
        try Self.startWithFix(clone)
        try clone.git(["checkout", "-q", "hotfix/v1.0.1"])
        try clone.git(["rebase", "-q", "main"])
        try clone.git(["push", "-q", "--force", "origin", "hotfix/v1.0.1"])
        try clone.git(["checkout", "-q", "main"])
        let row = try #require(try HotfixBoard.load(Self.engine(clone)).rows.first)
        #expect(row.attention == .problem)
        #expect(row.problems.first?.contains("rebased onto or merged with it") == true)
        #expect(throws: ReleaseBlocked.self) { try Self.engine(clone).prepare(Self.v101) }
    }

    @Test func anInterruptedStartAndPrepareResume() throws {
        let (remote, clone) = try Self.project()
        // kill -9 between `git branch` and `git push`: only the local branch at the tag.
        try clone.git(["branch", "--no-track", "hotfix/v1.0.1", "v1.0.0^{commit}"])
        _ = try Self.engine(clone).start(from: "v1.0.0")
        #expect(try remote.git(["rev-parse", "hotfix/v1.0.1"]) == (try remote.git(["rev-parse", "v1.0.0^{commit}"])))

        try clone.git(["checkout", "-q", "hotfix/v1.0.1"])
        let fix = try clone.commitFile("app.txt", "one\ntwo fixed\nthree\n", message: "fix: two no longer crashes")
        try clone.git(["push", "-q", "origin", "hotfix/v1.0.1"])
        try clone.git(["checkout", "-q", "main"])
        _ = try Self.engine(clone).prepare(Self.v101)
        // As if the push had never happened: the release commit only here.
        try remote.git(["update-ref", "refs/heads/hotfix/v1.0.1", fix])
        try clone.git(["update-ref", "refs/remotes/origin/hotfix/v1.0.1", fix])
        let report = try Self.engine(clone).prepare(Self.v101)
        #expect(report.message.contains("made here earlier, pushed"))
        #expect(try remote.git(["log", "-1", "--format=%s", "hotfix/v1.0.1"]) == "chore(release): 1.0.1")
    }

    @Test func aSecondHotfixOnTheLineMergesIntoTheExistingMaintenanceBranch() throws {
        let (remote, clone) = try Self.project()
        try Self.released(clone)
        // Someone else, on another clone without any journal, makes 1.0.2 from v1.0.1.
        let other = try TestRepository(cloneOf: remote)
        let v102 = SemanticVersion(major: 1, minor: 0, patch: 2)
        #expect(try Self.engine(other).start().version == "1.0.2")
        try other.git(["checkout", "-q", "hotfix/v1.0.2"])
        try other.commitFile("app.txt", "one\ntwo fixed\nthree fixed\n", message: "fix: three no longer crashes")
        try other.git(["push", "-q", "origin", "hotfix/v1.0.2"])
        try other.git(["checkout", "-q", "main"])
        try other.git(["branch", "-q", "-D", "hotfix/v1.0.2"])
        _ = try Self.engine(other).prepare(v102)
        let notes = try remote.git(["show", "hotfix/v1.0.2:CHANGELOG.md"])
        #expect(notes.contains("## [1.0.2] - 2026-11-26"))
        #expect(notes.contains("## [1.0.1] - 2026-11-26"))
        #expect(notes.components(separatedBy: "two no longer crashes").count == 2)   // 1.0.1's entry is not drafted again
        _ = try Self.engine(other, as: Self.lead).approve(v102)
        _ = try Self.engine(other).merge(v102)
        _ = try Self.engine(other).tag(v102)
        #expect(try remote.git(["log", "--first-parent", "--format=%s", "maintenance/v1.0.x"]).split(separator: "\n").prefix(2)
                == ["Merge hotfix v1.0.2", "Merge hotfix v1.0.1"])
        #expect(try remote.git(["show", "v1.0.2:package.json"]).contains("\"version\": \"1.0.2\""))

        // Both are released and not backported; the board (oldest first within that) reads each one's base.
        let rows = try HotfixBoard.load(Self.engine(other)).rows.sorted { $0.version < $1.version }
        #expect(rows.map(\.version.description) == ["1.0.1", "1.0.2"])
        #expect(rows.map(\.baseTag) == ["v1.0.0", "v1.0.1"])
        #expect(rows.map(\.commitCount) == [1, 1])
        #expect(rows.allSatisfy { $0.attention == .notBackported })
        // 1.0.2's fix sits on 1.0.1's: backported in order, each brings only its own commit.
        _ = try Self.engine(other).backport(Self.v101)
        try other.git(["merge", "-q", "--no-ff", "-m", "Merge backport/v1.0.1", "origin/backport/v1.0.1"])
        try other.git(["push", "-q", "origin", "main"])
        _ = try Self.engine(other).backport(v102)
        let picked = try remote.git(["log", "--format=%s", "main..backport/v1.0.2"]).split(separator: "\n")
        #expect(picked == ["docs(changelog): add the 1.0.2 hotfix section", "fix: three no longer crashes"])
        let changelog = try remote.git(["show", "backport/v1.0.2:CHANGELOG.md"])
        #expect(changelog.range(of: "## [1.0.2]").map { changelog[..<$0.lowerBound].contains("## [1.0.1]") } == false)
    }

    @Test func anUnreadableJournalIsShownAsAProblemNotAFailure() throws {
        let (remote, clone) = try Self.project()
        defer { withExtendedLifetime(remote) {} }
        try Self.startWithFix(clone)
        let path = ReleaseJournal.path(try clone.repository(), kind: "hotfix-1.0.1")
        try Data("{ not json".utf8).write(to: URL(fileURLWithPath: path))
        let board = try HotfixBoard.load(Self.engine(clone))
        let row = try #require(board.rows.first)
        #expect(row.attention == .problem)
        #expect(row.problems.first?.contains("hotfix-1.0.1.json") == true)
        #expect(row.baseTag == "v1.0.0")
        #expect(row.commitCount == 1)
    }

    @Test func dryRunsChangeNothing() throws {
        let (remote, clone) = try Self.project()
        let report = try Self.engine(clone).start(dryRun: true)
        #expect(report.commands.contains { $0.hasPrefix("git push --set-upstream origin refs/heads/hotfix/v1.0.1") })
        #expect(try remote.git(["branch", "--list", "hotfix/*"]).isEmpty)
        try Self.startWithFix(clone)
        let prepare = try Self.engine(clone).prepare(Self.v101, dryRun: true)
        #expect(prepare.commands.contains("git commit -m 'chore(release): 1.0.1'"))
        #expect(try remote.git(["log", "-1", "--format=%s", "hotfix/v1.0.1"]) == "fix: two no longer crashes")
    }
}
