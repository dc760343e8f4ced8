import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The append-only trail of mutating actions, one JSON object a line, under `.git/slipway/audit.jsonl`.
public struct AuditLog: Sendable {
    public let path: String

    public init(path: String) { self.path = path }

    public init(repository: GitRepository) { self.path = repository.slipwayDirectory + "/audit.jsonl" }

    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }()

    /// Appends `entry` with one `write` on an `O_APPEND` descriptor, so concurrent writers never interleave a line.
    public func append(_ entry: AuditEntry) throws(StateFileError) {
        let data: Data
        do { data = try Self.encoder.encode(entry) + Data("\n".utf8) } catch {
            throw StateFileError(path: path, problem: "entry cannot be encoded (\(error))")
        }
        do {
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                    withIntermediateDirectories: true)
        } catch {
            throw StateFileError(path: path, problem: "folder cannot be created (\(error.localizedDescription))")
        }
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT, 0o644)
        guard fd >= 0 else { throw StateFileError(path: path, problem: "cannot be opened: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        let written = data.withUnsafeBytes { bytes in bytes.baseAddress.map { write(fd, $0, bytes.count) } ?? 0 }
        guard written == data.count else {
            throw StateFileError(path: path, problem: "could not be appended to: \(String(cString: strerror(errno)))")
        }
    }

    /// Every entry, oldest first; lines that cannot be read are skipped and counted.
    public func entries() -> (entries: [AuditEntry], unreadable: Int) {
        guard let data = FileManager.default.contents(atPath: path) else { return ([], 0) }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        var entries: [AuditEntry] = []
        var unreadable = 0
        for line in data.split(separator: UInt8(ascii: "\n")) where !line.isEmpty {
            if let entry = try? decoder.decode(AuditEntry.self, from: Data(line)) { entries.append(entry) } else { unreadable += 1 }
        }
        return (entries, unreadable)
    }
}
