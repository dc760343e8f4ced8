import Foundation

/// The holds in `.git/slipway/holds.json`.
public struct EnvironmentHolds: Sendable {
    public let path: String

    public init(path: String) { self.path = path }
    public init(repository: GitRepository) { self.path = repository.slipwayDirectory + "/holds.json" }

    private struct File: Codable { var holds: [DeploymentHold] }

    /// Every hold; a missing file means none.
    public func all() throws(StateFileError) -> [DeploymentHold] {
        guard let data = FileManager.default.contents(atPath: path) else { return [] }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        do { return try decoder.decode(File.self, from: data).holds } catch {
            throw StateFileError(path: path, problem: "cannot be read as holds (\(error)); fix or delete it")
        }
    }

    /// The hold on `version` in any environment, if there is one.
    public func hold(on version: String) throws(StateFileError) -> DeploymentHold? {
        try all().first(where: { $0.version == version })
    }

    /// Adds `hold`, replacing an older hold on the same version in the same environment.
    public func add(_ hold: DeploymentHold) throws(StateFileError) {
        var holds = try all().filter { !($0.environment == hold.environment && $0.version == hold.version) }
        holds.append(hold)
        try save(holds)
    }

    /// Removes the holds of `environment` and returns them.
    @discardableResult
    public func clear(environment: String) throws(StateFileError) -> [DeploymentHold] {
        let holds = try all()
        try save(holds.filter { $0.environment != environment })
        return holds.filter { $0.environment == environment }
    }

    private func save(_ holds: [DeploymentHold]) throws(StateFileError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        let data: Data
        do { data = try encoder.encode(File(holds: holds)) } catch {
            throw StateFileError(path: path, problem: "cannot be encoded (\(error))")
        }
        try AtomicFile.write(data + Data("\n".utf8), to: path)
    }
}
