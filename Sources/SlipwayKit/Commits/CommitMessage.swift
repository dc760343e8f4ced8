import Foundation

/// A whole commit message read as Conventional Commits: the header, what it says of itself, and the
/// facts the bump policy needs (reverts, squashed headers). A message that is not conventional is kept.
///
/// Most messages (a header, prose, ordinary footers) are kept as offsets into the text they were read from (for
/// a commit, `git log`'s record), with the header's type and scope; the parts are cut out when asked for. Reverts
/// and squash commits, read in full up front, keep what was read.
public struct CommitMessage: Sendable, Hashable {
    /// Reverts and squash commits: what the full read found.
    private final class Full: Sendable {
        let subject: String
        let conventional: ConventionalCommit?
        let revertedSHAs: [String]
        let isRevert: Bool
        let squashed: [ConventionalCommit]

        init(subject: String, conventional: ConventionalCommit?, revertedSHAs: [String], isRevert: Bool,
             squashed: [ConventionalCommit]) {
            self.subject = subject
            self.conventional = conventional
            self.revertedSHAs = revertedSHAs
            self.isRevert = isRevert
            self.squashed = squashed
        }
    }

    /// The text the offsets below point into (unused for a full read).
    private let base: String
    private let subjectStart: UInt32
    private let subjectEnd: UInt32
    private let descriptionStart: UInt32
    private let descriptionEnd: UInt32
    private let restStart: UInt32
    private let restEnd: UInt32
    /// The header's type, scope and `!` (empty, `nil`, `false` when it is not conventional), for every message:
    /// the bump policy reads them without building a `ConventionalCommit`.
    let headerType: String
    let headerScope: String?
    let headerBreakingMarker: Bool
    /// 0: none; 1: `BREAKING CHANGE`; 2: `BREAKING-CHANGE`.
    private let breakingToken: UInt8
    private let bodyOmitted: Bool
    public let headerProblem: HeaderProblem?
    private let full: Full?

    private func slice(_ start: UInt32, _ end: UInt32) -> Substring {
        let utf8 = base.utf8
        return base[utf8.index(utf8.startIndex, offsetBy: Int(start))..<utf8.index(utf8.startIndex, offsetBy: Int(end))]
    }

    private static func tokenCode(_ token: String?) -> UInt8 {
        token == nil ? 0 : (token == "BREAKING CHANGE" ? 1 : 2)
    }

    /// The first non-blank line, as a slice of the text it was read from.
    var subjectText: Substring { full?.subject[...] ?? slice(subjectStart, subjectEnd) }

    /// The first non-blank line.
    public var subject: String { String(subjectText) }

    /// `nil` when the header is not conventional; `headerProblem` then says why.
    public var conventional: ConventionalCommit? {
        if let full { return full.conventional }
        guard headerProblem == nil else { return nil }
        return ConventionalCommit(type: headerType, scope: headerScope, hasBreakingMarker: headerBreakingMarker,
                                  description: slice(descriptionStart, descriptionEnd),
                                  rest: slice(restStart, restEnd), breakingToken: breakingFooterToken)
    }

    /// `BREAKING CHANGE` or `BREAKING-CHANGE` when the message has such a footer.
    var breakingFooterToken: String? {
        breakingToken == 0 ? nil : (breakingToken == 1 ? "BREAKING CHANGE" : "BREAKING-CHANGE")
    }

    /// Commits this one reverts (`This reverts commit <sha>.`, or a `revert:` commit's `Refs:` footer).
    public var revertedSHAs: [String] { full?.revertedSHAs ?? [] }

    /// `true` for `revert:` commits and for git's own `Revert "…"` subjects.
    public var isRevert: Bool { full?.isRevert ?? false }

    /// Conventional headers listed as bullets in the body of a squash commit (`* feat: a`).
    public var squashed: [ConventionalCommit] { full?.squashed ?? [] }

    /// `true` when the text after the header was not kept (`GitLogReader` without bodies, for commands that
    /// report versions, not messages): `body` and `footers` then read as empty. A message whose body matters to
    /// the bump (a breaking-change footer, a revert, a squash list) is always kept whole.
    public var isBodyOmitted: Bool { bodyOmitted }

