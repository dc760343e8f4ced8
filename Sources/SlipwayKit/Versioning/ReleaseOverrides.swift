import Foundation

/// What people decided for the release in progress that git cannot hold: commit classifications and a
/// version override. Kept in `.git/slipway/overrides.json`, tied to the release it was made for.
public struct ReleaseOverrides: Sendable, Hashable, Codable {
    /// The tag the release range starts from (`""` before the first release); a new base clears everything.
    public var base: String
    public var commits: [String: CommitOverride]
    public var version: VersionOverride?

    public init(base: String = "", commits: [String: CommitOverride] = [:], version: VersionOverride? = nil) {
        self.base = base
        self.commits = commits
        self.version = version
    }

    public static func path(in repository: GitRepository) -> String {
        repository.slipwayDirectory + "/overrides.json"
    }

    /// The overrides for the release starting at `base`; those made for another release are ignored.
    public static func load(from repository: GitRepository, base: String) throws(StateFileError) -> ReleaseOverrides {
        let path = path(in: repository)
        guard let data = FileManager.default.contents(atPath: path) else { return ReleaseOverrides(base: base) }
        let stored: ReleaseOverrides
        do {
            stored = try JSONDecoder().decode(ReleaseOverrides.self, from: data)
        } catch {
            throw StateFileError(path: path, problem: "cannot be read (\(error)); delete it to start over")
        }
        return stored.base == base ? stored : ReleaseOverrides(base: base)
    }

    public func save(to repository: GitRepository) throws(StateFileError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        do {
            let data = try encoder.encode(self)
            try AtomicFile.write(data, to: Self.path(in: repository))
        } catch let error as StateFileError {
            throw error
        } catch {
            throw StateFileError(path: Self.path(in: repository), problem: "cannot be written (\(error))")
        }
    }
}

/// A file under `.git/slipway/` that cannot be read or written.
public struct StateFileError: Error, Sendable, CustomStringConvertible {
    public let path: String
    public let problem: String

    public init(path: String, problem: String) {
        self.path = path
        self.problem = problem
    }

    public var description: String { "\(path) \(problem)" }
}
