import Foundation

/// The release whose artefacts are looked up: its version, its tag and the commit the tag names.
public struct ArtefactRelease: Sendable, Hashable {
    public var version: SemanticVersion
    public var tag: String
    public var commit: String

    public init(version: SemanticVersion, tag: String, commit: String) {
        self.version = version
        self.tag = tag
        self.commit = commit
    }

    /// The release tag of `version` in `repository` (`tagPrefix` + version, or the bare version), or `nil`.
    public static func find(_ version: SemanticVersion, in repository: GitRepository, tagPrefix: String) -> ArtefactRelease? {
        for tag in [tagPrefix + version.description, version.description] {
            if let commit = try? repository.resolveCommit("refs/tags/" + tag) {
                return ArtefactRelease(version: version, tag: tag, commit: commit)
            }
        }
        return nil
    }
}

/// Verifies a release's artefacts in their registries, all at once (a slow registry delays only its own rows),
/// and runs each artefact's smoke test after its registry check passes.
public struct ArtefactVerifier: Sendable {
    public let repository: GitRepository
    public let artefacts: [ArtefactSettings]
    public let runner: any CommandRunning

    public init(repository: GitRepository, artefacts: [ArtefactSettings], runner: (any CommandRunning)? = nil) {
        self.repository = repository
        self.artefacts = artefacts
        self.runner = runner ?? repository.runner
    }

    /// One check per configured artefact, in the configured order.
    public func verify(_ release: ArtefactRelease) -> [ArtefactCheck] {
        let artefacts = self.artefacts
        return LockedArray<ArtefactCheck>.map(count: artefacts.count) { index in check(artefacts[index], release: release) }
    }

    /// The check of one artefact, its smoke test included; never throws: every problem is a status.
    public func check(_ settings: ArtefactSettings, release: ArtefactRelease) -> ArtefactCheck {
        do {
            var result = try registryCheck(settings, release: release)
            if let smoke = settings.smoke { result = try runSmoke(smoke, after: result, settings: settings, release: release) }
            return result
        } catch {
            return ArtefactCheck(kind: settings.kind, ref: reference(settings, release: release), status: error.status,
                                 reason: error.reason)
        }
    }

    func registryCheck(_ settings: ArtefactSettings, release: ArtefactRelease) throws(ArtefactProblem) -> ArtefactCheck {
        let fetch = HTTPFetch(runner: runner, timeout: settings.timeoutSeconds)
        switch settings.kind {
        case .ociImage:
            return try OCIRegistryCheck(settings: settings, runner: runner).verifyImage(release)
        case .helmOCI:
            return try OCIRegistryCheck(settings: settings, runner: runner).verifyChart(release, chartVersion: try chartVersion(settings, release: release))
        case .pypi:
            return try PyPIIndexCheck(settings: settings, fetch: fetch).verify(release)
        case .npm:
            return try NpmRegistryCheck(settings: settings, runner: runner).verify(release)
        case .crate:
            return try CrateIndexCheck(settings: settings, fetch: fetch).verify(release)
        }
    }

    /// The chart's own `version` from its Chart.yaml at the release tag: the chart's tag in the registry.
    func chartVersion(_ settings: ArtefactSettings, release: ArtefactRelease) throws(ArtefactProblem) -> String {
        let path = (settings.chart ?? ".") + "/Chart.yaml"
        let data: Data?
        do { data = try repository.show(path, at: release.commit) } catch {
            throw ArtefactProblem(.unchecked, "\(path) at \(release.tag) could not be read: \(error.description)")
        }
        guard let data else { throw ArtefactProblem(.unchecked, "\(path) does not exist at \(release.tag); check \(settings.keyPath).chart") }
        do {
            guard case .versions(let locations) = try ChartManifest.read([UInt8](data), file: path, fields: ["version"]),
                  let version = locations.first?.value, !version.isEmpty else {
                throw ArtefactProblem(.unchecked, "\(path) at \(release.tag) has no version")
            }
            return version
        } catch let error as ManifestError {
            throw ArtefactProblem(.unchecked, "\(path) at \(release.tag) cannot be read: \(error.description)")
        } catch let error as ArtefactProblem {
            throw error
        } catch {
            throw ArtefactProblem(.unchecked, "\(path) at \(release.tag) cannot be read: \(error)")
        }
    }

    /// Runs the smoke test of a verified artefact: exit 0 keeps it verified, anything else is a mismatch.
    func runSmoke(_ template: [String], after check: ArtefactCheck, settings: ArtefactSettings,
                  release: ArtefactRelease) throws(ArtefactProblem) -> ArtefactCheck {
        guard check.status == .verified else { return check }
        let tag = settings.kind == .ociImage ? settings.renderTag(version: release.version.description) : release.tag
        let values = ["{ref}": check.ref.replacingOccurrences(of: "oci://", with: ""), "{version}": release.version.description,
                      "{tag}": tag, "{digest}": check.digest ?? ""]
        let arguments = template.map { values[$0] ?? $0 }
        let shown = CommandInvocation(arguments).description
        let output = try ArtefactProblem.run(arguments, runner: runner, timeout: 120, what: "the smoke test")
        guard output.status.isSuccess else {
            let tail = output.errorSummary
            throw ArtefactProblem(.mismatch, "\(check.ref) is in the registry but its smoke test failed: `\(shown)` (\(output.status)): \(tail)")
        }
        var passed = check
        passed.reason += "; smoke test passed (\(shown))"
        return passed
    }

    /// What the artefact is looked up as, for rows that failed before the registry answered.
    func reference(_ settings: ArtefactSettings, release: ArtefactRelease) -> String {
        switch settings.kind {
        case .ociImage: return "\(settings.name):\(settings.renderTag(version: release.version.description))"
        case .helmOCI:
            guard let version = try? chartVersion(settings, release: release) else { return "oci://\(settings.name) (the chart of \(release.tag))" }
            return "oci://\(settings.name):\(version.replacingOccurrences(of: "+", with: "_"))"
        case .pypi, .npm, .crate: return "\(settings.name) \(release.version)"
        }
    }
}
