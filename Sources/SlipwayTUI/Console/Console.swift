import Foundation
import SlipwayKit

/// The release console: `Console.run` takes over the terminal, runs until `q` (or a signal), and gives the
/// terminal back.
public enum Console {
    /// Why the console cannot run here (no terminal on stdin or stdout, `TERM` unset or `dumb`), or `nil`.
    public static func unavailableReason(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if isatty(STDIN_FILENO) == 0 { return "standard input is not a terminal" }
        if isatty(STDOUT_FILENO) == 0 { return "standard output is not a terminal" }
        let term = environment["TERM"] ?? ""
        if term.isEmpty || term == "dumb" { return "TERM is '\(term)', which cannot show the console" }
        return nil
    }

    /// Writes a line to stderr with write(2): after a hang-up the terminal is gone and Foundation's
    /// `FileHandle.write` would trap on the error.
    static func printError(_ line: String) {
        let bytes = Array((line + "\n").utf8)
        _ = bytes.withUnsafeBytes { write(STDERR_FILENO, $0.baseAddress, $0.count) }
    }

    /// Where a crash of the console is logged (the message on the alternate screen would be lost):
    /// `$TMPDIR/slipway-console.log`.
    public static var crashLogPath: String {
        URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("slipway-console.log").path
    }

    /// Opens the console on the repository at `repositoryPath` and returns the exit code: 0 after `q`,
    /// 128+N after signal N, 1 when the terminal could not be used (the reason is printed on stderr).
    /// - Parameters:
    ///   - theme: `--theme NAME|PATH`; `nil` uses `NO_COLOR`, `SLIPWAY_THEME` or the default.
    ///   - dryRun: start with dry-run on (nothing is written; `d` toggles it).
    ///   - releaseFiles: manifest and changelog previews for the Version panel, when available.
    public static func run(repositoryPath: String, theme: String? = nil, dryRun: Bool = false,
                           releaseFiles: (any ReleaseFilesPreviewing)? = nil,
                           environment: [String: String] = ProcessInfo.processInfo.environment) -> Int32 {
        if let reason = unavailableReason(environment: environment) {
            printError("slipway: cannot open the console: \(reason)")
            return 1
        }
        setlocale(LC_ALL, "")
        let (chosenTheme, themeProblem) = ThemeLoader.standard(environment: environment).resolve(option: theme, environment: environment)
        let crashLog = Self.crashLogPath
        SignalGuard.install(crashLog: crashLog, restore: TerminalBackend.emergencyRestore)
        defer { SignalGuard.uninstall() }

        let backend: TerminalBackend
        do {
            backend = try TerminalBackend(theme: chosenTheme)
        } catch {
            printError("slipway: cannot open the console: \(error.description)")
            return 1
        }
        let size = backend.size
        var state = ConsoleState(repositoryPath: repositoryPath, width: size.width, height: size.height,
                                 dryRun: dryRun, releaseFilesAvailable: releaseFiles != nil)
        if let themeProblem {
            state.status = StatusMessage(themeProblem.shortDescription, .warn)
        } else if !backend.unicode {
            state.status = StatusMessage("the locale is not UTF-8: showing ASCII only (set LANG=C.UTF-8)", .warn)
        }
        let inbox = ActionInbox()
        let log = CommandLog()
        let runner = EffectRunner(repositoryPath: repositoryPath, runner: CommandRunner(log: log), releaseFiles: releaseFiles)
        let loop = ConsoleLoop(backend: backend, inbox: inbox, runner: runner)
        let code = loop.run(&state)
        backend.stop()
        if code > 128 { printError("slipway: stopped by signal \(code - 128)") }
        return code
    }
}
