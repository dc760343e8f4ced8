import Foundation

/// Receives the members of a commit's JSON object in order: `ClassifiedCommit.describeJSON` says what they are
/// once, and each sink writes them its own way (a `JSONValue`, or bytes straight to the output).
protocol CommitJSONSink {
    mutating func member<Text: StringProtocol>(_ key: StaticString, string: Text?)
    /// A string given as its UTF-8 bytes.
    mutating func member(_ key: StaticString, utf8: UnsafeBufferPointer<UInt8>)
    mutating func member(_ key: StaticString, reason: ClassifiedCommit.Reason)
    mutating func member(_ key: StaticString, bool: Bool)
    /// A time in seconds since 1970, written as RFC 3339 in UTC.
    mutating func member(_ key: StaticString, date: Int)
    mutating func member(_ key: StaticString, strings: [String])
    /// An object of string (or null) members.
    mutating func member(_ key: StaticString, object: [(key: StaticString, value: String?)])
}

extension ClassifiedCommit {
    /// The commit as `next-version --json` and `changes --json` report it.
    public var json: JSONValue {
        var sink = JSONValueSink()
        describeJSON(to: &sink)
        return .object(sink.members)
    }

    /// Appends the commit's JSON object, as `PrettyJSON.render(json, indent:)` writes it, without building it.
    /// `indent` is spaces, as PrettyJSON's always are.
    public func writeJSON(to output: inout JSONByteWriter, indent: String) {
        withUnsafeMutablePointer(to: &output) { output in
            var sink = PrettyJSONSink(output: output, indent: indent)
            sink.open()
            describeJSON(to: &sink)
            sink.close()
        }
    }

    func describeJSON<Sink: CommitJSONSink>(to sink: inout Sink) {
        commit.withBytes(of: .sha) { sha in
            sink.member("sha", utf8: sha)
            sink.member("shortSha", utf8: UnsafeBufferPointer(rebasing: sha.prefix(7)))
        }
        sink.member("subject", string: commit.subjectText)
        sink.member("kind", string: kind.rawValue)
        sink.member("type", string: type)
        sink.member("scope", string: scope)
        sink.member("breaking", bool: breaking)
        sink.member("level", string: level.name)
        sink.member("reason", reason: because)
        sink.member("group", string: group.rawValue)
        commit.withBytes(of: .authorName) { sink.member("author", utf8: $0) }
        commit.withBytes(of: .authorEmail) { sink.member("email", utf8: $0) }
        sink.member("date", date: commit.authorTime)
        if let cancelledBy { sink.member("cancelledBy", string: cancelledBy) }
        let reverted = commit.revertedSHAs
        if !reverted.isEmpty { sink.member("reverts", strings: reverted) }
        if commit.hasBreakingFooter, let notes = conventional?.breakingNotes, !notes.isEmpty {
            sink.member("breakingNotes", strings: notes)
        }
        if let override {
            sink.member("override", object: [("level", override.level.name), ("type", override.type), ("reason", override.reason)])
        }
    }

    /// `2026-01-05T09:00:00Z`: RFC 3339 in UTC, as `ISO8601DateFormatter` with `.withInternetDateTime` writes it,
    /// computed directly (a formatter per commit costs more than the whole `git log` on a long history).
    static func internetDateTime(_ seconds: Int) -> String {
        var text = ""
        withInternetDateTime(seconds) { text = String(decoding: $0, as: UTF8.self) }
        return text
    }

