/// The version rules: `chart-version` (SemVer), `chart-version-not-bumped` (a released chart whose files changed
/// has a higher version, the check `ct lint` makes), `app-version` (appVersion tracks the release).
extension ChartLinter {
    func versionFindings(_ chart: YAMLNode, folder: String, context: ReleaseContext) -> [ChartFinding] {
        let file = ChartLocator.chartFile(folder)
        guard chart.kind == .mapping else {
            return [ChartFinding("chart-files", .error, file: file, line: chart.line, "Chart.yaml must be a mapping of keys (apiVersion, name, version, …)")]
        }
        var findings: [ChartFinding] = []
        if let node = chart["version"], node.kind == .scalar, !node.isNull {
            if let version = SemanticVersion(node.value) {
                findings += bumpFindings(version, line: node.line, folder: folder, context: context)
            } else {
                findings.append(ChartFinding("chart-version", .error, file: file, line: node.line,
                                             "version '\(node.value)' is not SemVer 2.0.0; write it as MAJOR.MINOR.PATCH, e.g. 0.1.0"))
            }
        } else {
            findings.append(ChartFinding("chart-version", .error, file: file, line: chart.line, "has no version; add version: 0.1.0"))
        }
        if let expected = context.releasing ?? context.previous?.version {
            let node = chart["appVersion"]
            let value = node?.value ?? ""
            if node == nil || node?.isNull == true {
                findings.append(ChartFinding("app-version", .warning, file: file, line: chart.line,
                                             "has no appVersion; add appVersion: \"\(expected)\" (the release it deploys)"))
            } else if value != expected.description, value != config.tagPrefix + expected.description {
                let when = context.releasing != nil ? "the release \(expected)" : "the last release \(expected)"
                findings.append(ChartFinding("app-version", .warning, file: file, line: node?.line,
                                             "appVersion is \(value), not \(when); release prepare sets it"))
            }
        }
        return findings
    }

    func bumpFindings(_ version: SemanticVersion, line: Int, folder: String, context: ReleaseContext) -> [ChartFinding] {
        let file = ChartLocator.chartFile(folder)
        guard let previous = context.previous else { return [] }
        let planner = ChartVersionPlanner(repository: repository, config: config)
        guard let changed = try? planner.changedSince(folder, base: previous.name, head: "HEAD"), changed else { return [] }
        let before = (try? planner.version(of: file, at: "refs/tags/\(previous.name)")).flatMap { SemanticVersion($0) }
        if let releasing = context.releasing {
            guard let before, !(version > before) else { return [] }
            return [ChartFinding("chart-version-not-bumped", .error, file: file, line: line,
                                 "the chart changed since \(previous.name) but its version is still \(version) in the release of \(releasing); set it above \(before)")]
        }
        guard let proposal = context.proposals[folder], let next = proposal.next, proposal.moves else { return [] }
        return [ChartFinding("chart-version-not-bumped", .info, file: file, line: line,
                             "the chart changed since \(previous.name): the next release sets version \(next) (\(proposal.bump))")]
    }
}
