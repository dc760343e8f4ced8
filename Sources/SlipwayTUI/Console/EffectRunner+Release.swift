import Foundation
import SlipwayKit

/// The release effects: read the status, dry-run an action for its commands, run it. All through
/// `ReleaseEngine`, the same code as `slipway release …`.
extension EffectRunner {
    func performRelease(_ effect: ConsoleEffect) -> [ConsoleAction] {
        switch effect {
        case .loadRelease:
            do {
                let engine = try releaseEngine()
                let status = try engine.status(fetch: true)
                let identity = try? GitIdentity.current(engine.repository)
                return [.releaseLoaded(ReleaseSnapshot(status: status, identity: identity))]
            } catch {
                return [.releaseFailed(Self.oneLine(error))]
            }
        case .planRelease(let action):
            do {
                return [.releasePlanned(action, try run(action, engine: try releaseEngine(), dryRun: true))]
            } catch {
                return [.releasePlanFailed(action, Self.oneLine(error))]
            }
        case .runRelease(let action):
            do {
                return [.releaseActionDone(action, try run(action, engine: try releaseEngine(), dryRun: false))]
            } catch {
                return [.releaseActionFailed(action, Self.oneLine(error))]
            }
        default:
            return []
        }
    }

    func releaseEngine() throws -> ReleaseEngine {
        let repository = try GitRepository.open(repositoryPath, runner: runner)
        let config = try SlipwayConfig.load(repository: repository)
        return ReleaseEngine(repository: repository, config: config, files: ReleaseFileEditor())
    }

    func run(_ action: ReleaseAction, engine: ReleaseEngine, dryRun: Bool) throws -> ActionReport {
        switch action {
        case .prepare: return try engine.prepare(dryRun: dryRun)
        case .openPullRequest: return try engine.openPullRequest(dryRun: dryRun)
        case .approve: return try engine.approve(dryRun: dryRun)
        case .merge: return try engine.merge(dryRun: dryRun)
        case .tag: return try engine.tag(dryRun: dryRun)
        case .notify: return try notify(engine: engine, dryRun: dryRun)
        }
    }

    /// The last release's notice: a dry run lists the channels and shows the notice; a run sends it, and fails
    /// when any channel did not take it (the others still got it).
    func notify(engine: ReleaseEngine, dryRun: Bool) throws -> ActionReport {
        let repository = engine.repository
        let scan = ReleaseTagScan(tagNames: try repository.tags(mergedInto: "HEAD"), prefix: engine.config.tagPrefix)
        guard let last = scan.latest(), let release = ArtefactRelease.find(last.version, in: repository, tagPrefix: engine.config.tagPrefix) else {
            throw NoticeError("no release is tagged yet, so there is no notice to send")
        }
        let statuses = (try? EnvironmentPipeline(repository: repository, config: engine.config).statuses()) ?? []
        let notice = try NoticeComposer(repository: repository, config: engine.config).compose(release, environments: statuses)
        let report = try ReleaseNotifier(repository: repository, config: engine.config).notify(release, notice: notice, dryRun: dryRun)
        let lines = report.outcomes.map { "\($0.state.rawValue): \($0.channel) — \($0.detail)" }
        if dryRun {
            return ActionReport(action: "release.notify", version: release.version.description, commands: lines, dryRun: true,
                                message: "Subject: \(notice.subject)\n\n" + notice.text)
        }
        if report.failed { throw NoticeError(lines.filter { $0.hasPrefix("failed") }.joined(separator: "; ")) }
        let sent = report.outcomes.filter { $0.state == .sent }.count
        return ActionReport(action: "release.notify", version: release.version.description, commands: lines, dryRun: false,
                            message: "the notice of \(release.version) went to \(sent) channel(s)" + (report.recordProblem.map { "; \($0)" } ?? ""))
    }

    /// An error's description on one line, for the status line.
    static func oneLine(_ error: any Error) -> String {
        let text = String(describing: error)
        return text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
    }
}