    /// The 20 (or more, past year 9999) bytes of `internetDateTime`, handed to `body`.
    static func withInternetDateTime(_ seconds: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        guard (0...9999).contains(year) else {
            // Out of the four-digit range: written the slow way, as the formatter would.
            var yearText = String(year)
            while yearText.count < 4 { yearText = "0" + yearText }
            func two(_ value: Int) -> String { value < 10 ? "0" + String(value) : String(value) }
            var text = yearText + "-" + two(month) + "-" + two(day) + "T" + two(secondOfDay / 3_600) + ":"
                + two(secondOfDay / 60 % 60) + ":" + two(secondOfDay % 60) + "Z"
            text.withUTF8 { body($0) }
            return
        }
        var bytes: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                    UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0x2D, 0, 0, 0x2D, 0, 0, 0x54, 0, 0, 0x3A, 0, 0, 0x3A, 0, 0, 0x5A)
        withUnsafeMutableBytes(of: &bytes) { raw in
            func put(_ value: Int, at offset: Int, digits: Int) {
                var value = value
                for position in stride(from: offset + digits - 1, through: offset, by: -1) {
                    raw[position] = UInt8(0x30 + value % 10)
                    value /= 10
                }
            }
            put(year, at: 0, digits: 4)
            put(month, at: 5, digits: 2)
            put(day, at: 8, digits: 2)
            put(secondOfDay / 3_600, at: 11, digits: 2)
            put(secondOfDay / 60 % 60, at: 14, digits: 2)
            put(secondOfDay % 60, at: 17, digits: 2)
            body(UnsafeBufferPointer(raw.bindMemory(to: UInt8.self)))
        }
    }
}

/// Builds the `JSONValue` members.
private struct JSONValueSink: CommitJSONSink {
    var members: [(key: String, value: JSONValue)] = []

    mutating func member<Text: StringProtocol>(_ key: StaticString, string: Text?) {
        members.append((key.description, string.map { .string(String($0)) } ?? .null))
    }

    mutating func member(_ key: StaticString, utf8: UnsafeBufferPointer<UInt8>) {
        members.append((key.description, .string(String(decoding: utf8, as: UTF8.self))))
    }

    mutating func member(_ key: StaticString, reason: ClassifiedCommit.Reason) {
        members.append((key.description, .string(reason.text)))
    }

    mutating func member(_ key: StaticString, bool: Bool) { members.append((key.description, .bool(bool))) }

    mutating func member(_ key: StaticString, date: Int) {
        members.append((key.description, .string(ClassifiedCommit.internetDateTime(date))))
    }

    mutating func member(_ key: StaticString, strings: [String]) {
        members.append((key.description, .array(strings.map(JSONValue.string))))
    }

    mutating func member(_ key: StaticString, object: [(key: StaticString, value: String?)]) {
        members.append((key.description, .object(object.map { ($0.key.description, $0.value.map(JSONValue.string) ?? .null) })))
    }
}

/// Writes the members as `PrettyJSON` would lay out the object at `indent`.
private struct PrettyJSONSink: CommitJSONSink {
    /// The caller's writer, for the duration of one `writeJSON`.
    let output: UnsafeMutablePointer<JSONByteWriter>
    /// The object's indent and its members' (PrettyJSON indents with spaces only).
    let indent: Int
    private let inner: Int
    private var count = 0

    init(output: UnsafeMutablePointer<JSONByteWriter>, indent: String) {
        self.output = output
        self.indent = indent.utf8.count
        inner = self.indent + 2
    }

    mutating func open() { output.pointee.append("{") }

    mutating func close() {
        if count == 0 { output.pointee.append("}"); return }
        output.pointee.append("\n")
        output.pointee.appendSpaces(indent)
        output.pointee.append("}")
    }

    private mutating func key(_ key: StaticString) {
        output.pointee.appendMemberStart(first: count == 0, indent: inner, key: key)
        count += 1
    }

    mutating func member<Text: StringProtocol>(_ name: StaticString, string: Text?) {
        key(name)
        if let string { output.pointee.appendQuoted(string) } else { output.pointee.append("null") }
    }

    mutating func member(_ name: StaticString, utf8: UnsafeBufferPointer<UInt8>) {
        key(name)
        output.pointee.appendQuoted(utf8: utf8)
    }

    mutating func member(_ name: StaticString, reason: ClassifiedCommit.Reason) {
        key(name)
        reason.writeQuoted(to: &output.pointee)
    }

