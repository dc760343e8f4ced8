import Foundation
import SlipwayKit

/// `slipway doctor`: which tools are installed, which configuration is read, and what is missing.
enum DoctorCommand {
    static let spec = SubcommandSpec(
        name: "doctor",
        usage: "doctor [--json]",
        summary: """
        Lists the tools Slipway drives (git, skopeo, gh, glab, helm, npm, pip, cargo, curl) with their versions,
        the configuration file it reads, and every configured feature whose tool is missing, each with the one
        command that fixes it. Exit 1 when the configuration is bad or a configured feature lacks its tool.
        """,
        options: [SubcommandSpec.repoOption, SubcommandSpec.jsonOption])

    static func run(_ arguments: [String]) throws -> Int32 {
        guard let parsed = try spec.parse(arguments) else { return 0 }
        guard parsed.positional.isEmpty else { throw UsageError("doctor takes no arguments") }
        let doctor = Doctor(runner: CommandRunner())
        let tools = doctor.inventory()
        let folder = parsed.value("repo") ?? FileManager.default.currentDirectoryPath
        var repositoryLine: String
        var configLine = "none"
        var problems: [String] = []
        var needs: [ToolNeed] = []
        do {
            let repository = try GitRepository.open(folder, runner: CommandRunner())
            repositoryLine = repository.root
            do {
                let config = try SlipwayConfig.load(repository: repository)
                configLine = config.source ?? "none (\(SlipwayConfig.fileName) not found; defaults are used)"
                problems = Doctor.configProblems(config)
                needs = Doctor.needs(config, installed: Set(tools.filter { $0.path != nil }.map(\.name)), path: doctor.path)
            } catch {
                configLine = repository.root + "/" + SlipwayConfig.fileName
                problems = [String(describing: error)]
            }
        } catch {
            repositoryLine = "not a git repository (\(error)); pass --repo DIR"
        }
        let missing = needs.filter { !$0.satisfied }
        if parsed.has("json") {
            Output.json(.object([("tools", .array(tools.map(\.json))), ("repository", .string(repositoryLine)),
                                 ("config", .string(configLine)), ("configProblems", .array(problems.map(JSONValue.string))),
                                 ("needs", .array(needs.map(\.json)))]))
        } else {
            print(text(tools: tools, repository: repositoryLine, config: configLine, problems: problems, needs: needs), terminator: "")
        }
        return problems.isEmpty && missing.isEmpty ? 0 : 1
    }

    static func text(tools: [ToolReport], repository: String, config: String, problems: [String], needs: [ToolNeed]) -> String {
        var text = "tools\n"
        for tool in tools {
            let state = tool.path == nil ? "not installed" : (tool.version ?? tool.problem ?? "")
            text += "  \(tool.path == nil ? "·" : (tool.problem == nil ? "✓" : "?")) \(tool.name.padding(toLength: 7, withPad: " ", startingAt: 0)) \(state)\n"
        }
        text += "repository  \(repository)\nconfig      \(config)\n"
        for problem in problems { text += "  ✗ \(problem)\n" }
        if !needs.isEmpty { text += "configured features\n" }
        for need in needs {
            text += "  \(need.satisfied ? "✓" : "✗") \(need.feature) needs \(need.tool)"
            text += need.satisfied ? "\n" : ": not installed; \(need.fix)\n"
        }
        return text
    }
}
