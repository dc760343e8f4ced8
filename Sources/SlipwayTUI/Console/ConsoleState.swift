import SlipwayKit

/// Everything the screen shows. Changed only by `ConsoleReducer.reduce`.
public struct ConsoleState: Sendable {
    public enum Load: Sendable {
        case loading
        case loaded(Workspace)
        case failed(String)
    }

    public var repositoryPath: String
    public var width: Int
    public var height: Int
    public var panel: PanelID = .changes
    public var load: Load = .loading
    public var dryRun: Bool
    /// The overrides in force (saved ones, or in dry-run the ones kept in memory).
    public var overrides = ReleaseOverrides()
    public var overlay: Overlay?
    public var status: StatusMessage? {
        didSet {
            // Every message is kept (the last 200) so that one cut at the screen's edge can be read in full (M).
            guard let status, status != oldValue, messages.last != status else { return }
            messages.append(status)
            if messages.count > 200 { messages.removeFirst(messages.count - 200) }
        }
    }
    /// The session's status messages, oldest first.
    public var messages: [StatusMessage] = []
    /// Set while the team's shared records could not be fetched: how old the ones shown are, and why.
    public var sharedStaleness: String?
    public var inFlight: [BackgroundWork] = []
    public var spinnerFrame = 0
    public var quitRequested = false
    /// Escape sequences for the terminal itself (the clipboard's OSC 52), written by the loop after the frame.
    public var terminalOutput: [String] = []
    /// An action asked for (from the palette) on a panel whose data was still being read: it starts when the
    /// data arrives, if that panel is still the one shown.
    public var pendingCommand: ConsoleCommand?

    // Changes panel
    /// The first commits read while the first load streams the history; empty once it is loaded.
    public var streamingCommits: [ClassifiedCommit] = []
    public var streamingBase: String?
    public var filterText = ""
    /// `/` in the command log, the help, the history and the hotfix board: what they are narrowed to, and
    /// whether it is being typed. Cleared when the list closes or the panel changes.
    public var find = ""
    public var findEditing = false
    /// Where the cursor is in the filter or find prompt being typed (characters from the start); `nil`: at the end.
    public var promptCursor: Int?
    public var rows: [ChangeRow] = []
    public var selectedRow = 0
    public var topRow = 0
    public var commitDetails: [String: String] = [:]
    /// Commits the filter lets through (the rows less the group headings).
    public var shownCommitCount = 0

    // Worked out once per proposal, so that drawing stays proportional to the screen, not the history.
    public var decidingCommits: [ClassifiedCommit] = []
    public var unclassifiedCount = 0

    // Version panel
    public var versionScroll = 0
    public var releaseFiles: ReleaseFilesState
    public var lastWritten: [String] = []

    public var commandLog: [CommandRecord] = []
    /// The run chosen in the `L` log (an index into `commandLog`); `nil`: the newest shown.
    public var commandLogSelected: Int?

    // Release and Approvals panels
    public var release = ReleasePanelState()
    // Environments and Rollback panels
    public var environments = EnvironmentsPanelState()
    /// The Hotfixes panel.
    public var hotfixes = HotfixPanelState()
    /// `H`: the past releases and the audit trail, read when first opened and after each action.
    public var history: HistoryLoad = .notLoaded

    public init(repositoryPath: String, width: Int = 80, height: Int = 24, dryRun: Bool = false,
                releaseFilesAvailable: Bool = false) {
        self.repositoryPath = repositoryPath
        self.width = width
        self.height = height
        self.dryRun = dryRun
        releaseFiles = releaseFilesAvailable ? .notLoaded : .unavailable
    }

    public var workspace: Workspace? {
        if case .loaded(let workspace) = load { return workspace }
        return nil
    }

    public var proposal: VersionProposal? { workspace?.proposal }

    /// Rows of the panel body: the screen less the header, tab bar, status line and footer.
    public var bodyHeight: Int { max(1, height - 4) }

    /// Below this the console shows one line asking for a bigger terminal.
    public static let minimumWidth = 40
    public static let minimumHeight = 10

    public var isTooSmall: Bool { width < Self.minimumWidth || height < Self.minimumHeight }

    public var selectedCommit: ClassifiedCommit? {
        guard let proposal, selectedRow < rows.count, let index = rows[selectedRow].commitIndex,
              index < proposal.commits.count else { return nil }
        return proposal.commits[index]
    }

    public var isBusy: Bool { !inFlight.isEmpty }
}
