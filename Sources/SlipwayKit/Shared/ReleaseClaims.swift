import Foundation

/// Who is releasing what, shared with the team (`refs/slipway/releases` on the remote): a release is claimed
/// before its first change, so that a second `release prepare` from another clone is refused naming who, since
/// when and at which step; each step moves the claim on, and the tag ends it.
public struct ReleaseClaim: Sendable, Hashable, Codable {
    public var version: String
    public var branch: String
    public var startedBy: String
    public var startedAt: Date
    /// The clone it is run from (`.git/slipway/clone-id`).
    public var clone: String
    public var step: String
    public var stepSince: Date
}

public struct ReleaseClaims: Sendable {
    public let document: SharedDocument
    public let repository: GitRepository

    public init(repository: GitRepository, remote: String = "origin") {
        self.repository = repository
        document = SharedDocument(repository: repository, remote: remote, name: "releases")
    }

    struct File: Codable { var claims: [String: ReleaseClaim] }

    static var coder: (encoder: JSONEncoder, decoder: JSONDecoder) { StateJSON.coder }

    /// This clone's id, made once.
    public var cloneID: String {
        let path = repository.slipwayDirectory + "/clone-id"
        if let data = FileManager.default.contents(atPath: path) {
            let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            if !text.isEmpty { return text }
        }
        let made = UUID().uuidString.lowercased()
        try? AtomicFile.write(Data((made + "\n").utf8), to: path)
        return made
    }

    func decode(_ data: Data?) throws -> [String: ReleaseClaim] {
        guard let data else { return [:] }
        do { return try Self.coder.decoder.decode(File.self, from: data).claims } catch {
            throw StateFileError(path: document.where_, problem: "cannot be read as releases in flight (\(StateFileError.summary(error))); fix it or delete the ref")
        }
    }

    /// The claim on `kind` (`release`), as last fetched.
    public func claim(_ kind: String) throws -> ReleaseClaim? { try decode(try document.read().data)[kind] }

    /// Claims `kind` for `version` from this clone; refused when another clone holds a claim on it, unless
    /// `takeOver` (which says whose claim it replaced).
    @discardableResult
    public func take(_ kind: String, version: String, branch: String, by identity: String, step: String,
                     takeOver: Bool = false, stale: (ReleaseClaim) -> Bool = { _ in false }) throws -> ReleaseClaim? {
        let clone = cloneID
        var replaced: ReleaseClaim?
        try document.update { data in
            var claims = try decode(data)
            if let existing = claims[kind], existing.clone != clone, !stale(existing) {
                guard takeOver else {
                    throw ReleaseBlocked(reason: "the release of \(existing.version) is being made by \(existing.startedBy) from another clone since \(Self.time(existing.startedAt)) (step \(existing.step) since \(Self.time(existing.stepSince)))",
                                         fix: "finish it from there, or take it over: slipway release prepare --take-over")
                }
                replaced = existing
            }
            let now = Date()
            let previous = claims[kind].flatMap { $0.clone == clone && $0.version == version ? $0 : nil }
            claims[kind] = ReleaseClaim(version: version, branch: branch, startedBy: previous?.startedBy ?? identity,
                                        startedAt: previous?.startedAt ?? now, clone: clone, step: step, stepSince: now)
            return try Self.coder.encoder.encode(File(claims: claims))
        }
        return replaced
    }

    /// Moves this clone's claim on `kind` to `step` (best effort: the claim is for the team to see).
    public func advance(_ kind: String, to step: String) {
        let clone = cloneID
        _ = try? document.update { data in
            var claims = try decode(data)
            guard var claim = claims[kind], claim.clone == clone else { throw SharedDocument.Unchanged() }
            claim.step = step
            claim.stepSince = Date()
            claims[kind] = claim
            return try Self.coder.encoder.encode(File(claims: claims))
        }
    }

    /// Ends the claim on `kind` (the release is tagged).
    public func end(_ kind: String) {
        _ = try? document.update { data in
            var claims = try decode(data)
            guard claims.removeValue(forKey: kind) != nil else { throw SharedDocument.Unchanged() }
            return try Self.coder.encoder.encode(File(claims: claims))
        }
    }

    static func time(_ date: Date) -> String { ISO8601DateFormatter().string(from: date) }
}
