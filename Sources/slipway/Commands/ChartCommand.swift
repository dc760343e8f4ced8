import Foundation
import SlipwayKit

/// `slipway chart lint`: the release standard's Helm chart rules (4.2–4.3), one finding per problem.
enum ChartCommand {
    static let spec = SubcommandSpec(
        name: "chart",
        usage: "chart lint [--chart PATH] [--json]",
        summary: """
        Checks each chart (chart/, charts/*/, or the Chart.yaml files in versionFiles) against the release
        standard: \(ChartFinding.rules.map { "\($0.rule) — \($0.protects)" }.joined(separator: "; ")).
        Each finding has its rule, severity, file and line. Exit 1 when any is an error; warnings and info never fail.
        """,
        options: [SubcommandSpec.repoOption, .value("chart", "lint this chart folder only"), SubcommandSpec.jsonOption])

    static func run(_ arguments: [String]) throws -> Int32 {
        guard let parsed = try spec.parse(arguments) else { return 0 }
        guard parsed.positional == ["lint"] else { throw UsageError("chart: say lint (see slipway chart --help)") }
        let context = try RepositoryContext(arguments: parsed)
        let linter = ChartLinter(repository: context.repository, config: context.config)
        if let only = parsed.value("chart"), only.hasPrefix("/") || only.split(separator: "/").contains("..") {
            throw UsageError("--chart '\(only)' must be a folder inside the repository")
        }
        if parsed.value("chart") == nil, linter.folders().isEmpty {
            throw UsageError("no chart found (chart/, charts/*/ or a Chart.yaml in versionFiles); pass --chart PATH")
        }
        let reports = linter.lint(only: parsed.value("chart"))
        if parsed.has("json") {
            Output.json(.object([("charts", .array(reports.map(\.json)))]))
        } else {
            for report in reports {
                let counts = [ChartFinding.Severity.error, .warning, .info].map { severity in
                    "\(report.findings.filter { $0.severity == severity }.count) \(severity.rawValue)(s)"
                }
                print("\(report.path): \(counts.joined(separator: ", "))")
                for finding in report.findings { print("  " + finding.description) }
            }
        }
        return reports.contains { !$0.errors.isEmpty } ? 1 : 0
    }
}
