import SlipwayKit

/// What the hotfix work off the UI thread reports back to the reducer.
public enum HotfixResult: Sendable {
    case boardLoaded(HotfixBoard)
    case boardFailed(String)
    /// The dry run of `request`: the exact commands it would run, and what it would do.
    case planned(HotfixRequest, commands: [String], message: String)
    case planFailed(HotfixRequest, message: String)
    case done(HotfixRequest, message: String)
    /// The action was refused or failed; `conflictFiles` holds a backport conflict's files, and then `message`
    /// the commands that finish it, one a line.
    case failed(HotfixRequest, message: String, conflictFiles: [String])
}
