import Foundation
import Testing
@testable import SlipwayKit

/// `release notify` to real receivers: an HTTP server taking the webhook, aiosmtpd taking the mail, a command and
/// a file; exactly once per version and channel across two clones of one remote; a failing channel retried.
@Suite struct ReleaseNotifierTests {
    static let changelog = """
        # Changelog

        ## [Unreleased]

        ## [1.1.0] - 2026-11-26
        ### Added
        - Search with filters.
        ### Fixed
        - Checkout keeps the cart.

        ## [1.0.0] - 2026-01-01
        - First release.

        [1.1.0]: https://github.com/acme/web/compare/v1.0.0...v1.1.0

        """

    /// A released project (v1.1.0 tagged and pushed) with `notify` channels, and a second clone of its remote.
    static func released(notify: String) throws -> (remote: TestRepository, clone: TestRepository, other: TestRepository) {
        let (remote, clone) = try TestRepository.withRemote()
        try clone.write(".slipway.json", #"{"notify": \#(notify), "impactedSystems": ["web", "billing"]}"#)
        try clone.write("CHANGELOG.md", Self.changelog)
        try clone.git(["add", "-A"])
        try clone.commit("chore(release): 1.1.0")
        try clone.tag("v1.1.0", annotated: true)
        try clone.git(["push", "-q", "origin", "main", "--tags"])
        let other = try TestRepository(cloneOf: remote)
        return (remote, clone, other)
    }

    static func notify(_ repository: TestRepository, as person: (name: String, email: String) = ReleaseEngineTests.ada,
                       dryRun: Bool = false, resend: String? = nil) throws -> ReleaseNotifier.Report {
        let git = try GitRepository.open(repository.root, runner: ReleaseEnginePublishTests.runner(person))
        let config = try SlipwayConfig.load(repositoryRoot: git.root)
        let release = try #require(ArtefactRelease.find(SemanticVersion(major: 1, minor: 1, patch: 0), in: git, tagPrefix: "v"))
        let notice = try NoticeComposer(repository: git, config: config).compose(release, environments: [])
        return try ReleaseNotifier(repository: git, config: config).notify(release, notice: notice, dryRun: dryRun, resend: resend)
    }

    @Test func everyChannelGetsTheNoticeOnceEvenFromAnotherClone() throws {
        let webhook = try StaticHTTPServer()
        let smtp = try SMTPServer()
        let folder = try TestRepository.makeTemporaryFolder("notices")
        let notify = """
            [{"kind": "webhook", "url": "\(webhook.url)/hooks/release"},
             {"kind": "email", "smtp": "\(smtp.address)", "from": "release@acme.example", "to": ["team@acme.example", "ops@acme.example"]},
             {"kind": "command", "argv": ["sh", "-c", "cat > \\"$0\\"", "\(folder)/from-command.txt"]},
             {"kind": "file", "path": "\(folder)/notices.md"},
             {"kind": "forge-release"}]
            """
        let (remote, clone, other) = try Self.released(notify: notify)
        let dry = try Self.notify(clone, dryRun: true)
        #expect(dry.outcomes.map(\.state) == Array(repeating: .wouldSend, count: 5))
        #expect(webhook.posts.isEmpty && smtp.messages.isEmpty)

        let first = try Self.notify(clone)
        #expect(first.outcomes.map(\.state) == Array(repeating: .sent, count: 5), "\(first.outcomes)")
        #expect(first.recordProblem == nil)
        let posted = try #require(webhook.posts.first)
        let json = try JSONParser.parse(Data(posted.utf8))
        #expect(json["version"] == .string("1.1.0") && json["impactedSystems"] == .array([.string("web"), .string("billing")]))
        guard case .string(let text)? = json["text"] else { Issue.record("no text field"); return }
        #expect(text.hasPrefix("\((clone.root as NSString).lastPathComponent) 1.1.0 released\n\n"))
        #expect(text.contains("### Added\n- Search with filters.") && text.contains("Changes: https://github.com/acme/web/compare/v1.0.0...v1.1.0"))
        let mail = try #require(smtp.messages.first)
        #expect(mail.contains("Subject: \((clone.root as NSString).lastPathComponent) 1.1.0 released"))
        #expect(mail.contains("To: team@acme.example, ops@acme.example") && mail.contains("- Checkout keeps the cart."))
        #expect(try String(contentsOfFile: folder + "/from-command.txt", encoding: .utf8).contains("Impacted systems: web, billing."))
        #expect(try String(contentsOfFile: folder + "/notices.md", encoding: .utf8).hasPrefix("## "))
        #expect(first.outcomes[4].detail.contains("the local forge keeps the notes in the annotated tag v1.1.0"))

        // The record is on the remote: the teammate's clone sends nothing again.
        #expect(try remote.git(["notes", "--ref=refs/notes/slipway/notices", "show", "v1.1.0^{commit}"]).split(separator: "\n").count == 5)
        let again = try Self.notify(other, as: ReleaseEngineTests.lin)
        #expect(again.outcomes.map(\.state) == Array(repeating: .alreadySent, count: 5))
        #expect(again.outcomes[0].detail.contains("by Ada Release <ada@example.com>"))
        #expect(webhook.posts.count == 1 && smtp.messages.count == 1)

        // --resend sends one channel again, and says so in the record.
        let resent = try Self.notify(other, as: ReleaseEngineTests.lin, resend: "webhook")
        #expect(resent.outcomes.map(\.state) == [.sent, .alreadySent, .alreadySent, .alreadySent, .alreadySent])
        #expect(webhook.posts.count == 2)
    }

    @Test func aChannelThatFailsIsSaidSoAndTriedAgainTheOthersStillGo() throws {
        let failing = try StaticHTTPServer(mode: .failing)
        let smtp = try SMTPServer()
        let folder = try TestRepository.makeTemporaryFolder("notices")
        let notify = """
            [{"kind": "webhook", "url": "\(failing.url)/hook"},
             {"kind": "email", "smtp": "\(smtp.address)", "from": "release@acme.example", "to": ["nobody@acme.example"]},
             {"kind": "file", "path": "\(folder)/notices.md"}]
            """
        let (remote, clone, _) = try Self.released(notify: notify)
        defer { withExtendedLifetime(remote) {} }
        let first = try Self.notify(clone)
        #expect(first.outcomes.map(\.state) == [.failed, .failed, .sent])
        #expect(first.outcomes[0].detail == "the webhook \(failing.url)/hook answered HTTP 500")
        #expect(first.outcomes[1].detail.contains("did not take the mail") && first.outcomes[1].detail.contains("550"), "\(first.outcomes[1].detail)")
        #expect(first.failed)
        // Nothing is recorded for the failed ones: the next run tries exactly those.
        let second = try Self.notify(clone)
        #expect(second.outcomes.map(\.state) == [.failed, .failed, .alreadySent])
        smtp.server.stop()
        let third = try Self.notify(clone)
        #expect(third.outcomes[1].detail.hasPrefix("the SMTP server \(smtp.address) is unreachable"), "\(third.outcomes[1].detail)")
        let audit = AuditLog(repository: try clone.repository()).entries().entries.filter { $0.action == "release.notify" }
        #expect(audit.map(\.outcome) == ["failed", "failed", "ok", "failed", "failed", "failed", "failed"])
    }

    @Test func aHungWebhookIsStoppedAndARemoteThatCannotBeReachedSendsNothing() throws {
        let hung = try StaticHTTPServer(mode: .hang)
        let (remote, clone, _) = try Self.released(notify: #"[{"kind": "webhook", "url": "\#(hung.url)/hook", "timeoutSeconds": 2}]"#)
        let started = Date()
        let report = try Self.notify(clone)
        #expect(Date().timeIntervalSince(started) < 15)
        #expect(report.outcomes.first?.detail == "the webhook \(hung.url)/hook did not answer within 2 s")
        try FileManager.default.removeItem(atPath: remote.root)
        #expect { try Self.notify(clone) } throws: { error in
            (error as? NoticeError)?.description.contains("nothing was sent, so that no channel gets the notice twice") == true
        }
    }

    @Test func aVersionWithoutItsChangelogSectionHasNoNotice() throws {
        let (remote, clone, _) = try Self.released(notify: #"[{"kind": "file", "path": "notices.md"}]"#)
        defer { withExtendedLifetime(remote) {} }
        try clone.commitFile("CHANGELOG.md", "# Changelog\n", message: "docs: empty changelog")
        try clone.tag("v1.2.0", annotated: true)
        let git = try clone.repository()
        let release = try #require(ArtefactRelease.find(SemanticVersion(major: 1, minor: 2, patch: 0), in: git, tagPrefix: "v"))
        #expect { try NoticeComposer(repository: git, config: try SlipwayConfig.load(repositoryRoot: git.root)).compose(release, environments: []) }
            throws: { ($0 as? NoticeError)?.description == "CHANGELOG.md at v1.2.0 has no section for 1.2.0; the notice needs its changelog excerpt" }
    }

    @Test func channelsAreReadStrictly() {
        func problem(_ notify: String) -> String? {
            do { _ = try SlipwayConfig.parse(Data(#"{"notify": \#(notify)}"#.utf8)).notifyChannels(); return nil } catch { return error.description }
        }
        #expect(problem(#"[{"kind": "pager"}]"#)?.contains("'pager' is not one of webhook, email, command, file, forge-release") == true)
        #expect(problem(#"[{"kind": "email", "smtp": "mail:25", "from": "a@b", "to": ["--upload-file=/etc/passwd"]}]"#)?.contains("is not an email address") == true)
        #expect(problem(#"[{"kind": "email", "smtp": "-x:25", "from": "a@b", "to": ["c@d"]}]"#)?.contains("must be host:port") == true)
        #expect(problem(#"[{"kind": "webhook", "url": "file:///etc/passwd"}]"#)?.contains("must be an http(s) URL") == true)
        #expect(problem(#"[{"kind": "webhook", "url": "https://x/h", "headers": {"Authorization": "Bearer abc"}}]"#)?.contains("needs \"env\"") == true
                || problem(#"[{"kind": "webhook", "url": "https://x/h", "headers": {"Authorization": "Bearer abc"}}]"#)?.contains("must be an object") == true)
        #expect(problem(#"[{"kind": "file", "path": "a.md"}, {"kind": "file", "path": "a.md"}]"#)?.contains("is listed twice") == true)
        #expect(problem(#"[{"kind": "command", "argv": ["--help"]}]"#)?.contains("must name a program first") == true)
    }
}
