import Foundation

/// Reads history in one streaming `git log -z` pass: records are parsed as the bytes arrive.
public enum GitLogReader {
    /// Fields are separated by 0x1F; the message comes last so that it may contain anything but NUL.
    /// `%m` marks boundary commits (`-`) when `--boundary` is asked for.
    static let format = "--format=%m%x1f%H%x1f%P%x1f%an%x1f%ae%x1f%at%x1f%B"

    /// Every commit in `range` (e.g. `v1.2.0..HEAD`, or a single ref for all its history), newest first.
    public static func read(_ repository: GitRepository, range: [String]) throws(GitError) -> [GitCommit] {
        var commits: [GitCommit] = []
        try stream(repository, range: range) { commits.append($0) }
        return commits
    }

    /// Streams the commits of `range`. With `boundary`, git's `--boundary` commits (the excluded edge of the
    /// range) go to it by sha instead: `TAG` comes back there exactly when it is an ancestor of the range's end.
    ///
    /// With `bodies` false, a message keeps only its header line when nothing after it can matter to the bump
    /// (`CommitMessage.isBodyOmitted`): for commands that report versions, not messages, on long histories.
    public static func stream(_ repository: GitRepository, range: [String], bodies: Bool = true, paths: [String] = [],
                              boundary: ((String) -> Void)? = nil, _ consume: (GitCommit) -> Void) throws(GitError) {
        var parser = RecordSplitter()
        let arguments = ["log", "-z", "--no-color", "--encoding=UTF-8", format] + (boundary == nil ? [] : ["--boundary"]) + range + ["--"]
            + paths.map { ":(top,literal)" + $0 }
        func handle(_ record: UnsafeRawBufferPointer) {
            if record.first == UInt8(ascii: "-") {
                if let boundary, record.count > 2 {
                    let end = record[2...].firstIndex(of: 0x1F) ?? record.count
                    boundary(String(decoding: UnsafeRawBufferPointer(rebasing: record[2..<end]), as: UTF8.self))
                }
                return
            }
            if let commit = parseRecord(record, bodies: bodies) { consume(commit) }
        }
        do {
            try repository.runner.stream(repository.invocation(arguments, timeout: 600)) { chunk in
                parser.feed(chunk, handle)
            }
        } catch {
            throw GitError.wrap(error)
        }
        parser.finish(handle)
    }

    /// One record: `mark 0x1F sha 0x1F parents 0x1F name 0x1F email 0x1F time 0x1F message`. The record after the
    /// mark becomes one string; the commit's fields and its message are slices of it.
    static func parseRecord(_ whole: UnsafeRawBufferPointer, bodies: Bool = true) -> GitCommit? {
        // Control bytes in a message (ESC, BEL, CR…) would reach CHANGELOG.md and the terminal: they go here, once.
        if whole.contains(where: Self.isControl) {
            return whole.filter { !Self.isControl($0) }.withUnsafeBytes { parseRecord($0, bodies: bodies) }
        }
        guard let markEnd = whole.firstIndex(of: 0x1F) else { return nil }
        let bytes = UnsafeRawBufferPointer(rebasing: whole[(markEnd + 1)...])
        // The separators are found on git's bytes; decoding repairs only invalid sequences, never an ASCII byte, so
        // the offsets hold in the string too, unless a repair came before one of them (checked below).
        var ends: (Int, Int, Int, Int, Int) = (0, 0, 0, 0, 0)
        var found = 0
        var index = 0
        var parentCount = 0
        var authorTime = 0
        var timeStart = 0
        while index < bytes.count, found < 5 {
            let byte = bytes[index]
            if byte == 0x1F {
                switch found {
                case 0: ends.0 = index
                case 1: ends.1 = index
                case 2: ends.2 = index
                case 3: ends.3 = index; timeStart = index + 1
                default: ends.4 = index
                }
                found += 1
            } else if found == 1, byte == 0x20 {
                parentCount += 1
            } else if found == 4, byte >= 0x30, byte <= 0x39 {
                authorTime = authorTime &* 10 &+ Int(byte - 0x30)
            }
            index += 1
        }
        guard found == 5, ends.0 > 0 else { return nil }
        if ends.1 > ends.0 + 1 { parentCount += 1 }
        if timeStart < ends.4, bytes[timeStart] == UInt8(ascii: "-") { authorTime = -authorTime }
        var kept = bytes
        if !bodies, let headerEnd = CommitMessageParser.headerEndIfBodyIrrelevant(UnsafeRawBufferPointer(rebasing: bytes[(ends.4 + 1)...])) {
            kept = UnsafeRawBufferPointer(rebasing: bytes[..<(ends.4 + 1 + headerEnd)])
        }
        let record = String(decoding: kept, as: UTF8.self)
        // A repaired byte before the message shifts the offsets: read the fields again from the string.
        guard record.utf8.count == kept.count else {
            return parseRepaired(record, bodyOmitted: kept.count < bytes.count)
        }
        let utf8 = record.utf8
        let message = record[utf8.index(utf8.startIndex, offsetBy: ends.4 + 1)...]
        return GitCommit(record: record, shaEnd: ends.0, parentsEnd: ends.1, nameEnd: ends.2, emailEnd: ends.3,
                         parentCount: parentCount, authorTime: authorTime,
                         message: CommitMessageParser.parse(message, bodyOmitted: kept.count < bytes.count))
    }

