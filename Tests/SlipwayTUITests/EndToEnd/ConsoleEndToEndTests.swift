import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The built `slipway` in a real terminal (tmux): what a person types and what they see, and that the
/// terminal is given back clean.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed"))
struct ConsoleEndToEndTests {
    let slipway = TmuxSession.slipway

    /// Saves the tty settings, so that `expectRestored` can compare them after the console.
    func prepareShell(_ session: TmuxSession) throws {
        #expect(FileManager.default.isExecutableFile(atPath: slipway), "build first: swift build (\(slipway) is missing)")
        try session.run("stty -g > \(session.folder)/stty-before; clear; echo BEFORE-CONSOLE")
        try session.waitFor("BEFORE-CONSOLE")
    }

    /// The shell is back: its earlier output visible again (the alternate screen is gone), the exit code
    /// printed, and the tty in exactly the mode it was in before.
    func expectRestored(_ session: TmuxSession, exitCode: Int32, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let screen = try session.waitFor("EXIT=\(exitCode)", sourceLocation: sourceLocation)
        #expect(screen.contains("BEFORE-CONSOLE"), "the screen from before the console is not back", sourceLocation: sourceLocation)
        #expect(!screen.contains("1 Changes 2 Version"), "curses output left on the screen", sourceLocation: sourceLocation)
        // The answers are computed by the shell, so the echoed command line (which may wrap) never matches them.
        try session.run("stty -g | cmp -s - \(session.folder)/stty-before && echo TTY-SAME-$((40+2)) || echo TTY-CHANGED-$((40+2))")
        let after = try session.waitUntil("the tty check") { $0.contains("TTY-SAME-42") || $0.contains("TTY-CHANGED-42") }
        #expect(after.contains("TTY-SAME-42"), "the terminal modes were not restored", sourceLocation: sourceLocation)
    }

    @Test func aReleaseManagersTour() throws {
        let repository = try FixtureRepository()
        let session = try TmuxSession(width: 80, height: 24)
        try prepareShell(session)
        try session.run("\(slipway) --repo \(repository.root); echo EXIT=$?")

        var screen = try session.waitForAll(["Not conventional (2)", "WIP tweak build 日本語", "Enter open  / filter  c classify  ? help  q quit"])
        let header = screen.split(separator: "\n").first.map(String.init) ?? ""
        #expect(header.hasPrefix(" slipway │ slipway-tui-"))
        #expect(header.contains("│ main │ last v1.4.0 │ next v2.0.0 │ forge local"))
        #expect(screen.contains("Breaking (1)"))
        #expect(screen.contains("feat!: drop the v1 API"))
        #expect(screen.contains("WIP tweak build 日本語"))

        // Every panel, by Tab and by number.
        try session.press("Tab")
        screen = try session.waitFor("Decided by 1 commit(s) at major:")
        #expect(screen.contains("Current   1.4.0  (v1.4.0)"))
        try session.press("3")
        try session.waitForAll(["1 Determine the version", "8 CI publishes, verified"])
        try session.press("4")
        try session.waitFor("No release PR yet.")
        for (key, text) in [("5", "no environments are configured"), ("6", "no environments are configured"),
                            ("7", "No hotfixes. s starts one from the latest release tag.")] {
            try session.press(key)
            try session.waitFor(text)
        }
        try session.press("7")
        try session.waitFor("No hotfixes. s starts one from the latest release tag.")
        try session.press("BTab")
        try session.waitForAll(["Rollback", "no environments are configured"])
        try session.press("1")
        try session.waitFor("Breaking (1)")

        // Open a commit: message, author, date and stat.
        try session.press("Enter")
        screen = try session.waitFor("BREAKING CHANGE: /v1 is gone")
        #expect(screen.contains("Author: Ada Release <ada@example.com>"))
        try session.press("Escape")
        try session.waitForAbsence("BREAKING CHANGE: /v1 is gone")

        // Filter by type, then clear it.
        try session.press("/")
        try session.type("type:feat")
        try session.press("Enter")
        screen = try session.waitFor("filter 'type:feat': 2 commit(s)")
        #expect(!screen.contains("fix(ui): stop the login flicker"))
        try session.press("\\")
        try session.waitFor("fix(ui): stop the login flicker")

        // Classify the oldest non-conventional commit as a fix.
        try session.press("G", "c")
        try session.waitFor("Commit")
        try session.press("Down")
        try session.type("it fixes the build")
        try session.press("Enter")
        try session.waitForAll(["Fixes (3)", "✎ update stuff", "Not conventional (1)"])
        // The decision is the team's: in the shared record, not in one clone's file.
        let stored = try Spawn.run(["git", "-C", repository.root, "show", "refs/slipway/overrides:overrides.json"],
                                   environment: TmuxSession.paneEnvironment.merging(["PATH": "/usr/bin:/bin"]) { $1 }).output
        #expect(stored.contains("\"reason\" : \"it fixes the build\""))
        #expect(!FileManager.default.fileExists(atPath: repository.root + "/.git/slipway/overrides.json"))

        // Override the version with an exact one; a reason is required.
        try session.press("2", "o")
        try session.waitFor("Override the version")
        try session.press("Down", "Down", "Down")
        try session.type("3.0.0")
        try session.press("Enter")
        try session.waitFor("a reason is required")
        try session.press("Tab")
        try session.type("marketing wants 3")
        try session.press("Enter")
        screen = try session.waitFor("exactly 3.0.0  instead of 2.0.0: marketing wants 3")
        #expect(screen.contains("next v3.0.0"))

        // The command log shows the git commands the console ran.
        try session.press("L")
        try session.waitForAll(["Command log", "✓ exit 0", "log -z"])
        try session.press("Escape")

        // Help lists the keys of the panel in view; the palette runs commands by name.
        try session.press("?")
        try session.waitFor("Keys on the Version panel")
        try session.press("Escape")
        try session.press(":")
        try session.type("show-changes")
        try session.press("Enter")
        try session.waitFor("Breaking (1)")

        try session.press("q")
        try expectRestored(session, exitCode: 0)
        let proposal = try Spawn.run([slipway, "next-version", "--repo", repository.root, "--short"],
                                     environment: TmuxSession.paneEnvironment.merging(["PATH": "/usr/bin:/bin"]) { $1 })
        #expect(proposal.output == "3.0.0\n", "the override is what the headless command proposes too")
    }

