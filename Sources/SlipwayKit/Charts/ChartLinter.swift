import Foundation

/// `slipway chart lint`: the release standard's chart rules (4.2–4.3) on each chart of the repository, with one
/// finding per problem. A file that cannot be read is a finding too, and the other files and charts are still
/// judged.
public struct ChartLinter: Sendable {
    public let repository: GitRepository
    public let config: SlipwayConfig

    public init(repository: GitRepository, config: SlipwayConfig) {
        self.repository = repository
        self.config = config
    }

    /// The charts to lint: `only` (a folder, or its Chart.yaml), or every chart the repository has.
    public func folders(only: String? = nil) -> [String] {
        guard var only else { return ChartLocator.folders(root: repository.root, config: config) }
        while only.hasSuffix("/") { only.removeLast() }
        if (only as NSString).lastPathComponent == "Chart.yaml" { only = (only as NSString).deletingLastPathComponent }
        return [only.isEmpty ? "." : only]
    }

    /// - Parameter proposals: `false` leaves out the info findings that need the next version (a walk of the log).
    public func lint(only: String? = nil, proposals: Bool = true) -> [ChartLintReport] {
        let folders = folders(only: only)
        guard !folders.isEmpty else { return [] }
        var context = ReleaseContext(repository: repository, config: config)
        if proposals, let proposal = try? VersionPlanner(repository: repository, config: config).propose() {
            for chart in ChartVersionPlanner(repository: repository, config: config).propose(for: proposal) { context.proposals[chart.path] = chart }
        }
        return folders.map { lint($0, context: context) }
    }

    func lint(_ folder: String, context: ReleaseContext) -> ChartLintReport {
        var findings: [ChartFinding] = []
        let chartFile = ChartLocator.chartFile(folder)
        guard let chartBytes = read(chartFile, findings: &findings) else {
            if findings.isEmpty {
                findings.append(ChartFinding("chart-files", .error, file: chartFile, "\(folder) has no Chart.yaml; is it a chart?"))
            }
            return ChartLintReport(path: folder, findings: findings)
        }
        if let chart = parse(chartBytes, file: chartFile, findings: &findings) {
            findings += versionFindings(chart, folder: folder, context: context)
        }
        let valuesFile = folder == "." ? "values.yaml" : folder + "/values.yaml"
        if let bytes = read(valuesFile, findings: &findings, optional: true) {
            let values = parse(bytes, file: valuesFile, findings: &findings)
            if values != nil || bytes.allSatisfy({ [0x20, 0x0A, 0x0D, 0x09].contains($0) }) { findings += valuesFindings(values, file: valuesFile) }
        } else {
            findings += valuesFindings(nil, file: valuesFile)
        }
        for template in templateFiles(folder, findings: &findings) {
            guard let bytes = read(template, findings: &findings) else { continue }
            if bytes.contains(0) {
                findings.append(ChartFinding("chart-files", .info, file: template, "a binary file among the templates; not judged"))
                continue
            }
            findings += templateFindings(TemplateLines(String(decoding: bytes, as: UTF8.self)), file: template)
        }
        findings += distributionFindings(folder, chartFile: chartFile)
        return ChartLintReport(path: folder, findings: findings.sorted { ($0.severity, $0.file, $0.line ?? 0) < ($1.severity, $1.file, $1.line ?? 0) })
    }

    /// The first document of a YAML file; a file that is not YAML is a finding with its line and what was expected.
    func parse(_ bytes: [UInt8], file: String, findings: inout [ChartFinding]) -> YAMLNode? {
        do { return try YAMLParser.parseFirst(bytes, file: file) } catch {
            findings.append(ChartFinding("chart-files", .error, file: file, line: error.line, "not YAML: \(error.problem)"))
            return nil
        }
    }

    /// A file's bytes, or a finding when it is missing (unless `optional`), unreadable or a link out of the repository.
    func read(_ path: String, findings: inout [ChartFinding], optional: Bool = false) -> [UInt8]? {
        let location: RepositoryPath
        do { location = try RepositoryPath(path, root: repository.root) } catch {
            findings.append(ChartFinding("chart-files", .error, file: path, "a symlink out of the repository; a chart must hold its own files"))
            return nil
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: location.absolute, isDirectory: &isDirectory) else {
            if !optional { findings.append(ChartFinding("chart-files", .error, file: path, "does not exist")) }
            return nil
        }
        guard !isDirectory.boolValue, let data = FileManager.default.contents(atPath: location.absolute) else {
            findings.append(ChartFinding("chart-files", .error, file: path, "cannot be read"))
            return nil
        }
        return [UInt8](data)
    }

    /// The chart's templates (YAML and `.tpl` files under `templates/`), sorted.
    func templateFiles(_ folder: String, findings: inout [ChartFinding]) -> [String] {
        let base = folder == "." ? "templates" : folder + "/templates"
        let absolute = repository.root + "/" + base
        guard let walker = FileManager.default.enumerator(atPath: absolute) else { return [] }
        var files: [String] = []
        while let name = walker.nextObject() as? String {
            let lower = name.lowercased()
            guard lower.hasSuffix(".yaml") || lower.hasSuffix(".yml") || lower.hasSuffix(".tpl") || lower.hasSuffix(".txt") || !lower.contains(".") else { continue }
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: absolute + "/" + name, isDirectory: &isDirectory), isDirectory.boolValue { continue }
            files.append(base + "/" + name)
        }
        return files.sorted()
    }

    func distributionFindings(_ folder: String, chartFile: String) -> [ChartFinding] {
        let artefacts = (try? config.artefacts()) ?? []
        if artefacts.contains(where: { $0.kind == .helmOCI && $0.chart == folder }) { return [] }
        return [ChartFinding("oci-distribution", .warning, file: chartFile,
                             "no helm-oci artefact distributes \(folder); add {\"kind\": \"helm-oci\", \"ref\": \"oci://REGISTRY/charts/NAME\", \"chart\": \"\(folder)\"} to artefacts in .slipway.json")]
    }
}

/// Where the repository stands for the version rules: at a release (its tag, or the release commit `release
/// prepare` made) or between releases.
struct ReleaseContext {
    /// The release HEAD is, if it is one.
    var releasing: SemanticVersion?
    /// The release before it (or the last release, between releases).
    var previous: ReleaseTag?
    /// Each chart's proposal for the next release, by folder.
    var proposals: [String: ChartVersionProposal] = [:]

    init(repository: GitRepository, config: SlipwayConfig) {
        let head = (try? repository.resolveCommit("HEAD")) ?? ""
        let tags = (try? repository.tagCommits()) ?? [:]
        let reachable = (try? repository.tags(mergedInto: "HEAD")) ?? []
        let scan = ReleaseTagScan(tagNames: reachable, prefix: config.tagPrefix)
        let releases = scan.releases.filter { !$0.version.isPrerelease }
        if let atHead = releases.last(where: { tags[$0.name] == head }) {
            releasing = atHead.version
            previous = releases.last { $0.version < atHead.version }
            return
        }
        previous = releases.last
        let subject = (try? repository.git(["log", "-1", "--format=%s", "HEAD"]).trimmedText) ?? ""
        if subject.hasPrefix("chore(release): "), let version = SemanticVersion(String(subject.dropFirst("chore(release): ".count))) {
            releasing = version
        }
    }
}
