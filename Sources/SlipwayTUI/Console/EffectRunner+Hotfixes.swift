import Foundation
import SlipwayKit

/// The Hotfixes panel's work: the board and the hotfix actions, through `HotfixEngine` as `slipway hotfix` runs them.
extension EffectRunner {
    func performHotfix(_ effect: HotfixEffect) -> ConsoleAction {
        switch effect {
        case .loadBoard:
            do {
                return .hotfixes(.boardLoaded(try HotfixBoard.load(try hotfixEngine())))
            } catch {
                return .hotfixes(.boardFailed(Self.oneLine(error)))
            }
        case .plan(let request):
            do {
                let report = try perform(request, on: try hotfixEngine(), dryRun: true)
                return .hotfixes(.planned(request, commands: report.commands, message: report.message))
            } catch {
                return .hotfixes(.planFailed(request, message: Self.oneLine(error)))
            }
        case .run(let request):
            do {
                let report = try perform(request, on: try hotfixEngine(), dryRun: false)
                return .hotfixes(.done(request, message: report.message))
            } catch let conflict as BackportConflict {
                // The commands that finish it, one a line: the panel lists them under the files.
                return .hotfixes(.failed(request, message: conflict.nextCommands.joined(separator: "\n"), conflictFiles: conflict.files))
            } catch {
                return .hotfixes(.failed(request, message: Self.oneLine(error), conflictFiles: []))
            }
        }
    }

    func hotfixEngine() throws -> HotfixEngine {
        let repository = try GitRepository.open(repositoryPath, runner: runner)
        let config = try SlipwayConfig.load(repository: repository)
        return HotfixEngine(repository: repository, config: config)
    }

    func perform(_ request: HotfixRequest, on engine: HotfixEngine, dryRun: Bool) throws -> ActionReport {
        if request.action == .start { return try engine.start(from: request.from, version: request.version, dryRun: dryRun) }
        guard let version = request.version else { throw ConsoleProblem("\(request.action.rawValue) needs a hotfix version") }
        switch request.action {
        case .start: return try engine.start(from: request.from, version: request.version, dryRun: dryRun)
        case .prepare: return try engine.prepare(version, dryRun: dryRun)
        case .approve: return try engine.approve(version, dryRun: dryRun)
        case .merge: return try engine.merge(version, dryRun: dryRun)
        case .tag: return try engine.tag(version, dryRun: dryRun)
        case .backport: return try engine.backport(version, dryRun: dryRun)
        case .approveBackport: return try engine.approveBackport(version, dryRun: dryRun)
        case .mergeBackport: return try engine.mergeBackport(version, dryRun: dryRun)
        }
    }

}
