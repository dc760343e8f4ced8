import Foundation

/// Steps 9–11 of a tagged release, read from what the team recorded: verdicts (`env verify`) and notices sent
/// (`release notify`). Nothing is asked of a service or Prometheus here: status stays fast.
extension ReleaseEngine {
    func postRelease(_ release: ArtefactRelease) -> [(step: PostReleaseStep, state: StepState)] {
        let statuses = (try? EnvironmentPipeline(repository: repository, config: config))?.statuses() ?? []
        let version = release.version.description
        return [(.verified, verifiedState(version, statuses: statuses)),
                (.monitoring, monitoringState(version, statuses: statuses)),
                (.notified, notifiedState(release))]
    }

    func verifiedState(_ version: String, statuses: [EnvironmentStatus]) -> StepState {
        guard let first = statuses.first?.settings else {
            return .blocked(reason: "no environments are configured", fix: "add \"environments\" to .slipway.json")
        }
        if let verdict = statuses[0].lastVerdict, verdict.version == version { return Self.state(of: verdict, in: first.name) }
        let runs = statuses[0].version
        guard runs == version else {
            return .blocked(reason: "\(first.name) runs \(runs ?? "nothing"), not \(version) yet", fix: "deploy \(version) to \(first.name) first")
        }
        return .ready("\(first.name) runs \(version): slipway env verify \(first.name) (or v on the Environments panel)")
    }

    func monitoringState(_ version: String, statuses: [EnvironmentStatus]) -> StepState {
        let checked = statuses.filter { !$0.settings.rollback.checks.isEmpty }
        guard !checked.isEmpty else {
            return .blocked(reason: "no rollback checks are configured", fix: "add rollback.checks (PromQL) to the environments in .slipway.json")
        }
        // The environment furthest along that runs this version speaks for it.
        guard let running = checked.last(where: { $0.version == version }) else {
            let runs = checked.map { "\($0.name) runs \($0.version ?? "nothing")" }.joined(separator: ", ")
            return .blocked(reason: "no environment with rollback checks runs \(version) yet (\(runs))", fix: "promote it there first")
        }
        if let verdict = running.lastVerdict, verdict.version == version { return Self.state(of: verdict, in: running.name) }
        return .ready("\(running.name) runs \(version): slipway env verify \(running.name) --watch 10m (or v on the Environments panel)")
    }

    static func state(of verdict: RecordedVerdict, in environment: String) -> StepState {
        let when = ISO8601DateFormatter().string(from: verdict.time)
        switch verdict.verdict {
        case .healthy: return .done("\(environment): healthy on \(verdict.version ?? "?") at \(when)")
        case .breach:
            return .failed(reason: "\(environment): breach at \(when) — \(verdict.summary)",
                           fix: "roll \(environment) back: slipway env rollback \(environment) --confirm \(environment) (R on the Rollback panel)")
        case .inconclusive:
            return .blocked(reason: "\(environment): inconclusive at \(when) — \(verdict.summary)", fix: "fix what it names, then verify again")
        }
    }

    func notifiedState(_ release: ArtefactRelease) -> StepState {
        let channels: [NotifyChannel]
        do { channels = try config.notifyChannels() } catch {
            return .failed(reason: error.description, fix: "fix notify in .slipway.json")
        }
        guard !channels.isEmpty else {
            return .blocked(reason: "no notify channels are configured", fix: "add \"notify\" to .slipway.json (webhook, email, command, file, forge-release)")
        }
        let notifier = ReleaseNotifier(repository: repository, config: config)
        var fetchProblem: String?
        do { try notifier.notes.fetch() } catch { fetchProblem = error.description }
        let sent = (try? notifier.sent(release)) ?? [:]
        let missing = channels.filter { sent[$0.id] == nil }
        if missing.isEmpty { return .done("sent to \(channels.count) channel(s)") }
        let note = fetchProblem.map { " (the shared record could not be fetched: \($0))" } ?? ""
        let have = channels.count - missing.count
        return .ready("\(have) of \(channels.count) channel(s) have it; slipway release notify sends to \(missing.map(\.id).joined(separator: ", "))\(note)")
    }
}