    /// The on-call engineer's screens on the demo: promote staging to what test runs, then roll production back.
    @Test func promoteAndRollBackOnTheDemo() throws {
        let folder = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("slipway-e2e-demo-\(UUID().uuidString.prefix(8))").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let environment = TmuxSession.paneEnvironment.merging(["PATH": "/usr/bin:/bin"]) { $1 }
        let built = try Spawn.run([slipway, "demo", "--no-console", "--dir", folder], environment: environment)
        #expect(built.status == 0, "slipway demo failed: \(built.output)")
        let origin = folder + "/acme-envs.git"

        let session = try TmuxSession(width: 80, height: 24)
        try prepareShell(session)
        try session.run("\(slipway) --repo \(folder)/acme-web; echo EXIT=$?")
        try session.waitFor("Breaking (1)")

        // Environments: staging is behind test; promote it after reading what it brings.
        try session.press("5")
        var screen = try session.waitForAll(["▸ production", "staging is behind: 1.1.0 → 1.2.0 can be promoted", "p promote"])
        #expect(screen.contains("auto: deployed by CI"))
        try session.press("k", "p")
        screen = try session.waitForAll(["Promote staging", "staging: 1.1.0 → 1.2.0", "feat(db): order status column",
                                         "## [1.2.0]", "y or Enter confirms"])
        try session.press("y")
        try session.waitForAll(["staging now runs 1.2.0", "production is behind: 1.1.0 → 1.2.0 can be promoted"])
        let staging = try Spawn.run(["git", "--git-dir", origin, "show", "main:staging/values.yaml"], environment: environment)
        #expect(staging.output.contains("\n  tag: 1.2.0\n"), "staging in the environments repository: \(staging.output)")

        // Rollback: production's readiness, then a rollback that needs the exact name.
        try session.press("6")
        screen = try session.waitForAll(["[production]", "production runs 1.1.0, would go back to 1.0.0",
                                         "✗ rollback plan for the deployed version", "✗ migrations since the rollback target",
                                         "R rolls production back to 1.0.0", "? previous version's artefacts"])
        // The rest of the checklist is a page down.
        try session.press("PageDown")
        try session.waitFor("? rollback within 15 min")
        try session.press("R")
        try session.waitFor("Type production to confirm:")
        try session.type("prod")
        try session.press("Enter")
        try session.waitFor("'prod' is not production: type its exact name")
        try session.type("uction")
        try session.press("Enter")
        screen = try session.waitForAll(["production now runs 1.0.0 (took 00:", "within the 15:00 target", "1.1.0 is held"])
        let production = try Spawn.run(["git", "--git-dir", origin, "show", "main:production/values.yaml"], environment: environment)
        #expect(production.output.contains("\n  tag: 1.0.0\n"), "production in the environments repository: \(production.output)")

        try session.press("q")
        try expectRestored(session, exitCode: 0)
    }

