import Foundation
import Testing
@testable import SlipwayKit

@Suite struct CommitMessageTests {
    // The examples of the Conventional Commits 1.0.0 specification.

    @Test func descriptionAndBreakingChangeFooter() throws {
        let message = CommitMessage(parsing: """
        feat: allow provided config object to extend other configs

        BREAKING CHANGE: `extends` key in config file is now used for extending other config files
        """)
        let commit = try #require(message.conventional)
        #expect(commit.type == "feat")
        #expect(commit.scope == nil)
        #expect(commit.isBreaking)
        #expect(!commit.hasBreakingMarker)
        #expect(commit.breakingNotes == ["`extends` key in config file is now used for extending other config files"])
        #expect(commit.body == nil)
    }

    @Test func bangDrawsAttention() throws {
        let commit = try #require(CommitMessage(parsing: "feat!: send an email to the customer when a product is shipped").conventional)
        #expect(commit.hasBreakingMarker && commit.isBreaking)
        let scoped = try #require(CommitMessage(parsing: "feat(api)!: send an email to the customer when a product is shipped").conventional)
        #expect(scoped.scope == "api" && scoped.isBreaking)
    }

    @Test func bangAndFooterTogether() throws {
        let commit = try #require(CommitMessage(parsing: """
        chore!: drop support for Node 6

        BREAKING CHANGE: use JavaScript features not available in Node 6.
        """).conventional)
        #expect(commit.type == "chore" && commit.hasBreakingMarker)
        #expect(commit.breakingNotes == ["use JavaScript features not available in Node 6."])
    }

    @Test func noBody() throws {
        let commit = try #require(CommitMessage(parsing: "docs: correct spelling of CHANGELOG").conventional)
        #expect(commit.type == "docs" && commit.description == "correct spelling of CHANGELOG" && !commit.isBreaking)
    }

    @Test func scope() throws {
        let commit = try #require(CommitMessage(parsing: "feat(lang): add Polish language").conventional)
        #expect(commit.scope == "lang" && commit.description == "add Polish language")
    }

    @Test func multiParagraphBodyAndMultipleFooters() throws {
        let commit = try #require(CommitMessage(parsing: """
        fix: prevent racing of requests

        Introduce a request id and a reference to latest request. Dismiss
        incoming responses other than from latest request.

        Remove timeouts which were used to mitigate the racing issue but are
        obsolete now.

        Reviewed-by: Z
        Refs: #123
        """).conventional)
        #expect(commit.body == """
        Introduce a request id and a reference to latest request. Dismiss
        incoming responses other than from latest request.

        Remove timeouts which were used to mitigate the racing issue but are
        obsolete now.
        """)
        #expect(commit.footers == [CommitFooter(token: "Reviewed-by", value: "Z"), CommitFooter(token: "Refs", value: "#123")])
    }

    @Test func hashSeparatorAndMultiLineValues() throws {
        let commit = try #require(CommitMessage(parsing: """
        fix(parser): handle tabs

        Fixes #42
        BREAKING-CHANGE: tabs are now significant
          and indentation is measured in columns
        Co-authored-by: Lin <lin@example.com>
        """).conventional)
        #expect(commit.footers.count == 3)
        #expect(commit.footers[0] == CommitFooter(token: "Fixes", separator: " #", value: "42"))
        #expect(commit.footers[1].token == "BREAKING-CHANGE")
        #expect(commit.footers[1].value == "tabs are now significant\n  and indentation is measured in columns")
        #expect(commit.isBreaking)
    }

    @Test func keyValueLineInMidBodyIsNotAFooter() throws {
        let commit = try #require(CommitMessage(parsing: """
        feat: add retry

        Note: this is context, not a trailer.
        It goes on here.

        Signed-off-by: Ada <ada@example.com>
        """).conventional)
        #expect(commit.footers.map(\.token) == ["Signed-off-by"])
        #expect(commit.body?.hasPrefix("Note: this is context") == true)
    }

    @Test func crlfAndExtraBlankLines() throws {
        let commit = try #require(CommitMessage(parsing: "\r\n\r\nfix(io): flush on close\r\n\r\n\r\n\r\nBody line.\r\n\r\n\r\nRefs: #9\r\n\r\n").conventional)
        #expect(commit.type == "fix" && commit.scope == "io" && commit.description == "flush on close")
        #expect(commit.body == "Body line.")
        #expect(commit.footers == [CommitFooter(token: "Refs", value: "#9")])
    }

    @Test func typesAreCaseInsensitiveButBreakingChangeIsNot() throws {
        #expect(CommitMessage(parsing: "FEAT: shout").conventional?.type == "feat")
        let lower = try #require(CommitMessage(parsing: "fix: a\n\nbreaking change: not a real footer").conventional)
        #expect(!lower.isBreaking)
    }

    @Test(arguments: [
        ("fix(): empty scope", HeaderProblem.emptyScope),
        ("fix( ): blank scope", HeaderProblem.emptyScope),
        ("fix(api: unclosed", HeaderProblem.unclosedScope),
        ("fix:no space", HeaderProblem.missingSpaceAfterColon),
        ("fix: ", HeaderProblem.emptyDescription),
        ("update the readme", HeaderProblem.noColon),
        ("Merge branch 'x' into main", HeaderProblem.noColon),
        ("123: numbers first", HeaderProblem.noType),
        ("", HeaderProblem.empty),
    ])
    func notConventionalIsKeptWithTheReason(header: String, problem: HeaderProblem) {
        let message = CommitMessage(parsing: header)
        #expect(message.conventional == nil)
        #expect(message.headerProblem == problem)
        #expect(message.subject == header.trimmingCharacters(in: .whitespaces))
    }

    @Test func gitRevertsNameTheirCommit() {
        let message = CommitMessage(parsing: """
        Revert "feat: add search"

        This reverts commit 0123456789abcdef0123456789abcdef01234567.
        """)
        #expect(message.isRevert)
        #expect(message.revertedSHAs == ["0123456789abcdef0123456789abcdef01234567"])
        #expect(message.conventional == nil)
    }

    @Test func conventionalRevertUsesRefs() {
        let message = CommitMessage(parsing: """
        revert: let us never again speak of the noodle incident

        Refs: 676104e, a215868
        """)
        #expect(message.isRevert)
        #expect(message.revertedSHAs == ["676104e", "a215868"])
    }

    @Test func squashBodiesListTheirHeaders() {
        let message = CommitMessage(parsing: """
        Release train (#42)

        * feat(ui): dark mode
        * fix: crash on start
        - not a header
        * docs: typo
        """)
        #expect(message.conventional == nil)
        #expect(message.squashed.map(\.header) == ["feat(ui): dark mode", "fix: crash on start", "docs: typo"])
    }

    @Test func controlCharactersAndOddBytesAreData() {
        let message = CommitMessage(parsing: "fix: \u{1B}[31mred\u{0}\u{7}\n\n\u{FFFD}\u{FFFD} body")
        #expect(message.conventional?.type == "fix")
        #expect(message.conventional?.body == "\u{FFFD}\u{FFFD} body")
    }
}

@Suite struct CommitMessageFastPathTests {
    /// The quick read (header now, body and footers on demand) says what the full line-by-line read says.
    @Test func quickAndFullReadsAgree() {
        let headers = ["feat(api): add x", "fix!: y", "docs: z", "update things", "Revert \"feat: a\"", "revert: b", "", "  \n"]
        let pieces = ["Body line one.\nline two.", "BREAKING CHANGE: gone", "BREAKING-CHANGE: also", "Refs: #12", "Fixes #3",
                      "Note: mid-body key", "* feat: bullet", "- fix: dash", "This reverts commit 0123456789abc.",
                      "Reviewed-by: Z\nSigned-off-by: Y", "  indented", "\r\nCRLF line\r\n", "BREAKING CHANGE:no space"]
        var random = SplitMix64(seed: 7)
        for _ in 0..<1_500 {
            var message = headers[random.below(headers.count)]
            for _ in 0..<random.below(5) {
                message += String(repeating: "\n", count: 1 + random.below(3)) + pieces[random.below(pieces.count)]
            }
            let normalized = message.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            let quick = CommitMessage(parsing: message)
            let full = CommitMessageParser.parseFully(normalized)
            #expect(quick == full, "\(message.debugDescription)")
            #expect(quick.conventional?.isBreaking == full.conventional?.isBreaking)
            #expect(quick.conventional?.breakingNotes == full.conventional?.breakingNotes)
        }
    }
}
