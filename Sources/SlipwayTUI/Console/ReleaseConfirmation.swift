import SlipwayKit

/// The confirm dialog of a release action: the dry run's report (the exact commands, or that the step is done).
public struct ReleaseConfirmation: Sendable, Hashable {
    public let action: ReleaseAction
    /// What the dry run said.
    public let report: ActionReport
    /// The console's dry-run flag when the dialog opened: confirming then runs nothing.
    public let dryRun: Bool

    public init(action: ReleaseAction, report: ActionReport, dryRun: Bool) {
        self.action = action
        self.report = report
        self.dryRun = dryRun
    }

    public var version: String { report.version }
    public var commands: [String] { report.commands }
    public var message: String { report.message }
}