    /// A C0 control byte or DEL other than the newline, the tab, the carriage return (of CRLF messages, which the
    /// message parser reads) and the record's own separator 0x1F.
    @inline(__always)
    static func isControl(_ byte: UInt8) -> Bool {
        (byte < 0x20 && byte != 0x0A && byte != 0x09 && byte != 0x0D && byte != 0x1F) || byte == 0x7F
    }

    /// A record that held invalid UTF-8: split the repaired string instead (rare).
    private static func parseRepaired(_ record: String, bodyOmitted: Bool) -> GitCommit? {
        let fields = record.split(separator: "\u{1F}", maxSplits: 5, omittingEmptySubsequences: false)
        guard fields.count == 6, !fields[0].isEmpty else { return nil }
        return GitCommit(sha: String(fields[0]), parents: fields[1].split(separator: " ").map(String.init),
                         authorName: String(fields[2]), authorEmail: String(fields[3]),
                         authorTime: Int(fields[4]) ?? 0,
                         message: CommitMessageParser.parse(fields[5], bodyOmitted: bodyOmitted))
    }
}

/// Splits a byte stream at NUL bytes, carrying a partial record over between chunks.
struct RecordSplitter {
    private var carry: [UInt8] = []

    mutating func feed(_ chunk: UnsafeRawBufferPointer, _ emit: (UnsafeRawBufferPointer) -> Void) {
        guard let base = chunk.baseAddress else { return }
        var start = 0
        // memchr finds each NUL far faster than a loop over the bytes.
        while start < chunk.count, let found = memchr(base + start, 0, chunk.count - start) {
            let index = base.distance(to: UnsafeRawPointer(found))
            if carry.isEmpty {
                emit(UnsafeRawBufferPointer(rebasing: chunk[start..<index]))
            } else {
                carry.append(contentsOf: UnsafeRawBufferPointer(rebasing: chunk[start..<index]))
                carry.withUnsafeBytes { emit($0) }
                carry.removeAll(keepingCapacity: true)
            }
            start = index + 1
        }
        if start < chunk.count { carry.append(contentsOf: UnsafeRawBufferPointer(rebasing: chunk[start..<chunk.count])) }
    }

    mutating func finish(_ emit: (UnsafeRawBufferPointer) -> Void) {
        // `git log -z` separates records; the last may end without a NUL. Skip a lone newline.
        if carry.contains(where: { $0 != 0x0A && $0 != 0x0D }) { carry.withUnsafeBytes { emit($0) } }
        carry.removeAll()
    }
}
