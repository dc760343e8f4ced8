import Foundation

/// The team's trail of mutating actions: one line per entry (`SEQUENCE<TAB>JSON`) in `git notes
/// --ref=slipway/audit`, pushed to the remote after each entry and merged from every clone that pushed. Entries are
/// ordered by their sequence (one past the highest this clone had seen), not by the clocks of the machines that
/// wrote them; the times shown are as recorded. Offline, an entry stays in this clone and goes with the next push.
public struct AuditLog: Sendable {
    public static let ref = "refs/notes/slipway/audit"
    /// The object the trail is attached to: the empty blob, which every repository can name.
    public static let anchor = "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391"

    public let repository: GitRepository
    public let remote: String

    public init(repository: GitRepository, remote: String = "origin") {
        self.repository = repository
        self.remote = remote
    }

    var notes: SharedNotes { SharedNotes(repository: repository, remote: remote, ref: Self.ref) }

    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }()

    /// Appends `entry` here and pushes it (best effort: offline it stays here and goes with the next push).
    public func append(_ entry: AuditEntry) throws(StateFileError) {
        try appendLocally(entry)
        try? notes.push()
    }

    /// Appends without pushing, retrying briefly when another process holds the notes ref's lock.
    func appendLocally(_ entry: AuditEntry, sequence: Int? = nil) throws(StateFileError) {
        let json: String
        do { json = String(decoding: try Self.encoder.encode(entry), as: UTF8.self) } catch {
            throw StateFileError(path: Self.ref, problem: "entry cannot be encoded (\(error))")
        }
        var last = ""
        for attempt in 0..<20 {
            let next = sequence ?? ((try? lines())?.map(\.sequence).max() ?? 0) + 1
            let line = String(format: "%012d", next) + "\t" + json
            do {
                let output = try repository.gitUnchecked(["-c", "user.name=slipway", "-c", "user.email=slipway@localhost", "notes",
                                                          "--ref=\(Self.ref)", "append", "-m", line, Self.anchor])
                if output.status.isSuccess { return }
                last = output.errorSummary
            } catch {
                last = error.description
            }
            usleep(UInt32(20_000 + attempt * 10_000))
        }
        throw StateFileError(path: Self.ref, problem: "could not be appended to: \(last)")
    }

    /// Every entry, in sequence; lines that cannot be read are skipped and counted.
    public func entries() -> (entries: [AuditEntry], unreadable: Int) {
        guard let lines = try? lines() else { return ([], 0) }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        var entries: [AuditEntry] = []
        var unreadable = 0
        for line in lines {
            if let entry = try? decoder.decode(AuditEntry.self, from: Data(line.json.utf8)) { entries.append(entry) } else { unreadable += 1 }
        }
        return (entries, unreadable)
    }

    /// The trail's lines with their sequence (0 for a line without one), in sequence order.
    func lines() throws(SharedRecordError) -> [(sequence: Int, json: String)] {
        let raw = try notes.lines(on: Self.anchor)
        return raw.enumerated().map { index, line -> (Int, String, Int) in
            guard let tab = line.firstIndex(of: "\t"), let sequence = Int(line[..<tab]) else { return (0, line, index) }
            return (sequence, String(line[line.index(after: tab)...]), index)
        }
        .sorted { ($0.0, $0.2) < ($1.0, $1.2) }
        .map { ($0.0, $0.1) }
    }
}
