/// One commit as `git log` reports it, with its message already read as Conventional Commits.
///
/// A commit is one reference to one immutable object, and that object keeps `git log`'s record as a single
/// string: the sha, parents, author and message are slices of it, turned into strings only when asked for.
/// 100,000 commits therefore cost 100,000 string allocations rather than a dozen each, and lists of them
/// (and the classified commits that carry them) stay small and cheap to copy.
public struct GitCommit: Sendable, Hashable {
    private final class Storage: Sendable {
        /// `sha 0x1F parents 0x1F name 0x1F email …`: the short fields, then whatever the record held after them
        /// (the message's slices point into the same string when it came from `git log`).
        let record: String
        let shaEnd: Int32
        let parentsEnd: Int32
        let nameEnd: Int32
        let emailEnd: Int32
        let parentCount: Int32
        let authorTime: Int
        /// The sha's first seven bytes packed in an integer (`GitCommit.key`).
        let shaKey: UInt64
        let message: CommitMessage

        init(record: String, shaEnd: Int, parentsEnd: Int, nameEnd: Int, emailEnd: Int, parentCount: Int,
             authorTime: Int, message: CommitMessage) {
            self.record = record
            shaKey = GitCommit.key(record.utf8.prefix(shaEnd))
            self.shaEnd = Int32(shaEnd)
            self.parentsEnd = Int32(parentsEnd)
            self.nameEnd = Int32(nameEnd)
            self.emailEnd = Int32(emailEnd)
            self.parentCount = Int32(parentCount)
            self.authorTime = authorTime
            self.message = message
        }

        /// Calls `body` with the bytes `start..<end` of the record, without copying them out.
        func withBytes<Result>(_ start: Int32, _ end: Int32, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
            if let result = record.utf8.withContiguousStorageIfAvailable({ whole in
                body(UnsafeBufferPointer(rebasing: whole[Int(start)..<Int(end)]))
            }) {
                return result
            }
            return Array(record.utf8.dropFirst(Int(start)).prefix(Int(end - start))).withUnsafeBufferPointer(body)
        }

        /// The bytes `start..<end` of the record (always cut at ASCII separators, so at character boundaries).
        func slice(_ start: Int32, _ end: Int32) -> Substring {
            let utf8 = record.utf8
            let from = utf8.index(utf8.startIndex, offsetBy: Int(start))
            let to = utf8.index(utf8.startIndex, offsetBy: Int(end))
            return record[from..<to]
        }
    }

    private let storage: Storage

    public var sha: String { String(shaText) }
    /// The sha without copying it out of the record.
    var shaText: Substring { storage.slice(0, storage.shaEnd) }
    public var parents: [String] {
        let text = storage.slice(storage.shaEnd + 1, storage.parentsEnd)
        return text.utf8.split(separator: 0x20).map { String(Substring($0)) }
    }
    public var authorName: String { String(storage.slice(storage.parentsEnd + 1, storage.nameEnd)) }
    public var authorEmail: String { String(storage.slice(storage.nameEnd + 1, storage.emailEnd)) }
    /// Author time, seconds since 1970.
    public var authorTime: Int { storage.authorTime }
    public var message: CommitMessage { storage.message }
    /// The message's subject, read in place (`message` hands over a copy of the whole message).
    var subjectText: Substring { storage.message.subjectText }
    var hasBreakingFooter: Bool { storage.message.breakingFooterToken != nil }
    var revertedSHAs: [String] { storage.message.revertedSHAs }

    public init(sha: String, parents: [String], authorName: String, authorEmail: String, authorTime: Int,
                message: CommitMessage) {
        let fields = [sha, parents.joined(separator: " "), authorName, authorEmail]
        var offsets: [Int] = []
        var total = 0
        for field in fields {
            total += field.utf8.count
            offsets.append(total)
            total += 1
        }
        storage = Storage(record: fields.joined(separator: "\u{1F}"), shaEnd: offsets[0], parentsEnd: offsets[1],
                          nameEnd: offsets[2], emailEnd: offsets[3], parentCount: parents.count,
                          authorTime: authorTime, message: message)
    }

    /// A commit whose fields are slices of `record` (`sha 0x1F parents 0x1F name 0x1F email 0x1F …`), the byte
    /// offsets of their ends given.
    init(record: String, shaEnd: Int, parentsEnd: Int, nameEnd: Int, emailEnd: Int, parentCount: Int,
         authorTime: Int, message: CommitMessage) {
        storage = Storage(record: record, shaEnd: shaEnd, parentsEnd: parentsEnd, nameEnd: nameEnd, emailEnd: emailEnd,
                          parentCount: parentCount, authorTime: authorTime, message: message)
    }

    public static func == (lhs: GitCommit, rhs: GitCommit) -> Bool {
        lhs.storage === rhs.storage
            || (lhs.shaText == rhs.shaText && lhs.parents == rhs.parents && lhs.authorName == rhs.authorName
                && lhs.authorEmail == rhs.authorEmail && lhs.authorTime == rhs.authorTime && lhs.message == rhs.message)
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(shaText) }

    public var isMerge: Bool { storage.parentCount > 1 }
    public var shortSHA: String { String(shaText.prefix(7)) }

    /// The fields `withBytes` hands over as UTF-8.
    enum Field { case sha, authorName, authorEmail }

    /// Calls `body` with a field's UTF-8 bytes, straight from the record.
    func withBytes<Result>(of field: Field, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        switch field {
        case .sha: return storage.withBytes(0, storage.shaEnd, body)
        case .authorName: return storage.withBytes(storage.parentsEnd + 1, storage.nameEnd, body)
        case .authorEmail: return storage.withBytes(storage.nameEnd + 1, storage.emailEnd, body)
        }
    }

    /// Whether the sha starts with `prefix` (a full or abbreviated sha), compared on the bytes.
    func shaHasPrefix(_ prefix: String) -> Bool {
        shaText.utf8.starts(with: prefix.utf8)
    }

    /// The first seven bytes of the sha packed in an integer: a cheap key for finding abbreviated shas.
    var shaKey: UInt64 { storage.shaKey }

    static func key<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> UInt64 {
        var packed: UInt64 = 0
        for byte in bytes.prefix(7) { packed = packed << 8 | UInt64(byte) }
        return packed
    }
}
