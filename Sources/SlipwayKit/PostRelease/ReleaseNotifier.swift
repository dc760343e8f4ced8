import Foundation

/// `slipway release notify`: the notice of a release to every channel, exactly once per version and channel.
/// What was sent is a line in `git notes --ref=slipway/notices` on the release commit, pushed to the remote, so a
/// teammate's clone does not send it again; a channel that fails is said so and tried again on the next run.
public struct ReleaseNotifier: Sendable {
    public static let ref = "refs/notes/slipway/notices"

    public let repository: GitRepository
    public let config: SlipwayConfig
    public let sender: NoticeSender
    public var identity: String

    public init(repository: GitRepository, config: SlipwayConfig, sender: NoticeSender? = nil) {
        self.repository = repository
        self.config = config
        self.sender = sender ?? NoticeSender(repository: repository, config: config)
        self.identity = (try? GitIdentity.current(repository).description) ?? "unknown"
    }

    public var notes: SharedNotes { SharedNotes(repository: repository, remote: config.forge.remote, ref: Self.ref) }

    /// What happened to one channel.
    public struct Outcome: Sendable, Hashable {
        public enum State: String, Sendable, Hashable { case sent, alreadySent = "already-sent", failed, wouldSend = "would-send" }
        public var channel: String
        public var state: State
        public var detail: String

        public var json: JSONValue {
            .object([("channel", .string(channel)), ("state", .string(state.rawValue)), ("detail", .string(detail))])
        }
    }

    public struct Report: Sendable {
        public var release: ArtefactRelease
        public var notice: ReleaseNotice
        public var outcomes: [Outcome]
        /// Set when the record of what was sent could not be pushed (it stays in this clone).
        public var recordProblem: String?
        public var failed: Bool { outcomes.contains { $0.state == .failed } }
    }

    /// The channels that already have the notice of `release`: channel id → (time, by).
    public func sent(_ release: ArtefactRelease) throws(SharedRecordError) -> [String: (time: String, by: String)] {
        var result: [String: (time: String, by: String)] = [:]
        for line in try notes.lines(on: release.commit) {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 5, fields[0] == "sent", fields[1] == release.version.description else { continue }
            result[fields[4]] = (fields[2], fields[3])
        }
        return result
    }

    public func notify(_ release: ArtefactRelease, notice: ReleaseNotice, dryRun: Bool, resend: String? = nil) throws -> Report {
        let channels = try config.notifyChannels()
        guard !channels.isEmpty else {
            throw NoticeError("no notify channels are configured; add \"notify\" to .slipway.json (webhook, email, command, file, forge-release)")
        }
        if let resend, !channels.contains(where: { $0.id == resend || $0.kind == resend }) {
            throw NoticeError("--resend \(resend) names no configured channel (\(channels.map(\.id).joined(separator: "; ")))")
        }
        do { try notes.fetch() } catch {
            if !dryRun { throw NoticeError("\(error.description); nothing was sent, so that no channel gets the notice twice") }
        }
        let already = try sent(release)
        var report = Report(release: release, notice: notice, outcomes: [])
        for channel in channels {
            let forced = resend == channel.id || resend == channel.kind
            if let previous = already[channel.id], !forced {
                report.outcomes.append(Outcome(channel: channel.id, state: .alreadySent, detail: "sent \(previous.time) by \(previous.by); --resend \(channel.kind) sends it again"))
                continue
            }
            if dryRun {
                report.outcomes.append(Outcome(channel: channel.id, state: .wouldSend, detail: forced ? "would be sent again" : "would be sent"))
                continue
            }
            report.outcomes.append(deliver(notice, to: channel, release: release, report: &report))
        }
        return report
    }

    /// Sends to one channel; only a channel that took the notice is recorded as sent.
    func deliver(_ notice: ReleaseNotice, to channel: NotifyChannel, release: ArtefactRelease, report: inout Report) -> Outcome {
        let started = Date()
        let outcome: Outcome
        do {
            let detail = try sender.send(notice, to: channel)
            outcome = Outcome(channel: channel.id, state: .sent, detail: detail)
            let line = ["sent", release.version.description, ISO8601DateFormatter().string(from: Date()), identity, channel.id].joined(separator: "\t")
            do { try notes.append(line, on: release.commit) } catch { report.recordProblem = error.description }
        } catch {
            outcome = Outcome(channel: channel.id, state: .failed, detail: error.description)
        }
        try? AuditLog(repository: repository, remote: config.forge.remote).append(AuditEntry(identity: identity, action: "release.notify", version: release.version.description,
                                                                target: channel.id, outcome: outcome.state == .sent ? "ok" : "failed",
                                                                durationSeconds: Date().timeIntervalSince(started), detail: outcome.detail))
        return outcome
    }
}
