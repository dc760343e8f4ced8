import Foundation

/// A TOML reader just deep enough to find version keys by byte offset: it follows tables, keys, strings,
/// arrays and inline tables line by line, and refuses what is not TOML with the line it is on.
struct TOMLScanner {
    /// One `key = value` line.
    struct Entry: Sendable {
        /// The table it belongs to, dotted: `package`, `workspace.package`, `tool.poetry`.
        let table: String
        /// The key's dotted parts: `["version"]`, `["version", "workspace"]`.
        let key: [String]
        let line: Int
        let value: Value
        /// Counts table headers: entries under the same `[[array]]` element share it, the next element's differ.
        var section = 0
    }

    enum Value: Sendable, Equatable {
        /// The span is inside the quotes.
        case string(String, span: Range<Int>)
        /// The string elements of an array.
        case array([String])
        /// An inline table's `key = value` pairs, values as written.
        case inlineTable([String: String])
        /// A number, boolean or date, as written.
        case other(String)
    }

    /// What TOML allows without quotes: booleans, integers (also hex, octal, binary), floats, dates and times.
    static let bareValue = #"^([+-]?(inf|nan)|true|false|[+-]?(0|[1-9](_?[0-9])*)(\.[0-9](_?[0-9])*)?([eE][+-]?[0-9](_?[0-9])*)?|0x[0-9A-Fa-f](_?[0-9A-Fa-f])*|0o[0-7](_?[0-7])*|0b[01](_?[01])*|\d{4}-\d{2}-\d{2}([Tt ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?([Zz]|[+-]\d{2}:\d{2})?)?|\d{2}:\d{2}(:\d{2}(\.\d+)?)?)$"#

    let file: String
    private let bytes: [UInt8]
    private var index = 0
    private var line = 1

    /// Every key in the file, in order, with the table headers seen.
    static func scan(_ bytes: [UInt8], file: String) throws(ManifestError) -> (entries: [Entry], tables: Set<String>) {
        var scanner = TOMLScanner(file: file, bytes: bytes)
        return try scanner.run()
    }

    private init(file: String, bytes: [UInt8]) {
        self.file = file
        self.bytes = bytes
    }

    private func fail(_ problem: String, line: Int? = nil) -> ManifestError {
        ManifestError(file: file, line: line ?? self.line, problem: problem)
    }

    private var atEnd: Bool { index >= bytes.count }
    private var current: UInt8 { bytes[index] }

    private mutating func skipSpace() {
        while !atEnd, ByteText.isSpace(current) { index += 1 }
    }

    /// After a header or value: spaces, an optional comment, then the end of the line.
    private mutating func endOfLine(after what: String) throws(ManifestError) {
        skipSpace()
        if !atEnd, current == UInt8(ascii: "#") {
            while !atEnd, current != ByteText.newline { index += 1 }
        }
        if atEnd { return }
        if current == ByteText.carriageReturn, index + 1 < bytes.count, bytes[index + 1] == ByteText.newline { index += 1 }
        guard current == ByteText.newline else {
            throw fail("unexpected text after \(what); this is not valid TOML")
        }
        index += 1
        line += 1
    }