    /// Choices in the console, on the demo: the version to promote, the rollback target, and a drill.
    @Test func chooseTheVersionTheTargetAndDrillOnTheDemo() throws {
        let folder = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("slipway-e2e-choice-\(UUID().uuidString.prefix(8))").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let environment = TmuxSession.paneEnvironment.merging(["PATH": "/usr/bin:/bin"]) { $1 }
        let built = try Spawn.run([slipway, "demo", "--no-console", "--dir", folder], environment: environment)
        #expect(built.status == 0, "slipway demo failed: \(built.output)")
        let stagingFile = { try Spawn.run(["git", "--git-dir", folder + "/acme-envs.git", "show", "main:staging/values.yaml"], environment: environment).output }

        let session = try TmuxSession(width: 120, height: 40)
        try prepareShell(session)
        try session.run("\(slipway) --repo \(folder)/acme-web; echo EXIT=$?")
        try session.waitFor("Breaking (1)")
        try session.press("5")
        try session.waitFor("staging is behind: 1.1.0 → 1.2.0 can be promoted")
        try session.press("k", "p")
        try session.waitForAll(["staging: 1.1.0 → 1.2.0", "←/→ [1.2.0] 1.0.0", "←/→ version"])
        try session.press("Right")
        try session.waitForAll(["staging: 1.1.0 → 1.0.0", "←/→ 1.2.0 [1.0.0]", "1.0.0 is older than the 1.1.0 staging runs"])
        try session.press("Left")
        try session.waitForAll(["staging: 1.1.0 → 1.2.0", "feat(db): order status column"])
        try session.press("y")
        try session.waitFor("staging now runs 1.2.0")
        #expect(try stagingFile().contains("\n  tag: 1.2.0\n"))

        // The rollback target: the default is the last good version; → picks an older one from the history.
        try session.press("6", "k")
        try session.waitFor("staging runs 1.2.0, would go back to 1.1.0")
        try session.press("R")
        try session.waitForAll(["Roll staging back", "←/→ [1.1.0] 1.0.0"])
        try session.type("stag")
        try session.press("Right")
        try session.waitForAll(["staging: 1.2.0 → 1.0.0", "←/→ 1.1.0 [1.0.0]", "Type staging to confirm: stag"])
        try session.type("ing")
        try session.press("Enter")
        try session.waitForAll(["staging now runs 1.0.0", "1.2.0 is held"])
        #expect(try stagingFile().contains("\n  tag: 1.0.0\n"))

        // A drill on staging puts 1.0.0 back; production is protected and refuses one.
        try session.press("D")
        try session.waitForAll(["Drill a rollback of staging", "(drill)"])
        try session.type("staging")
        try session.press("Enter")
        try session.waitFor("drill on staging: rolled back to 1.1.0, then 1.0.0 put back")
        #expect(try stagingFile().contains("\n  tag: 1.0.0\n"), "the drill put staging back")

        // The history: 1.2.0 was rolled back in staging; the audit trail has the session's actions, newest first.
        try session.press("H")
        let history = try session.waitForAll(["Releases (4): first commit to production", "Audit trail (", "env.rollback 1.0.0 → staging"])
        let rows = history.split(separator: "\n").map(String.init)
        #expect(rows.contains { $0.contains("│ 1.2.0 ") && $0.contains("yes: staging") }, "\(history)")
        #expect(rows.contains { $0.contains("│ 1.1.0 ") && $0.contains("2026-02-06") && $0.contains("7d 2h") })
        let promote = rows.firstIndex { $0.contains("env.promote 1.2.0 → staging") }
        let rollback = rows.firstIndex { $0.contains("env.rollback 1.0.0 → staging") }
        #expect(promote != nil && rollback != nil && rollback! < promote!, "newest first")
        try session.press("Escape")
        try session.press("q")
        try expectRestored(session, exitCode: 0)
    }

