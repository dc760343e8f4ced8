import Foundation

/// An npm package version, asked through `npm view NAME@VERSION --json` (credentials from `.npmrc` stay with npm):
/// present, the commit it was published from (`gitHead`) and its integrity.
struct NpmRegistryCheck: Sendable {
    let settings: ArtefactSettings
    let runner: any CommandRunning

    func verify(_ release: ArtefactRelease) throws(ArtefactProblem) -> ArtefactCheck {
        let registry = settings.effectiveIndex
        let spec = "\(settings.name)@\(release.version)"
        let ref = "\(settings.name) \(release.version)"
        let milliseconds = Int(settings.timeoutSeconds * 1000)
        // A cache of its own: npm answers from its cache when the registry is down, which would hide an outage.
        let cache = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("slipway-npm-\(UUID().uuidString.prefix(8))").path
        defer { try? FileManager.default.removeItem(atPath: cache) }
        let arguments = ["npm", "view", "--json", "--prefer-online", "--fetch-retries=0", "--fetch-timeout=\(milliseconds)",
                         "--cache", cache, "--registry", registry, "--", spec]
        let output = try ArtefactProblem.run(arguments, runner: runner, timeout: settings.timeoutSeconds + 5,
                                             what: "the npm registry \(registry)")
        let text = output.trimmedText
        // npm 9 prints nothing (exit 0) for a version the package does not have; npm 10 says E404.
        if output.status.isSuccess, text.isEmpty {
            throw ArtefactProblem(.missing, "\(spec) is not on \(registry)")
        }
        guard let json = try? JSONParser.parse(Data(text.utf8)) else {
            if !output.status.isSuccess { throw Self.problem(code: nil, summary: output.errorSummary, spec: spec, registry: registry) }
            throw ArtefactProblem(.unchecked, "npm view printed something that is not JSON: \(ArtefactProblem.excerpt(output.stdout))")
        }
        if case .object? = json["error"] {
            throw Self.problem(code: Self.string(json["error"]?["code"]), summary: Self.string(json["error"]?["summary"]) ?? output.errorSummary,
                               spec: spec, registry: registry)
        }
        guard output.status.isSuccess else { throw Self.problem(code: nil, summary: output.errorSummary, spec: spec, registry: registry) }
        // Several matching versions print an array; an exact version prints one object.
        let document: JSONValue
        if case .array(let items) = json {
            guard let match = items.first(where: { Self.string($0["version"]) == release.version.description }) else {
                throw ArtefactProblem(.missing, "\(spec) is not on \(registry)")
            }
            document = match
        } else {
            document = json
        }
        return try judge(document, release: release, ref: ref, registry: registry)
    }

    func judge(_ document: JSONValue, release: ArtefactRelease, ref: String, registry: String) throws(ArtefactProblem) -> ArtefactCheck {
        guard let version = Self.string(document["version"]) else {
            throw ArtefactProblem(.unchecked, "npm view printed a document without a version for \(ref)")
        }
        guard version == release.version.description else {
            throw ArtefactProblem(.mismatch, "the registry answered \(settings.name)@\(version) when asked for \(release.version)")
        }
        if let head = Self.string(document["gitHead"]), head.count >= 7,
           !release.commit.lowercased().hasPrefix(head.lowercased()) {
            throw ArtefactProblem(.mismatch, "\(ref) was published from \(head.prefix(12)) (gitHead), not from \(release.tag) at \(release.commit.prefix(12))")
        }
        let integrity = Self.string(document["dist"]?["integrity"]) ?? Self.string(document["dist"]?["shasum"]).map { "sha1-hex:" + $0 }
        var check = ArtefactCheck(kind: .npm, ref: ref, status: .verified, reason: "\(ref) is on \(registry)", digest: integrity)
        if let deprecated = Self.string(document["deprecated"]) { check.warnings.append("\(ref) is deprecated: \(deprecated)") }
        if Self.string(document["gitHead"]) == nil {
            check.reason += " (its presence only: it records no gitHead to match the release commit)"
        } else {
            check.reason += ", published from \(release.tag) (\(release.commit.prefix(12)))"
        }
        return check
    }

    static func problem(code: String?, summary: String, spec: String, registry: String) -> ArtefactProblem {
        let short = summary.count > 140 ? String(summary.prefix(140)) + "…" : summary
        switch code ?? "" {
        case "E404": return ArtefactProblem(.missing, "\(spec) is not on \(registry) (\(short))")
        case "E401", "E403", "ENEEDAUTH", "EOTP":
            return ArtefactProblem(.unreachable, "\(registry) refused the credentials for \(spec) (\(short)); log in with npm login --registry \(registry)")
        default:
            return ArtefactProblem(.unreachable, "\(registry) did not answer for \(spec): \(short)")
        }
    }

    static func string(_ value: JSONValue?) -> String? {
        if case .string(let text)? = value { return text }
        return nil
    }
}