    public init(parsing message: String) {
        self = CommitMessageParser.parse(message[...])
    }

    /// Reads a message that is a slice of a larger text (a `git log` record): its parts stay slices of it.
    public init(parsing message: Substring) {
        self = CommitMessageParser.parse(message)
    }

    /// The quick form: a header (conventional or, with `problem`, not) and the unread text after it, as byte
    /// offsets into `base`.
    init(quick base: String, subject: (Int, Int), description: (Int, Int), rest: (Int, Int), type: String, scope: String?,
         hasBreakingMarker: Bool, problem: HeaderProblem?, breakingToken: String?, bodyOmitted: Bool) {
        self.base = base
        (subjectStart, subjectEnd) = (UInt32(subject.0), UInt32(subject.1))
        (descriptionStart, descriptionEnd) = (UInt32(description.0), UInt32(description.1))
        (restStart, restEnd) = (UInt32(rest.0), UInt32(rest.1))
        headerType = type
        headerScope = scope
        headerBreakingMarker = hasBreakingMarker
        headerProblem = problem
        self.breakingToken = Self.tokenCode(breakingToken)
        self.bodyOmitted = bodyOmitted
        full = nil
    }

    /// The full form: everything read.
    init(subject: Substring, conventional: ConventionalCommit?, headerProblem: HeaderProblem?,
         revertedSHAs: [String], isRevert: Bool, squashed: [ConventionalCommit]) {
        base = ""
        (subjectStart, subjectEnd, descriptionStart, descriptionEnd, restStart, restEnd) = (0, 0, 0, 0, 0, 0)
        headerType = conventional?.type ?? ""
        headerScope = conventional?.scope
        headerBreakingMarker = conventional?.hasBreakingMarker ?? false
        breakingToken = Self.tokenCode(conventional?.breakingFooterToken)
        bodyOmitted = false
        self.headerProblem = headerProblem
        full = Full(subject: String(subject), conventional: conventional, revertedSHAs: revertedSHAs, isRevert: isRevert,
                    squashed: squashed)
    }

    public static func == (lhs: CommitMessage, rhs: CommitMessage) -> Bool {
        lhs.subjectText == rhs.subjectText && lhs.conventional == rhs.conventional && lhs.headerProblem == rhs.headerProblem
            && lhs.revertedSHAs == rhs.revertedSHAs && lhs.isRevert == rhs.isRevert && lhs.squashed == rhs.squashed
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(subjectText)
        hasher.combine(headerProblem)
    }
}