    /// `y` reaches the terminal's clipboard (tmux keeps OSC 52 as a paste buffer with set-clipboard on), and `O`
    /// hands the commit's page on the remote's forge to the desktop's opener (a recording xdg-open here).
    @Test func copyReachesTheClipboardAndOpenTheBrowser() throws {
        let repository = try FixtureRepository()
        try repository.git(["remote", "add", "origin", "git@github.com:acme/api.git"])
        let session = try TmuxSession(width: 120, height: 40)
        _ = try session.tmux(["set-option", "-g", "set-clipboard", "on"])
        let bin = session.folder + "/bin"
        try FileManager.default.createDirectory(atPath: bin, withIntermediateDirectories: true)
        try "#!/bin/sh\nprintf '%s\\n' \"$@\" > \(session.folder)/opened\n".write(toFile: bin + "/xdg-open", atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: bin + "/xdg-open")
        try prepareShell(session)
        try session.run("PATH=\(bin):$PATH \(slipway) --repo \(repository.root); echo EXIT=$?")
        try session.waitFor("Breaking (1)")
        try session.press("y")
        let screen = try session.waitFor("(the commit's sha, through the terminal: OSC 52)")
        let buffer = try session.tmux(["show-buffer"]).output.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(buffer.count == 40 && screen.contains("copied \(buffer)"), "the paste buffer: \(buffer)")
        try session.press("O")
        try session.waitFor("opened https://github.com/acme/api/commit/\(buffer)")
        let opened = try String(contentsOfFile: session.folder + "/opened", encoding: .utf8)
        #expect(opened == "https://github.com/acme/api/commit/\(buffer)\n")
        try session.press("q")
        try expectRestored(session, exitCode: 0)
    }

