import Foundation

/// A backend run by the project's own commands: argv templates in which `{env}` and `{version}` are replaced
/// as whole arguments and nothing passes through a shell.
public struct CommandBackend: DeploymentBackend {
    public let settings: CommandBackendSettings
    public let environment: String
    public let workingDirectory: String
    public let runner: any CommandRunning
    public var kind: String { "command" }

    public init(settings: CommandBackendSettings, environment: String, workingDirectory: String, runner: any CommandRunning) {
        self.settings = settings
        self.environment = environment
        self.workingDirectory = workingDirectory
        self.runner = runner
    }

    /// `template` with every argument that is exactly `{env}` or `{version}` replaced.
    public static func expand(_ template: [String], environment: String, version: String?) -> [String] {
        template.map { argument in
            switch argument {
            case "{env}": return environment
            case "{version}": return version ?? ""
            default: return argument
            }
        }
    }

    private func run(_ template: [String], version: String?, what: String) throws(DeploymentError) -> CommandOutput {
        let invocation = CommandInvocation(Self.expand(template, environment: environment, version: version),
                                           in: workingDirectory, timeout: settings.timeoutSeconds)
        do {
            return try runner.run(invocation)
        } catch {
            throw DeploymentError(.backend, "the \(what) command for \(environment) did not succeed: \(error.description)",
                                  output: error.outputTail)
        }
    }

    public func state() throws(DeploymentError) -> DeploymentState {
        let output = try run(settings.status, version: nil, what: "status")
        let line = output.text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .first(where: { !$0.isEmpty })
        guard let line else { return DeploymentState(version: nil, status: "nothing deployed") }
        guard !line.contains(" ") else {
            throw DeploymentError(.backend, "the status command for \(environment) printed '\(line.prefix(80))' instead of a version on its first line; make it print the bare version")
        }
        return DeploymentState(version: line, status: "reported")
    }

    /// The command backend keeps no history; Slipway's audit log stands in for it.
    public func history() throws(DeploymentError) -> [DeploymentRecord] { [] }

    public func deploy(_ version: String, action: String, from current: String?) throws(DeploymentError) -> DeploymentOutcome {
        let output = try run(settings.deploy, version: version, what: "deploy")
        return DeploymentOutcome(commands: [output.invocation.description], output: output.trimmedText)
    }

    public func rollback(to record: DeploymentRecord, from current: String?) throws(DeploymentError) -> DeploymentOutcome {
        let output = try run(settings.rollback ?? settings.deploy, version: record.version, what: "rollback")
        return DeploymentOutcome(commands: [output.invocation.description], output: output.trimmedText)
    }
}
