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
        let config = try SlipwayConfig.load(repositoryRoot: repository.root)
        return ReleaseEngine(repository: repository, config: config, files: ReleaseFileEditor())
    }

    func run(_ action: ReleaseAction, engine: ReleaseEngine, dryRun: Bool) throws -> ActionReport {
        switch action {
        case .prepare: return try engine.prepare(dryRun: dryRun)
        case .openPullRequest: return try engine.openPullRequest(dryRun: dryRun)
        case .approve: return try engine.approve(dryRun: dryRun)
        case .merge: return try engine.merge(dryRun: dryRun)
        case .tag: return try engine.tag(dryRun: dryRun)
        }
    }

    /// An error's description on one line, for the status line.
    static func oneLine(_ error: any Error) -> String {
        let text = String(describing: error)
        return text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
    }
}
