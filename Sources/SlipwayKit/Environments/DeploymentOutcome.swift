/// What a deploy or rollback did, for the audit log and the screen.
public struct DeploymentOutcome: Sendable, Hashable {
    /// The commands run, as a person would type them.
    public var commands: [String]
    /// The backend's own output, trimmed.
    public var output: String
    public var revision: String?

    public init(commands: [String], output: String = "", revision: String? = nil) {
        self.commands = commands
        self.output = ControlText.stripped(output)
        self.revision = revision
    }
}