    // Long because it is the scanner's main loop over TOML's line kinds (tables, arrays of tables, keys, comments).
    private mutating func run() throws(ManifestError) -> (entries: [Entry], tables: Set<String>) {
        var entries: [Entry] = []
        var table = ""
        var tables: [String: Int] = [:]
        var keysHere: [String: Int] = [:]
        var section = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
        while true {
            skipSpace()
            if atEnd { break }
            switch current {
            case ByteText.newline:
                index += 1
                line += 1
            case ByteText.carriageReturn:
                index += 1
            case UInt8(ascii: "#"):
                try endOfLine(after: "a comment")
            case UInt8(ascii: "["):
                let headerLine = line
                let isArray = index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "[")
                index += isArray ? 2 : 1
                var parts: [String] = []
                skipSpace()
                while true {
                    parts.append(try key())
                    skipSpace()
                    if !atEnd, current == UInt8(ascii: ".") { index += 1; skipSpace(); continue }
                    break
                }
                let closing: [UInt8] = isArray ? [UInt8(ascii: "]"), UInt8(ascii: "]")] : [UInt8(ascii: "]")]
                guard bytes[index...].starts(with: closing) else {
                    throw fail("the table header is not closed with \(isArray ? "]]" : "]")")
                }
                index += closing.count
                table = parts.joined(separator: ".")
                if isArray {
                    // A new element: the sub-tables of the previous one ([package.metadata] in uv.lock) may appear again.
                    tables = tables.filter { !$0.key.hasPrefix(table + ".") }
                } else {
                    if let first = tables[table] {
                        throw fail("the table [\(table)] appears twice (lines \(first) and \(headerLine)); merge them", line: headerLine)
                    }
                    tables[table] = headerLine
                }
                keysHere = [:]
                section += 1
                try endOfLine(after: "the table header")
            default:
                let keyLine = line
                var parts: [String] = []
                while true {
                    parts.append(try key())
                    skipSpace()
                    if !atEnd, current == UInt8(ascii: ".") { index += 1; skipSpace(); continue }
                    break
                }
                guard !atEnd, current == UInt8(ascii: "=") else {
                    throw fail("expected '=' after the key \(parts.joined(separator: ".")); this is not valid TOML")
                }
                index += 1
                skipSpace()
                let value = try value()
                let name = parts.joined(separator: ".")
                if let first = keysHere[name] {
                    let place = table.isEmpty ? "at the top level" : "in [\(table)]"
                    throw fail("the key \(name) appears twice \(place) (lines \(first) and \(keyLine)); keep one", line: keyLine)
                }
                keysHere[name] = keyLine
                entries.append(Entry(table: table, key: parts, line: keyLine, value: value, section: section))
                try endOfLine(after: "the value of \(name)")
            }
        }
        return (entries, Set(tables.keys))
    }

    /// A bare or quoted key part.
    private mutating func key() throws(ManifestError) -> String {
        guard !atEnd else { throw fail("the file ends where a key was expected") }
        if current == UInt8(ascii: "\"") || current == UInt8(ascii: "'") {
            if case .string(let text, _) = try singleLineString() { return text }
        }
        let start = index
        while !atEnd, isBareKeyByte(current) { index += 1 }
        guard index > start else {
            throw fail("expected a key, a [table] header or a comment; this is not valid TOML")
        }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    private func isBareKeyByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
            || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
    }

    private mutating func value() throws(ManifestError) -> Value {
        guard !atEnd, current != ByteText.newline, current != ByteText.carriageReturn else {
            throw fail("a value is missing after '='")
        }
        switch current {
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            let quote = current
            if bytes[index...].starts(with: [quote, quote, quote]) { return try multiLineString(quote) }
            return try singleLineString()
        case UInt8(ascii: "["), UInt8(ascii: "{"):
            return try container()
        default:
            let start = index
            while !atEnd, ![ByteText.newline, ByteText.carriageReturn, UInt8(ascii: "#"), UInt8(ascii: ","),
                            UInt8(ascii: "]"), UInt8(ascii: "}")].contains(current) { index += 1 }
            var end = index
            while end > start, ByteText.isSpace(bytes[end - 1]) { end -= 1 }
            let text = String(decoding: bytes[start..<end], as: UTF8.self)
            guard !text.isEmpty else { throw fail("a value is missing after '='") }
            guard text.range(of: Self.bareValue, options: .regularExpression) != nil else {
                throw fail("'\(text)' is not a TOML value (strings need quotes)")
            }
            return .other(text)
        }
    }

    private mutating func singleLineString() throws(ManifestError) -> Value {
        let quote = current
        index += 1
        let start = index
        var text: [UInt8] = []
        while true {
            guard !atEnd, current != ByteText.newline else { throw fail("a string is not closed on its line") }
            if current == quote { break }
            if quote == UInt8(ascii: "\""), current == UInt8(ascii: "\\") {
                text += try escape()
                continue
            }
            text.append(current)
            index += 1
        }
        let span = start..<index
        index += 1
        return .string(String(decoding: text, as: UTF8.self), span: span)
    }

    /// The escape at `index` (a backslash) decoded, as TOML defines them: `\b \t \n \f \r \" \\ \uXXXX \UXXXXXXXX`.
    private mutating func escape() throws(ManifestError) -> [UInt8] {
        guard index + 1 < bytes.count else { throw fail("a string ends in a lone backslash") }
        let letter = bytes[index + 1]
        index += 2
        switch letter {
        case UInt8(ascii: "b"): return [0x08]
        case UInt8(ascii: "t"): return [0x09]
        case UInt8(ascii: "n"): return [0x0A]
        case UInt8(ascii: "f"): return [0x0C]
        case UInt8(ascii: "r"): return [0x0D]
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): return [letter]
        case UInt8(ascii: "u"), UInt8(ascii: "U"):
            let digits = letter == UInt8(ascii: "u") ? 4 : 8
            guard index + digits <= bytes.count, let value = UInt32(String(decoding: bytes[index..<index + digits], as: UTF8.self), radix: 16),
                  let scalar = Unicode.Scalar(value) else {
                throw fail("\\\(Character(Unicode.Scalar(letter))) needs \(digits) hex digits naming a Unicode scalar")
            }
            index += digits
            return Array(String(Character(scalar)).utf8)
        default:
            throw fail("'\\\(Character(Unicode.Scalar(letter)))' is not a TOML escape")
        }
    }

    private mutating func multiLineString(_ quote: UInt8) throws(ManifestError) -> Value {
        index += 3
        let start = index
        let openedOn = line
        while true {
            guard !atEnd else { throw fail("a multi-line string opened on line \(openedOn) is never closed", line: openedOn) }
            if current == ByteText.newline { line += 1 }
            if quote == UInt8(ascii: "\""), current == UInt8(ascii: "\\") {
                // The escaped byte may be the line's end (a line-ending backslash): it still ends a line.
                if index + 1 < bytes.count, bytes[index + 1] == ByteText.newline { line += 1 }
                index += 2
                continue
            }
            if bytes[index...].starts(with: [quote, quote, quote]) { break }
            index += 1
        }
        let span = start..<index
        index += 3
        while !atEnd, current == quote { index += 1 }
        return .string(String(decoding: bytes[span], as: UTF8.self), span: span)
    }

    // Long because it is the state machine of an array or inline table over several lines (strings, comments, nesting).
    /// An array or inline table, possibly over several lines.
    private mutating func container() throws(ManifestError) -> Value {
        let isTable = current == UInt8(ascii: "{")
        let openedOn = line
        var depth = 0
        // What closes each open bracket: `[1, 2}` is refused.
        var closers: [UInt8] = []
        var strings: [String] = []
        var pairs: [String: String] = [:]
        var pendingKey: String?
        // The value (or key) being read at depth 1: a bare scalar's start, or a finished string or scalar.
        var scalarStart: Int?
        var finished: String?
        func finish(_ scanner: TOMLScanner, end: Int) {
            guard let start = scalarStart else { return }
            let text = String(decoding: scanner.bytes[start..<end], as: UTF8.self).trimmingCharacters(in: .whitespaces)
            if !text.isEmpty { finished = text }
            scalarStart = nil
        }
        func take(_ scanner: TOMLScanner, end: Int) -> String? {
            finish(scanner, end: end)
            defer { finished = nil }
            return finished
        }
        repeat {
            guard !atEnd else {
                throw fail("the \(isTable ? "inline table" : "array") opened on line \(openedOn) is never closed", line: openedOn)
            }
            switch current {
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                finish(self, end: index)
                let quote = current
                let value = bytes[index...].starts(with: [quote, quote, quote]) ? try multiLineString(quote) : try singleLineString()
                if case .string(let text, _) = value, depth == 1 {
                    if isTable { finished = text } else { strings.append(text) }
                }
                continue
            case UInt8(ascii: "="):
                if depth == 1, isTable { pendingKey = take(self, end: index) }
            case UInt8(ascii: ","):
                if depth == 1, isTable, let key = pendingKey {
                    if let value = take(self, end: index) { pairs[key] = value }
                    pendingKey = nil
                }
                scalarStart = nil
                finished = nil
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                if depth == 1, isTable, let key = pendingKey {
                    pairs[key] = current == UInt8(ascii: "{") ? "{…}" : "[…]"
                    pendingKey = nil
                }
                scalarStart = nil
                closers.append(current == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]"))
                guard closers.count <= 64 else { throw fail("arrays and tables nest more than 64 deep") }
                depth += 1
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                guard closers.last == current else {
                    throw fail("'\(Character(Unicode.Scalar(current)))' closes nothing open here (expected '\(closers.last.map { String(Character(Unicode.Scalar($0))) } ?? "nothing")')")
                }
                closers.removeLast()
                if depth == 1, isTable, let key = pendingKey {
                    if let value = take(self, end: index) { pairs[key] = value }
                    pendingKey = nil
                }
                scalarStart = nil
                depth -= 1
            case UInt8(ascii: "#"):
                finish(self, end: index)
                while !atEnd, current != ByteText.newline { index += 1 }
                continue
            case ByteText.newline:
                finish(self, end: index)
                line += 1
            default:
                if depth == 1, scalarStart == nil, !ByteText.isSpace(current), current != ByteText.carriageReturn { scalarStart = index }
            }
            index += 1
        } while depth > 0
        return isTable ? .inlineTable(pairs) : .array(strings)
    }
}
