/// The confirm dialog before a release action: the exact commands (from a dry run) it will run.
public struct ReleaseConfirmation: Sendable, Hashable {
    public let action: ReleaseAction
    public let version: String
    public let commands: [String]
    /// What the dry run said (for instance that the step is already done).
    public let message: String
    /// The console's dry-run flag when the dialog opened: confirming then runs nothing.
    public let dryRun: Bool

    public init(action: ReleaseAction, version: String, commands: [String], message: String, dryRun: Bool) {
        self.action = action
        self.version = version
        self.commands = commands
        self.message = message
        self.dryRun = dryRun
    }
}