enum CommitMessageParser {
    /// - Parameter bodyOmitted: the caller cut the text after the header (it could not matter to the bump).
    static func parse(_ raw: Substring, bodyOmitted: Bool = false) -> CommitMessage {
        let base = raw.base
        let startOffset = base.utf8.distance(from: base.utf8.startIndex, to: raw.startIndex)
        let read = raw.utf8.withContiguousStorageIfAvailable { quickRead($0, base: base, at: startOffset, bodyOmitted: bodyOmitted) }
        switch read {
        case .some(.message(let message)): return message
        case .some(.crLineEnds):
            return parse(Substring(raw.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")),
                         bodyOmitted: bodyOmitted)
        case .some(.needsFullRead): return parseFully(String(raw))
        case .none:
            // Text without contiguous UTF-8 (a bridged string elsewhere than Linux): read a contiguous copy.
            var copy = String(raw)
            copy.makeContiguousUTF8()
            return copy.utf8.withContiguousStorageIfAvailable({ _ in true }) == true
                ? parse(copy[...], bodyOmitted: bodyOmitted) : parseFully(copy)
        }
    }

    private enum QuickRead {
        case message(CommitMessage)
        case crLineEnds
        /// Reverts and bullet lists (squash commits) are read in full.
        case needsFullRead
    }

    /// Most messages are a header, prose and ordinary footers: only the header and a scan for breaking-change
    /// footers are needed now, read on the bytes; the message keeps offsets into `base` (where `bytes` start at
    /// `offset`).
    private static func quickRead(_ bytes: UnsafeBufferPointer<UInt8>, base: String, at offset: Int, bodyOmitted: Bool) -> QuickRead {
        guard let pointer = bytes.baseAddress else {
            return .message(CommitMessage(quick: base, subject: (offset, offset), description: (offset, offset), rest: (offset, offset),
                                          type: "", scope: nil, hasBreakingMarker: false, problem: .empty, breakingToken: nil,
                                          bodyOmitted: false))
        }
        if memchr(pointer, 13, bytes.count) != nil { return .crLineEnds }
        // The first line that is not blank.
        var start = 0
        var end = 0
        var found = false
        while start < bytes.count {
            end = memchr(pointer + start, 0x0A, bytes.count - start).map { UnsafePointer($0.assumingMemoryBound(to: UInt8.self)) - pointer } ?? bytes.count
            if UnsafeBufferPointer(rebasing: bytes[start..<end]).contains(where: { $0 != 0x20 && $0 != 0x09 }) { found = true; break }
            start = end + 1
        }
        guard found else {
            let at = offset + bytes.count
            return .message(CommitMessage(quick: base, subject: (at, at), description: (at, at), rest: (at, at), type: "",
                                          scope: nil, hasBreakingMarker: false, problem: .empty, breakingToken: nil, bodyOmitted: false))
        }
        let restStart = min(end + 1, bytes.count)
        let facts = scan(UnsafeBufferPointer(rebasing: bytes[restStart...]))
        if bytes[start] == UInt8(ascii: "R") || facts.hasBullet { return .needsFullRead }
        var subjectEnd = end
        while subjectEnd > start, bytes[subjectEnd - 1] == 0x20 || bytes[subjectEnd - 1] == 0x09 { subjectEnd -= 1 }
        let subject = (offset + start, offset + subjectEnd)
        let rest = (offset + restStart, offset + bytes.count)
        switch parseHeader(UnsafeBufferPointer(rebasing: bytes[start..<end])) {
        case .success(let header):
            if header.type == "revert" { return .needsFullRead }
            return .message(CommitMessage(quick: base, subject: subject,
                                          description: (offset + start + header.description.lowerBound, offset + start + header.description.upperBound),
                                          rest: rest, type: header.type, scope: header.scope, hasBreakingMarker: header.breaking,
                                          problem: nil, breakingToken: facts.breakingToken, bodyOmitted: bodyOmitted))
        case .failure(let problem):
            return .message(CommitMessage(quick: base, subject: subject, description: (subject.1, subject.1), rest: rest, type: "",
                                          scope: nil, hasBreakingMarker: false, problem: problem,
                                          breakingToken: facts.breakingToken, bodyOmitted: bodyOmitted))
        }
    }

    /// In one pass over the bytes after the header: whether a line is a bullet (`* ` or `- ` after blanks, a
    /// possible squash list) and the token of the first breaking-change footer line. The same answers as
    /// `hasBulletLine` and `breakingToken(in:)`, read with `memchr` and byte compares.
    static func scan(_ rest: Substring) -> (hasBullet: Bool, breakingToken: String?) {
        if let fast = rest.utf8.withContiguousStorageIfAvailable(scan) { return fast }
        return (hasBulletLine(rest), breakingToken(in: rest))
    }

    /// `scan` on bytes (the text after a header, as UTF-8).
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> (hasBullet: Bool, breakingToken: String?) {
        guard let base = bytes.baseAddress else { return (false, nil) }
        let count = bytes.count
        var token: String?
        var start = 0
        while start < count {
            let remaining = count - start
            let end = memchr(base + start, 0x0A, remaining).map { UnsafePointer($0.assumingMemoryBound(to: UInt8.self)) - base } ?? count
            var index = start
            while index < end, base[index] == 0x20 || base[index] == 0x09 { index += 1 }
            if index + 1 < end, base[index] == UInt8(ascii: "*") || base[index] == UInt8(ascii: "-"),
               base[index + 1] == 0x20 || base[index + 1] == 0x09 {
                return (true, token)
            }
            if token == nil, base[start] == UInt8(ascii: "B"), end - start >= 17 {
                for candidate in ["BREAKING CHANGE", "BREAKING-CHANGE"] where Self.bytes(base + start, end - start, startWith: candidate) {
                    let separator = base + start + 15
                    if (separator[0] == UInt8(ascii: ":") && separator[1] == 0x20)
                        || (separator[0] == 0x20 && separator[1] == UInt8(ascii: "#")) {
                        token = candidate
                    }
                }
            }
            start = end + 1
        }
        return (false, token)
    }

    /// For a reader that keeps no bodies: where the header line of `message` ends, when nothing after it can matter
    /// to the bump (no breaking-change footer, no squash list, not a revert, no CR to normalise); `nil` when the
    /// whole message is needed.
    static func headerEndIfBodyIrrelevant(_ message: UnsafeRawBufferPointer) -> Int? {
        guard let base = message.baseAddress?.assumingMemoryBound(to: UInt8.self), memchr(base, 13, message.count) == nil else {
            return message.baseAddress == nil ? 0 : nil
        }
        var start = 0
        while start < message.count {
            let end = memchr(base + start, 0x0A, message.count - start).map { UnsafePointer($0.assumingMemoryBound(to: UInt8.self)) - base } ?? message.count
            let line = UnsafeBufferPointer(start: base + start, count: end - start)
            if line.contains(where: { $0 != 0x20 && $0 != 0x09 }) {
                // A header that may be a revert (`Revert "…"`, `revert:`, any case) is read in full.
                if let first = line.first(where: { $0 != 0x20 && $0 != 0x09 }), first | 0x20 == UInt8(ascii: "r") { return nil }
                let rest = end < message.count ? UnsafeBufferPointer(start: base + end + 1, count: message.count - end - 1) : UnsafeBufferPointer(start: base, count: 0)
                let facts = scan(rest)
                return facts.hasBullet || facts.breakingToken != nil ? nil : end
            }
            start = end + 1
        }
        return message.count
    }

    private static func bytes(_ pointer: UnsafePointer<UInt8>, _ length: Int, startWith prefix: String) -> Bool {
        var index = 0
        for byte in prefix.utf8 {
            guard index < length, pointer[index] == byte else { return false }
            index += 1
        }
        return true
    }

    /// Calls `body` with each line of `text` (without its line feed).
    static func forEachLine(_ text: Substring, _ body: (Substring) -> Bool) {
        let bytes = text.utf8
        var start = bytes.startIndex
        while true {
            let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.endIndex
            if !body(text[start..<end]) || end == bytes.endIndex { return }
            start = bytes.index(after: end)
        }
    }

    /// The token of the first line that is a breaking-change footer (in the footer block or, as `parseFully`
    /// also counts it, in the body).
    static func breakingToken(in rest: Substring) -> String? {
        var token: String?
        forEachLine(rest) { line in
            if line.utf8.first == UInt8(ascii: "B"), let found = footerToken(in: line),
               found.token == "BREAKING CHANGE" || found.token == "BREAKING-CHANGE" {
                token = found.token
                return false
            }
            return true
        }
        return token
    }

    /// `true` when a line starts (after blanks) with `* ` or `- `: a possible squash list.
    static func hasBulletLine(_ rest: Substring) -> Bool {
        var found = false
        forEachLine(rest) { line in
            let bytes = line.utf8
            var index = bytes.startIndex
            while index != bytes.endIndex, bytes[index] == 0x20 || bytes[index] == 0x09 { index = bytes.index(after: index) }
            guard index != bytes.endIndex, bytes[index] == UInt8(ascii: "*") || bytes[index] == UInt8(ascii: "-") else { return true }
            let next = bytes.index(after: index)
            if next != bytes.endIndex, bytes[next] == 0x20 || bytes[next] == 0x09 { found = true; return false }
            return true
        }
        return found
    }

    /// The body and footers of the lines after a header, as `parseFully` reads them.
    static func bodyAndFooters(_ rest: Substring) -> (body: String?, footers: [CommitFooter]) {
        var lines: [Substring] = []
        forEachLine(rest) { lines.append($0); return true }
        let read = bodyAndFooters(lines: lines)
        return (read.body, read.footers)
    }

    /// The body (and its paragraphs) and the footers of `lines`: the footer block is the last paragraph when it
    /// opens with a footer token.
    static func bodyAndFooters(lines: [Substring]) -> (body: String?, footers: [CommitFooter], bodyParagraphs: [[Substring]]) {
        let paragraphs = splitParagraphs(lines)
        var footerLines: [Substring] = []
        var bodyParagraphs = paragraphs
        if let last = paragraphs.last, let first = last.first, footerToken(in: first) != nil {
            footerLines = last
            bodyParagraphs.removeLast()
        }
        var footers = parseFooters(footerLines)
        // A BREAKING CHANGE note written in the body still breaks: missing one costs more than a false alarm.
        for paragraph in bodyParagraphs {
            for (index, line) in paragraph.enumerated() {
                guard let token = footerToken(in: line), token.token == "BREAKING CHANGE" || token.token == "BREAKING-CHANGE" else { continue }
                var value = String(token.value)
                for more in paragraph[(index + 1)...] { value += "\n" + more }
                footers.append(CommitFooter(token: token.token, separator: token.separator, value: value))
                break
            }
        }
        let body = bodyParagraphs.isEmpty ? nil : bodyParagraphs.map { $0.joined(separator: "\n") }.joined(separator: "\n\n")
        return (body, footers, bodyParagraphs)
    }

    /// The whole message read line by line: reverts and squash commits.
    static func parseFully(_ text: String) -> CommitMessage {
        var lines = splitLines(text)
        // Leading and trailing blank lines carry nothing.
        while let first = lines.first, isBlank(first) { lines.removeFirst() }
        while let last = lines.last, isBlank(last) { lines.removeLast() }
        guard let headerLine = lines.first else {
            return CommitMessage(subject: "", conventional: nil, headerProblem: .empty, revertedSHAs: [],
                                 isRevert: false, squashed: [])
        }
        let subject = headerLine.trimmingTrailingWhitespace()
        let rest = Array(lines.dropFirst())
        let (body, footers, bodyParagraphs) = bodyAndFooters(lines: rest)

        var conventional: ConventionalCommit?
        var problem: HeaderProblem?
        switch parseHeader(headerLine) {
        case .success(let header):
            conventional = ConventionalCommit(type: header.type, scope: header.scope,
                                              hasBreakingMarker: header.breaking, description: String(header.description),
                                              body: body, footers: footers)
        case .failure(let failure):
            problem = failure
        }

        let isRevert = conventional?.type == "revert" || subject.hasPrefix("Revert \"") || subject.hasPrefix("Revert '")
        var reverted: [String] = []
        if isRevert {
            reverted = revertedSHAs(in: rest)
            if reverted.isEmpty, let conventional {
                for footer in conventional.footers where footer.token.lowercased() == "refs" {
                    reverted += footer.value.split(whereSeparator: { $0 == "," || $0 == " " || $0 == "\n" })
                        .map(String.init).filter(isSHA)
                }
            }
        }

        var squashed: [ConventionalCommit] = []
        for paragraph in bodyParagraphs {
            for line in paragraph {
                var content = line.drop(while: { $0 == " " || $0 == "\t" })
                guard let bullet = content.first, bullet == "*" || bullet == "-" else { continue }
                content = content.dropFirst()
                guard let space = content.first, space == " " || space == "\t" else { continue }
                content = content.drop(while: { $0 == " " || $0 == "\t" })
                if case .success(let header) = parseHeader(content) {
                    squashed.append(ConventionalCommit(type: header.type, scope: header.scope,
                                                       hasBreakingMarker: header.breaking,
                                                       description: String(header.description)))
                }
            }
        }
        return CommitMessage(subject: subject, conventional: conventional, headerProblem: problem,
                             revertedSHAs: reverted, isRevert: isRevert, squashed: squashed)
    }

    struct Header {
        var type: String
        var scope: String?
        var breaking: Bool
        /// A slice of the header line.
        var description: Substring
    }

    /// `Header`, read from bytes: the description as the byte range within the line.
    struct ByteHeader {
        var type: String
        var scope: String?
        var breaking: Bool
        var description: Range<Int>
    }

    /// `type(scope)!: description`, strictly.
    static func parseHeader(_ line: Substring) -> Result<Header, HeaderProblem> {
        let read = line.utf8.withContiguousStorageIfAvailable(parseHeader) ?? Array(line.utf8).withUnsafeBufferPointer(parseHeader)
        return read.map { header in
            let utf8 = line.utf8
            let from = utf8.index(utf8.startIndex, offsetBy: header.description.lowerBound)
            let to = utf8.index(utf8.startIndex, offsetBy: header.description.upperBound)
            return Header(type: header.type, scope: header.scope, breaking: header.breaking, description: line[from..<to])
        }
    }

    /// `type(scope)!: description`, strictly, on the line's bytes.
    static func parseHeader(_ bytes: UnsafeBufferPointer<UInt8>) -> Result<ByteHeader, HeaderProblem> {
        func text(_ range: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self) }
        func trimmed(_ range: Range<Int>) -> Range<Int> {
            var (from, to) = (range.lowerBound, range.upperBound)
            while from < to, bytes[from] == 0x20 || bytes[from] == 0x09 { from += 1 }
            while to > from, bytes[to - 1] == 0x20 || bytes[to - 1] == 0x09 { to -= 1 }
            return from..<to
        }
        var index = 0
        let end = bytes.count
        guard index != end else { return .failure(.empty) }
        guard isLetter(bytes[index]) else { return .failure(.noType) }
        while index != end, isTypeByte(bytes[index]) { index += 1 }
        // Types are case-insensitive; most are written in lower case already (and short: no allocation).
        let typeText = text(0..<index)
        let type = bytes[0..<index].contains(where: { $0 >= 65 && $0 <= 90 }) ? typeText.lowercased() : typeText
        var scope: String?
        if index != end, bytes[index] == UInt8(ascii: "(") {
            let open = index + 1
            var close = open
            while close != end, bytes[close] != UInt8(ascii: ")") {
                if bytes[close] == UInt8(ascii: "(") { return .failure(.unclosedScope) }
                close += 1
            }
            guard close != end else { return .failure(.unclosedScope) }
            let range = trimmed(open..<close)
            guard !range.isEmpty else { return .failure(.emptyScope) }
            scope = text(range)
            index = close + 1
        }
        var breaking = false
        if index != end, bytes[index] == UInt8(ascii: "!") {
            breaking = true
            index += 1
        }
        guard index != end, bytes[index] == UInt8(ascii: ":") else { return .failure(.noColon) }
        index += 1
        guard index != end, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") else {
            return index == end ? .failure(.emptyDescription) : .failure(.missingSpaceAfterColon)
        }
        let description = trimmed(index..<end)
        guard !description.isEmpty else { return .failure(.emptyDescription) }
        return .success(ByteHeader(type: type, scope: scope, breaking: breaking, description: description))
    }

    struct TokenLine {
        var token: String
        var separator: String
        var value: Substring
    }

    /// `text.split(separator: "\n", omittingEmptySubsequences: false)`, found on the bytes: a line feed is always a
    /// Character of its own (once CRs are gone), so the pieces are the same, without breaking the text into graphemes.
    static func splitLines(_ text: String) -> [Substring] {
        var lines: [Substring] = []
        let bytes = text.utf8
        var start = bytes.startIndex
        var index = start
        while index != bytes.endIndex {
            if bytes[index] == 0x0A {
                lines.append(text[start..<index])
                start = bytes.index(after: index)
            }
            index = bytes.index(after: index)
        }
        lines.append(text[start..<bytes.endIndex])
        return lines
    }

    /// `true` when the line's first bytes could be `first` then `second`: a cheap test before the exact,
    /// Character-wise `hasPrefix`.
    private static func mayStart(_ bytes: Substring.UTF8View, with first: UInt8, _ second: UInt8) -> Bool {
        var index = bytes.startIndex
        guard index != bytes.endIndex, bytes[index] == first else { return false }
        index = bytes.index(after: index)
        return index != bytes.endIndex && bytes[index] == second
    }

    /// `Token: value`, `Token #value`, `BREAKING CHANGE: value`.
    static func footerToken(in line: Substring) -> TokenLine? {
        for breaking in ["BREAKING CHANGE", "BREAKING-CHANGE"] where line.utf8.first == UInt8(ascii: "B") && line.hasPrefix(breaking) {
            let after = line.dropFirst(breaking.count)
            if after.hasPrefix(": ") { return TokenLine(token: breaking, separator: ": ", value: after.dropFirst(2)) }
            if after.hasPrefix(" #") { return TokenLine(token: breaking, separator: " #", value: after.dropFirst(2)) }
        }
        let bytes = line.utf8
        var index = bytes.startIndex
        guard index != bytes.endIndex, isLetter(bytes[index]) || isDigit(bytes[index]) else { return nil }
        while index != bytes.endIndex, isLetter(bytes[index]) || isDigit(bytes[index]) || bytes[index] == UInt8(ascii: "-") {
            index = bytes.index(after: index)
        }
        let token = line[line.startIndex..<index]
        let after = line[index...]
        guard mayStart(after.utf8, with: UInt8(ascii: ":"), UInt8(ascii: " ")) || mayStart(after.utf8, with: UInt8(ascii: " "), UInt8(ascii: "#")) else {
            return nil
        }
        if after.hasPrefix(": ") { return TokenLine(token: String(token), separator: ": ", value: after.dropFirst(2)) }
        if after.hasPrefix(" #") { return TokenLine(token: String(token), separator: " #", value: after.dropFirst(2)) }
        return nil
    }

    static func parseFooters(_ lines: [Substring]) -> [CommitFooter] {
        var footers: [CommitFooter] = []
        for line in lines {
            if let token = footerToken(in: line) {
                footers.append(CommitFooter(token: token.token, separator: token.separator, value: String(token.value)))
            } else if !footers.isEmpty {
                footers[footers.count - 1].value += "\n" + line
            }
        }
        return footers
    }

    static func splitParagraphs(_ lines: [Substring]) -> [[Substring]] {
        var paragraphs: [[Substring]] = []
        var current: [Substring] = []
        for line in lines {
            if isBlank(line) {
                if !current.isEmpty { paragraphs.append(current); current = [] }
            } else {
                current.append(line)
            }
        }
        if !current.isEmpty { paragraphs.append(current) }
        return paragraphs
    }

    /// Every `This reverts commit <sha>` in the message.
    static func revertedSHAs(in lines: [Substring]) -> [String] {
        var found: [String] = []
        let marker = "This reverts commit "
        let markerBytes = Array(marker.utf8)
        for line in lines where containsBytes(line.utf8, markerBytes) {
            var rest = line[...]
            while let range = rest.range(of: marker) {
                let candidate = rest[range.upperBound...].prefix(while: { $0.isHexDigit })
                if candidate.count >= 7 { found.append(String(candidate).lowercased()) }
                rest = rest[range.upperBound...]
            }
        }
        return found
    }

    /// Whether `bytes` hold `needle` anywhere: a cheap test before Foundation's `range(of:)`.
    private static func containsBytes(_ bytes: Substring.UTF8View, _ needle: [UInt8]) -> Bool {
        guard let first = needle.first, bytes.count >= needle.count else { return false }
        var index = bytes.startIndex
        while let found = bytes[index...].firstIndex(of: first) {
            if bytes[found...].starts(with: needle) { return true }
            index = bytes.index(after: found)
        }
        return false
    }

    static func isSHA(_ text: String) -> Bool {
        text.count >= 7 && text.count <= 64 && text.allSatisfy(\.isHexDigit)
    }

    static func isBlank(_ line: Substring) -> Bool {
        line.utf8.allSatisfy { $0 == 32 || $0 == 9 || $0 == 13 }
    }

    static func isLetter(_ byte: UInt8) -> Bool { (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122) }
    static func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }
    static func isTypeByte(_ byte: UInt8) -> Bool {
        isLetter(byte) || isDigit(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
    }
}

extension Substring {
    func trimmingTrailingWhitespace() -> Substring {
        let bytes = utf8
        var end = bytes.endIndex
        while end != bytes.startIndex {
            let before = bytes.index(before: end)
            guard bytes[before] == 0x20 || bytes[before] == 0x09 else { break }
            end = before
        }
        return self[startIndex..<end]
    }
}

extension CommitMessageParser {
    /// `feat` or `chore(deps)`: the keys `bump.types` accepts.
    static func isTypeKey(_ key: String) -> Bool {
        guard case .success(let header) = parseHeader(Substring(key + ": x")) else { return false }
        return !header.breaking && header.type == key.prefix(while: { $0 != "(" }).lowercased()
    }
}
