import Foundation

/// The holds the team shares: `refs/slipway/holds` on the remote (a `SharedDocument`), so a version rolled back
/// from one clone is held in every clone. Every change is a compare-and-swap against the remote.
public struct EnvironmentHolds: Sendable {
    public let document: SharedDocument

    public init(repository: GitRepository, remote: String = "origin") {
        document = SharedDocument(repository: repository, remote: remote, name: "holds")
    }

    struct File: Codable { var holds: [DeploymentHold] }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }()

    /// Every hold, as last fetched.
    public func all() throws(StateFileError) -> [DeploymentHold] {
        try Self.decode(try document.read().data, where: document.where_)
    }

    static func decode(_ data: Data?, where place: String) throws(StateFileError) -> [DeploymentHold] {
        guard let data else { return [] }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        do { return try decoder.decode(File.self, from: data).holds } catch {
            throw StateFileError(path: place, problem: "cannot be read as holds (\(StateFileError.summary(error))); the shared record was damaged — fix it or delete the ref")
        }
    }

    static func encode(_ holds: [DeploymentHold]) throws -> Data {
        try encoder.encode(File(holds: holds)) + Data("\n".utf8)
    }

    /// The hold on `version` in any environment, if there is one.
    public func hold(on version: String) throws(StateFileError) -> DeploymentHold? {
        try all().first(where: { $0.version == version })
    }

    /// Adds `hold`, replacing an older hold on the same version in the same environment.
    public func add(_ hold: DeploymentHold) throws {
        try document.update { data in
            var holds = try Self.decode(data, where: document.where_).filter { !($0.environment == hold.environment && $0.version == hold.version) }
            holds.append(hold)
            return try Self.encode(holds)
        }
    }

    /// Removes the holds of `environment` and returns them. When someone else changed that environment's holds
    /// between this clone's read and its push, nothing is cleared: the refusal names what changed.
    @discardableResult
    public func clear(environment: String) throws -> [DeploymentHold] {
        var seen: [DeploymentHold]?
        var cleared: [DeploymentHold] = []
        try document.update { data in
            let holds = try Self.decode(data, where: document.where_)
            let mine = holds.filter { $0.environment == environment }
            if let seen, Set(seen) != Set(mine) {
                let now = mine.map { "\($0.version) (held by \($0.by) at \(ISO8601DateFormatter().string(from: $0.since)))" }
                throw EnvironmentError(.refused, "\(environment)'s holds changed while clearing them (now: \(now.isEmpty ? "none" : now.joined(separator: ", "))); nothing was cleared — look again and clear again")
            }
            seen = mine
            cleared = mine
            return try Self.encode(holds.filter { $0.environment != environment })
        }
        return cleared
    }
}
