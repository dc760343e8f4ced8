/// What sits on top of the panel and takes the keys while it is open.
public enum Overlay: Sendable, Hashable {
    case help(scroll: Int)
    case palette(query: String, selection: Int)
    case commandLog(scroll: Int)
    /// One run of the `L` log in full: argv, folder, exit, time, stderr and stdout tails.
    case commandEntry(index: Int, scroll: Int)
    case messages(scroll: Int)
    /// Past releases and the audit trail (`H`).
    case history(scroll: Int)
    case commitDetail(sha: String, scroll: Int)
    case filterInput
    case classify(ClassifyDialog)
    case versionOverride(VersionOverrideDialog)
    case confirmWrite(files: [String])
    case confirmRelease(ReleaseConfirmation)
    case confirmEnvironment(EnvironmentConfirmDialog)
}
