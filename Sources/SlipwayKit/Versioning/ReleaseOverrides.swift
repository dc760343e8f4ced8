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

    /// The shared record the overrides live in: `refs/slipway/overrides` on the remote.
    public static func document(_ repository: GitRepository, remote: String = "origin") -> SharedDocument {
        SharedDocument(repository: repository, remote: remote, name: "overrides")
    }

    /// The overrides for the release starting at `base`; those made for another release are ignored.
    public static func load(from repository: GitRepository, base: String, remote: String = "origin") throws(StateFileError) -> ReleaseOverrides {
        let document = document(repository, remote: remote)
        guard let data = try document.read().data else { return ReleaseOverrides(base: base) }
        let stored: ReleaseOverrides
        do {
            stored = try JSONDecoder().decode(ReleaseOverrides.self, from: data)
        } catch {
            throw StateFileError(path: document.where_, problem: "cannot be read (\(StateFileError.summary(error))); the shared record was damaged — fix it or delete the ref")
        }
        return stored.base == base ? stored : ReleaseOverrides(base: base)
    }

    /// Shares these overrides (a compare-and-swap against the remote's copy; the last decision wins).
    public func save(to repository: GitRepository, remote: String = "origin") throws(StateFileError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let data: Data
        do { data = try encoder.encode(self) } catch {
            throw StateFileError(path: "refs/slipway/overrides", problem: "cannot be encoded (\(error))")
        }
        let document = Self.document(repository, remote: remote)
        do { try document.update { _ in data } } catch let error as StateFileError { throw error } catch {
            throw StateFileError(path: document.where_, problem: "could not be shared: \(error)")
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

    /// A decoding failure in a sentence (`not JSON`, `"version" is missing`), not Swift's debug text.
    public static func summary(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "unreadable" }
        func key(_ path: [any CodingKey]) -> String {
            path.isEmpty ? "the top level" : "\"" + path.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".") + "\""
        }
        switch error {
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty ? "not JSON" : "\(key(context.codingPath)) is not readable"
        case .keyNotFound(let missing, let context): return "\(key(context.codingPath + [missing])) is missing"
        case .typeMismatch(_, let context), .valueNotFound(_, let context): return "\(key(context.codingPath)) has the wrong type"
        @unknown default: return "unreadable"
        }
    }
}
