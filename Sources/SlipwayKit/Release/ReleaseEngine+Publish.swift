import Foundation

/// Step 8: the tag's CI run and the release's artefacts verified in their registries.
extension ReleaseEngine {
    /// Step 8 for a pushed tag: done only when the CI run (where a forge reports one) succeeded and every
    /// configured artefact is verified; otherwise it names each artefact that is not.
    public func publishOutcome(version: SemanticVersion, tag: String) throws -> (state: StepState, artefacts: [ArtefactCheck]) {
        let ci = try publishState(tag: tag)
        let settings: [ArtefactSettings]
        do { settings = try config.artefacts() } catch {
            return (.failed(reason: "the artefacts cannot be checked: \(error.description)", fix: "fix .slipway.json"), [])
        }
        guard !settings.isEmpty else {
            if case .ready(let detail) = ci {
                return (.ready(detail + "; no artefacts are configured to verify (artefacts in .slipway.json)"), [])
            }
            return (ci, [])
        }
        guard let commit = try? repository.resolveCommit("refs/tags/\(tag)") else {
            return (.blocked(reason: "\(tag) is not in this clone", fix: "git fetch --tags"), [])
        }
        let release = ArtefactRelease(version: version, tag: tag, commit: commit)
        let checks = ArtefactVerifier(repository: repository, artefacts: settings).verify(release)
        return (Self.combine(ci: ci, artefacts: checks), checks)
    }

    /// The CI run's state and the artefacts' statuses as one step state.
    static func combine(ci: StepState, artefacts: [ArtefactCheck]) -> StepState {
        if case .failed = ci { return ci }
        let ciRunning: Bool
        if case .running = ci { ciRunning = true } else { ciRunning = false }
        let ciNote = ci.isDone ? "; \(ci.detail)" : ""
        if artefacts.allVerified {
            if ciRunning { return .running("\(ci.detail); \(artefacts.count) artefact(s) already verified") }
            return .done("\(artefacts.count) artefact(s) verified\(ciNote)")
        }
        let wrong = artefacts.filter { $0.status == .missing || $0.status == .mismatch }
        if ciRunning { return .running("\(ci.detail); artefacts so far: \(artefacts.tally)") }
        // Each artefact's own row says why; the step says how many.
        if !wrong.isEmpty {
            return .failed(reason: "artefacts: \(artefacts.tally)", fix: "publish them again from CI, then re-verify (slipway artefacts verify)")
        }
        return .blocked(reason: "artefacts: \(artefacts.tally)",
                        fix: "reach the registry (or install the tool), then re-verify (slipway artefacts verify)")
    }

    /// The last release tag as published: whether its tag is on the remote, and step 8.
    func published(_ tag: ReleaseTag) throws -> PublishedRelease {
        let pushed = try tagExists(tag.name).remote
        let outcome = try publishOutcome(version: tag.version, tag: tag.name)
        var published = PublishedRelease(version: tag.version, tag: tag.name, tagPushed: pushed, publish: outcome.state, artefacts: outcome.artefacts)
        if let commit = try? repository.resolveCommit("refs/tags/\(tag.name)") {
            published.postRelease = postRelease(ArtefactRelease(version: tag.version, tag: tag.name, commit: commit))
        }
        return published
    }

    /// The CI state of the tag's publish run: from the forge, or `publish.command` on the local forge.
    func publishState(tag: String) throws -> StepState {
        let commit = (try? repository.resolveCommit("refs/tags/\(tag)")) ?? ""
        if let runs = try forge.publishRuns(tag: tag, commit: commit) {
            if runs.isEmpty { return .running("no CI run for \(tag) yet") }
            if let failed = runs.first(where: \.failed) {
                return .failed(reason: "\(failed.name): \(failed.conclusion)", fix: failed.url.map { "see \($0)" } ?? "see the CI logs")
            }
            if runs.allSatisfy({ $0.finished && $0.succeeded }) { return .done("\(runs.count) CI run(s) succeeded") }
            return .running("\(runs.filter { !$0.finished }.count) CI run(s) in progress")
        }
        guard let publish = try PublishSettings.from(config) else {
            return .ready("no CI publish status is configured for the \(config.forge.kind.rawValue) forge (set publish.command)")
        }
        let version = String(tag.dropFirst(config.tagPrefix.count))
        let arguments = publish.command.map { $0 == "{tag}" ? tag : ($0 == "{version}" ? version : $0) }
        let invocation = CommandInvocation(arguments, in: repository.root, timeout: publish.timeout)
        let output = try repository.runner.runUnchecked(invocation)
        if output.status.isSuccess { return .done("\(invocation.description) succeeded") }
        return .failed(reason: "\(invocation.description) failed (\(output.status))", fix: "see its output in the command log")
    }
}
