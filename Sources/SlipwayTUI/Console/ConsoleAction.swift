import SlipwayKit

/// Everything that can change the console's state: keys, commands, the terminal, and the results of
/// background work.
public enum ConsoleAction: Sendable {
    case key(Key)
    case command(ConsoleCommand)
    case resized(width: Int, height: Int)
    /// Time passed (the spinner turns).
    case tick
    case workspaceLoaded(Workspace)
    case workspaceFailed(String)
    case commitDetailLoaded(sha: String, text: String)
    case commitDetailFailed(sha: String, message: String)
    case overridesSaved(ReleaseOverrides, message: String)
    case overridesFailed(String)
    case commandLogUpdated([CommandRecord])
    case previewsLoaded([FileDiff])
    case previewsFailed(String)
    case releaseFilesWritten([String])
    case releaseFilesFailed(String)
    /// The Hotfixes panel's board and actions.
    case hotfixes(HotfixResult)
}
