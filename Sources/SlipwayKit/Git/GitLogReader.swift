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
    public static func stream(_ repository: GitRepository, range: [String], boundary: ((String) -> Void)? = nil,
                              _ consume: (GitCommit) -> Void) throws(GitError) {
        var parser = RecordSplitter()
        let arguments = ["log", "-z", "--no-color", "--encoding=UTF-8", format] + (boundary == nil ? [] : ["--boundary"]) + range + ["--"]
        func handle(_ record: UnsafeRawBufferPointer) {
            if record.first == UInt8(ascii: "-") {
                if let boundary, record.count > 2 {
                    let end = record[2...].firstIndex(of: 0x1F) ?? record.count
                    boundary(String(decoding: UnsafeRawBufferPointer(rebasing: record[2..<end]), as: UTF8.self))
                }
                return
            }
            if let commit = parseRecord(record) { consume(commit) }
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

    /// One record: `mark 0x1F sha 0x1F parents 0x1F name 0x1F email 0x1F time 0x1F message`.
    static func parseRecord(_ whole: UnsafeRawBufferPointer) -> GitCommit? {
        guard let markEnd = whole.firstIndex(of: 0x1F) else { return nil }
        let record = UnsafeRawBufferPointer(rebasing: whole[(markEnd + 1)...])
        var fields: [UnsafeRawBufferPointer] = []
        fields.reserveCapacity(6)
        var start = 0
        var index = 0
        while index < record.count, fields.count < 5 {
            if record[index] == 0x1F {
                fields.append(UnsafeRawBufferPointer(rebasing: record[start..<index]))
                start = index + 1
            }
            index += 1
        }
        guard fields.count == 5 else { return nil }
        fields.append(UnsafeRawBufferPointer(rebasing: record[start..<record.count]))
        func text(_ bytes: UnsafeRawBufferPointer) -> String { String(decoding: bytes, as: UTF8.self) }
        let sha = text(fields[0])
        guard !sha.isEmpty else { return nil }
        // Split on the bytes: `String.split` would walk the text Character by Character.
        let parents = fields[1].split(separator: 0x20).map { String(decoding: UnsafeRawBufferPointer(rebasing: $0), as: UTF8.self) }
        return GitCommit(sha: sha, parents: parents, authorName: text(fields[2]), authorEmail: text(fields[3]),
                         authorTime: Int(text(fields[4])) ?? 0, message: CommitMessage(parsing: text(fields[5])))
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
