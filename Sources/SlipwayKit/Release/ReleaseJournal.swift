import Foundation

/// The release in progress and the step in flight, kept in `.git/slipway/release.json` so that a release
/// survives a crash, a `kill -9` or a closed laptop: the next start reads it and offers the way on.
public struct ReleaseJournal: Sendable, Hashable, Codable {
    public var version: String
    public var branch: String
    public var base: String
    public var startedBy: String
    public var startedAt: Date
    /// The step being run and the commands it runs; cleared when the step ends (either way).
    public var inFlight: InFlight?
    /// The last failure, kept until the step succeeds.
    public var lastFailure: String?
    /// Why a hotfix goes on although a commit on it is not PATCH-level (breaking or a feature).
    public var overrideReason: String?

    public struct InFlight: Sendable, Hashable, Codable {
        public var step: String
        public var commands: [String]
        public var startedAt: Date
    }

    public init(version: String, branch: String, base: String, startedBy: String, startedAt: Date = Date()) {
        self.version = version
        self.branch = branch
        self.base = base
        self.startedBy = startedBy
        self.startedAt = startedAt
    }

    public static func path(_ repository: GitRepository, kind: String = "release") -> String {
        repository.slipwayDirectory + "/\(kind).json"
    }

    public static func load(_ repository: GitRepository, kind: String = "release") throws(StateFileError) -> ReleaseJournal? {
        let path = path(repository, kind: kind)
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        do {
            return try StateJSON.coder.decoder.decode(ReleaseJournal.self, from: data)
        } catch {
            throw StateFileError(path: path, problem: "is damaged (\(StateFileError.summary(error))); move it aside and run `slipway release status`, which works out the release's state from git")
        }
    }

    public func save(_ repository: GitRepository, kind: String = "release") throws(StateFileError) {
        do {
            try AtomicFile.write(try StateJSON.coder.encoder.encode(self), to: Self.path(repository, kind: kind))
        } catch let error as StateFileError {
            throw error
        } catch {
            throw StateFileError(path: Self.path(repository, kind: kind), problem: "cannot be written (\(error))")
        }
    }

    public static func remove(_ repository: GitRepository, kind: String = "release") {
        try? FileManager.default.removeItem(atPath: path(repository, kind: kind))
    }
}