    mutating func member(_ name: StaticString, bool: Bool) {
        key(name)
        output.pointee.append(bool ? "true" as StaticString : "false")
    }

    mutating func member(_ name: StaticString, date: Int) {
        key(name)
        ClassifiedCommit.withInternetDateTime(date) { output.pointee.appendQuoted(utf8: $0) }
    }

    mutating func member(_ name: StaticString, strings: [String]) {
        key(name)
        if strings.isEmpty { output.pointee.append("[]"); return }
        output.pointee.append("[")
        for (index, text) in strings.enumerated() {
            output.pointee.append(index == 0 ? "\n" as StaticString : ",\n")
            output.pointee.appendSpaces(inner + 2)
            output.pointee.appendQuoted(text)
        }
        output.pointee.append("\n")
        output.pointee.appendSpaces(inner)
        output.pointee.append("]")
    }

    mutating func member(_ name: StaticString, object: [(key: StaticString, value: String?)]) {
        key(name)
        if object.isEmpty { output.pointee.append("{}"); return }
        output.pointee.append("{")
        for (index, member) in object.enumerated() {
            output.pointee.append(index == 0 ? "\n" as StaticString : ",\n")
            output.pointee.appendSpaces(inner + 2)
            output.pointee.appendQuoted(member.key)
            output.pointee.append(": ")
            if let value = member.value { output.pointee.appendQuoted(value) } else { output.pointee.append("null") }
        }
        output.pointee.append("\n")
        output.pointee.appendSpaces(inner)
        output.pointee.append("}")
    }
}

extension VersionProposal {
    /// `next-version --json`.
    public var json: JSONValue { json(includingCommits: true) }

    /// `next-version --json`, optionally without the `commits` array (for writing it out commit by commit), with
    /// the charts' own versions when given.
    public func json(includingCommits: Bool, charts: [ChartVersionProposal]? = nil) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("current", .string(current.description)),
            ("currentTag", baseTag.map { .string($0.name) } ?? .null),
            ("next", .string(next.description)),
            ("nextTag", .string(nextTagName)),
            ("tagPrefix", .string(tagPrefix)),
            ("tagPrefixSource", .string(tagPrefixSource)),
            ("bump", .string(bump.name)),
            ("releaseNeeded", .bool(isReleaseNeeded)),
            ("range", .string(range)),
            ("breakingWhileZero", breakingWhileZero.map { .string($0.name) } ?? .null),
            ("prerelease", prereleaseIdentifier.map(JSONValue.string) ?? .null),
            ("warnings", .array(warnings.map(JSONValue.string))),
            ("decidedBy", .array(decidingCommits.map { .string($0.sha) })),
        ]
        if let charts { members.append(("charts", .array(charts.map(\.json)))) }
        if includingCommits { members.append(("commits", .array(commits.map(\.json)))) }
        if let versionOverride {
            members.insert(("override", .object([("computed", .string(computedNext.description)),
                                                 ("reason", .string(versionOverride.reason))])), at: 5)
        }
        return .object(members)
    }

    /// `changes --json`: the commits grouped.
    public var changesJSON: JSONValue { changesJSON(includingCommits: true) }

    /// `changes --json`, optionally with empty groups (for writing the commits out one by one).
    public func changesJSON(includingCommits: Bool) -> JSONValue {
        let groups = ChangeGroup.allCases.map { group in
            (key: group.rawValue, value: JSONValue.array(includingCommits ? commits(in: group).map(\.json) : []))
        }
        let counts = ChangeGroup.allCases.map { (key: $0.rawValue, value: JSONValue.number(Double(commits(in: $0).count))) }
        return .object([
            ("range", .string(range)),
            ("current", .string(current.description)),
            ("total", .number(Double(commits.count))),
            ("counts", .object(counts)),
            ("groups", .object(groups)),
            ("warnings", .array(warnings.map(JSONValue.string))),
        ])
    }
}
