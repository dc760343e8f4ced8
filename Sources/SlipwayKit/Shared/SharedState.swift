import Foundation

/// What the team shares through the remote, brought up to date in one fetch: the unique records (holds, releases
/// in flight, overrides) taken from the remote, the append-only ones (audit trail, notices) merged with this
/// clone's and pushed back. Offline, reads use the last fetched state and say how old it is.
public struct SharedState: Sendable {
    public let repository: GitRepository
    public let remote: String

    public static let documents = ["holds", "releases", "overrides"]
    public static let notes = ["audit", "notices"]

    public init(repository: GitRepository, remote: String) {
        self.repository = repository
        self.remote = remote
    }

    /// How up to date the shared records are.
    public struct Sync: Sendable, Hashable {
        /// When they were last fetched; `nil` when never (or when there is no remote: then they are this clone's own).
        public var fetchedAt: Date?
        /// Why the remote could not be reached this time.
        public var offline: String?
        /// What was moved from `.git/slipway/` into the shared records on this run.
        public var migrated: [String] = []

        /// One line for a screen or stderr when the records are not fresh: `shared records as of 12 min ago: …`.
        public func staleness(now: Date = Date()) -> String? {
            guard let offline else { return nil }
            let age = fetchedAt.map { "as fetched \(Self.age(now.timeIntervalSince($0))) ago" } ?? "never fetched"
            return "the team's shared records are \(age) (\(offline))"
        }

        static func age(_ seconds: Double) -> String {
            let whole = max(0, Int(seconds))
            if whole < 120 { return "\(whole) s" }
            if whole < 7200 { return "\(whole / 60) min" }
            if whole < 172_800 { return "\(whole / 3600) h" }
            return "\(whole / 86_400) days"
        }
    }

    /// Whether `remote` is configured in `repository` (without one, every record is the clone's own).
    public static func hasRemote(_ repository: GitRepository, _ remote: String) -> Bool {
        ((try? repository.config("remote.\(remote).url")) ?? nil) != nil
    }

    /// A push that was rejected because the remote moved on (someone else pushed first).
    static func lostRace(_ output: CommandOutput) -> Bool {
        let text = output.errorText
        // The remote refused it: a lost race only when two pushes met at the ref's lock, not when a hook said no.
        if text.contains("remote rejected") {
            return text.contains("cannot lock ref") || text.contains("failed to update ref") || text.contains("incorrect old value")
        }
        return text.contains("stale info") || text.contains("fetch first") || text.contains("non-fast-forward") || text.contains("[rejected]")
    }

    /// Why a push failed, in the remote's own words: its `remote:` lines (a hook's message) and the reason git
    /// gives for the ref.
    static func pushFailure(_ output: CommandOutput) -> String {
        let lines = output.errorText.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
        let remote = lines.filter { $0.hasPrefix("remote:") }.map { $0.dropFirst("remote:".count).trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        let reason = lines.first { $0.hasPrefix("! [") }.flatMap { line in line.range(of: "(").map { String(line[$0.lowerBound...]) } }
        let parts = remote + [reason].compactMap { $0 }
        return parts.isEmpty ? output.errorSummary : parts.joined(separator: " ")
    }

    var stampPath: String { repository.slipwayDirectory + "/shared.json" }

    /// Fetches everything shared in one call, takes the unique records, merges and pushes the append-only ones,
    /// and moves the old `.git/slipway/` files in once. Never throws: an unreachable remote is `offline`.
    @discardableResult
    public func sync(timeout: Double = 20) -> Sync {
        var sync = Sync(fetchedAt: lastFetched())
        guard Self.hasRemote(repository, remote) else {
            sync.fetchedAt = nil
            sync.migrated = migrate()
            return sync
        }
        let refspecs = ["+refs/slipway/*:refs/slipway-remote/*", "+refs/notes/slipway/*:refs/slipway-remote/notes/*"]
        let fetched = try? repository.gitUnchecked(["fetch", "--quiet", "--no-tags", "--prune", "--end-of-options", remote] + refspecs, timeout: timeout)
        guard let fetched, fetched.status.isSuccess else {
            sync.offline = "\(remote) could not be reached: " + (fetched?.errorSummary ?? "git did not run")
            return sync
        }
        for name in Self.documents { try? SharedDocument(repository: repository, remote: remote, name: name).adoptFetched() }
        for name in Self.notes {
            let notes = SharedNotes(repository: repository, remote: remote, ref: "refs/notes/slipway/\(name)")
            try? notes.mergeFetched()
            try? notes.push()
        }
        sync.fetchedAt = Date()
        try? AtomicFile.write(Data(#"{"fetchedAt": "\#(ISO8601DateFormatter().string(from: Date()))"}"#.utf8), to: stampPath)
        sync.migrated = migrate()
        return sync
    }

    func lastFetched() -> Date? {
        guard let data = FileManager.default.contents(atPath: stampPath), case .string(let text)? = (try? JSONParser.parse(data))?["fetchedAt"] else {
            return nil
        }
        return ISO8601DateFormatter().date(from: text)
    }
}