    /// The mouse in a real terminal. The pane's TERM is tmux's own (tmux-256color), whose mouse reports are the
    /// X10 form `ESC [ M b x y` (each a byte, 32 + button, 33 + column, 33 + row): typed into the pane, they
    /// are what a click and the wheel send. A click on a tab, on a row, on a footer hint, and the wheel.
    @Test func clicksAndTheWheel() throws {
        let repository = try FixtureRepository()
        let session = try TmuxSession(width: 80, height: 24)
        try prepareShell(session)
        try session.run("\(slipway) --repo \(repository.root); echo EXIT=$?")
        try session.waitFor("Breaking (1)")
        let report = { (button: Int, column: Int, row: Int) in   // 0-based cell
            let bytes = [32 + button, 33 + column, 33 + row].map { Character(Unicode.Scalar(UInt8($0))) }
            try session.type("\u{1B}[M" + String(bytes))
        }
        let click = { (column: Int, row: Int) in
            try report(0, column, row)
            try report(3, column, row)   // the release
        }
        // Where a label is on the screen, as a 0-based column.
        let column = { (text: String, line: String) throws -> Int in
            let found = try #require(line.range(of: text))
            return line.distance(from: line.startIndex, to: found.lowerBound)
        }
        var screen = try session.screen()
        let tabs = screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)[1]
        try click(try column("2 Version", tabs) + 2, 1)
        try session.waitForAll(["Decided by", "o override"])
        try click(try column("1 Changes", tabs) + 2, 1)
        screen = try session.waitFor("Breaking (1)")
        // The fourth body row is a commit: click it, and Enter opens that one.
        let row = screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)[5]
        let sha = String(row.trimmingCharacters(in: .whitespaces).prefix(7))
        try click(20, 5)
        try session.press("Enter")
        try session.waitFor("Commit \(sha)")
        try session.press("Escape")
        _ = try session.waitUntil("the commit closed") { !$0.contains("─ Commit ") }
        // The wheel moves the selection three rows a notch; a click on "L log" in the footer opens the log.
        try report(65, 20, 10)
        try session.press("Enter")
        screen = try session.waitUntil("another commit opened") { $0.contains("─ Commit ") && !$0.contains("Commit \(sha) ") }
        #expect(!screen.contains("Commit \(sha) "), "the wheel moved on from \(sha)")
        try session.press("Escape")
        _ = try session.waitUntil("the commit closed") { !$0.contains("─ Commit ") && $0.contains("L log") }
        let footer = try session.screen().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)[23]
        try click(try column("L log", footer), 23)
        try session.waitFor("─ Command log (")
        #expect(try session.tmux(["display-message", "-p", "-t", "t", "#{mouse_any_flag}"]).output.hasPrefix("1"), "the console asked for the mouse")
        try session.press("Escape", "q")
        try expectRestored(session, exitCode: 0)
        #expect(try session.tmux(["display-message", "-p", "-t", "t", "#{mouse_any_flag}"]).output.hasPrefix("0"),
                "the terminal's mouse reporting is off again: clicks in the shell print nothing")
    }

    /// The filter prompt's readline keys reach the console from a real terminal (control bytes are not dropped).
    @Test func readlineKeysInTheFilterPrompt() throws {
        let repository = try FixtureRepository()
        let session = try TmuxSession(width: 100, height: 24)
        try prepareShell(session)
        try session.run("\(slipway) --repo \(repository.root); echo EXIT=$?")
        try session.waitFor("Breaking (1)")
        try session.press("/")
        try session.type("drop api")
        try session.press("C-a")
        try session.type("feat ")
        try session.waitFor("Filter: feat ▏drop api")
        try session.press("C-e", "C-w")
        try session.waitFor("Filter: feat drop ▏")
        try session.press("C-u")
        try session.type("v1")
        try session.press("Enter")
        try session.waitFor("filter 'v1': 1 commit(s)")
        try session.press("q")
        try expectRestored(session, exitCode: 0)
    }

    @Test func ctrlCGivesTheTerminalBack() throws {
        let repository = try FixtureRepository()
        let session = try TmuxSession()
        try prepareShell(session)
        try session.run("\(slipway) --repo \(repository.root); echo EXIT=$?")
        try session.waitFor("Breaking (1)")
        try session.press("C-c")
        try expectRestored(session, exitCode: 130)
    }

    @Test func sigtermGivesTheTerminalBack() throws {
        let repository = try FixtureRepository()
        let session = try TmuxSession()
        try prepareShell(session)
        try session.run("\(slipway) --repo \(repository.root); echo EXIT=$?")
        try session.waitFor("Breaking (1)")
        let pid = try #require(try session.childOfShell())
        kill(pid, SIGTERM)
        try expectRestored(session, exitCode: 143)
    }

    @Test(arguments: [(SIGSEGV, "11"), (SIGABRT, "06")])
    func aCrashGivesTheTerminalBackAndIsLogged(signal: Int32, number: String) throws {
        let repository = try FixtureRepository()
        let session = try TmuxSession()
        try prepareShell(session)
        try session.run("TMPDIR=\(session.folder) \(slipway) --repo \(repository.root) 2>\(session.folder)/stderr; echo EXIT=$?")
        try session.waitFor("Breaking (1)")
        let pid = try #require(try session.childOfShell())
        kill(pid, signal)
        try expectRestored(session, exitCode: 128 + signal)
        let log = try String(contentsOfFile: session.folder + "/slipway-console.log", encoding: .utf8)
        #expect(log == "slipway console: crashed with signal \(number)\n")
        let stderr = try String(contentsOfFile: session.folder + "/stderr", encoding: .utf8)
        #expect(stderr.hasPrefix("slipway console: crashed with signal \(number)\n"))
    }

    @Test func aTinyTerminalAndAResizeStorm() throws {
        let repository = try FixtureRepository()
        let session = try TmuxSession(width: 20, height: 8)
        // At 20×8 a long command line would wrap over the whole pane and push BEFORE-CONSOLE into the
        // history (how far depends on the checkout's path): keep the typed line short.
        try session.run("S=\(slipway); R=\(repository.root)")
        try prepareShell(session)
        try session.run("$S --repo $R; echo EXIT=$?")
        try session.waitFor("Terminal too small")
        for (width, height) in [(100, 30), (30, 9), (120, 40), (41, 10), (200, 50), (60, 15)] {
            try session.resize(width: width, height: height)
        }
        try session.resize(width: 120, height: 40)
        // The storm's last frames may still be arriving: wait for the whole settled screen.
        let screen = try session.waitForAll(["Ada Release       2026-01-01",
                                             "1 Changes 2 Version 3 Release 4 Approvals 5 Environments 6 Rollback 7 Hotfixes"])
        #expect(!screen.contains("Terminal too small"))
        try session.press("q")
        try expectRestored(session, exitCode: 0)
    }

    @Test func notARepositoryIsSaidInThePanel() throws {
        let session = try TmuxSession()
        try prepareShell(session)
        // The temporary folder may sit inside a checkout (CI points TMPDIR there): stop git's search at it.
        let parent = URL(fileURLWithPath: session.folder).deletingLastPathComponent().path
        try session.run("GIT_CEILING_DIRECTORIES=\(parent) \(slipway) --repo \(session.folder); echo EXIT=$?")
        try session.waitForAll(["Could not read the repository:", "is not a git repository"])
        try session.press("2")
        try session.waitFor("Could not work out the next version:")
        try session.press("q")
        try expectRestored(session, exitCode: 0)
    }

    @Test func aBadThemeFileIsNamedAndTheDefaultUsed() throws {
        let repository = try FixtureRepository()
        let session = try TmuxSession()
        try prepareShell(session)
        try session.run("echo '{ nope' > \(session.folder)/bad.json; \(slipway) --repo \(repository.root) --theme \(session.folder)/bad.json; echo EXIT=$?")
        try session.waitFor("theme bad.json: is not valid JSON; using the default theme")
        try session.waitFor("Breaking (1)")
        try session.press("q")
        try expectRestored(session, exitCode: 0)
    }

    @Test func withoutATerminalItPrintsAHintAndTheChanges() throws {
        let repository = try FixtureRepository()
        var environment = TmuxSession.paneEnvironment
        environment["PATH"] = "/usr/local/bin:/usr/bin:/bin"
        let result = try Spawn.run([slipway, "--repo", repository.root], environment: environment)
        #expect(result.status == 0)
        let lines = result.output.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first == "slipway: no console (standard input is not a terminal); the commits since the last release:")
        #expect(result.output.contains("7 commit(s) in v1.4.0..HEAD"))
        #expect(result.output.contains("Not conventional (2)"))
    }

    @Test func termDumbAndANonUTF8LocaleStayUsable() throws {
        let repository = try FixtureRepository()
        let session = try TmuxSession()
        try prepareShell(session)
        try session.run("TERM=dumb \(slipway) --repo \(repository.root); echo EXIT=$?")
        try session.waitFor("TERM is 'dumb', which cannot show the console")
        try session.waitFor("Not conventional (2)")
        try session.waitFor("EXIT=0")
        try session.run("clear")
        try session.waitForAbsence("EXIT=0")
        try session.run("LANG=C LC_ALL=C \(slipway) --repo \(repository.root); echo EXIT=$?")
        try session.waitFor("the locale is not UTF-8: showing ASCII only")
        try session.waitFor("Breaking (1)")
        try session.press("?")
        try session.waitForAll(["+- Keys on the Changes panel ---", " slipway | "])
        try session.press("Escape", "q")
        try session.waitFor("EXIT=0")
    }

    @Test func theConsoleQuitsWhenItsTerminalGoesAway() throws {
        let repository = try FixtureRepository()
        let session = try TmuxSession()
        try prepareShell(session)
        try session.run("TMPDIR=\(session.folder) \(slipway) --repo \(repository.root); echo EXIT=$?")
        try session.waitFor("Breaking (1)")
        let pid = try #require(try session.childOfShell())
        session.kill()
        let deadline = ContinuousClock.now + .seconds(10)
        while ContinuousClock.now < deadline, Glibc.kill(pid, 0) == 0 { usleep(20_000) }
        #expect(Glibc.kill(pid, 0) != 0, "slipway (pid \(pid)) is still running without a terminal")
        #expect(!FileManager.default.fileExists(atPath: session.folder + "/slipway-console.log"), "it crashed on the way out")
    }
}
