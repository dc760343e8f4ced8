import Foundation

/// Reads and rewrites one value in a YAML values file or a JSON file, changing only that value's bytes and
/// keeping the quoting the file had.
public struct ValuesFileEditor: Sendable {
    /// JSON for `*.json`, YAML for anything else.
    public enum Format: Sendable { case yaml, json }

    public let format: Format
    /// The dotted key path, e.g. `image.tag`.
    public let key: String
    /// The file's name, for messages.
    public let file: String

    public init(file: String, key: String) {
        self.file = file
        self.key = key
        self.format = file.lowercased().hasSuffix(".json") ? .json : .yaml
    }

    /// Where the value sits: its UTF-8 byte range (quotes included) and the quote character, if any.
    struct Location {
        var range: Range<Int>
        var quote: UInt8?
    }

    /// The value at the key path, without its quotes.
    public func read(_ data: Data) throws(DeploymentError) -> String {
        let bytes = [UInt8](data)
        let location = try locate(bytes)
        var slice = Array(bytes[location.range])
        if location.quote != nil, slice.count >= 2 { slice = Array(slice.dropFirst().dropLast()) }
        let text = String(decoding: slice, as: UTF8.self)
        return location.quote == UInt8(ascii: "\"") ? Self.unescape(text) : text
    }

    /// `data` with the value at the key path replaced by `value`, every other byte unchanged.
    public func write(_ value: String, into data: Data) throws(DeploymentError) -> Data {
        let bytes = [UInt8](data)
        let location = try locate(bytes)
        let replacement: String
        switch (format, location.quote) {
        case (.json, _), (.yaml, UInt8(ascii: "\"")?): replacement = JSONValue.quote(value)
        case (.yaml, UInt8(ascii: "'")?): replacement = "'" + value.replacingOccurrences(of: "'", with: "''") + "'"
        default: replacement = value
        }
        var result = Array(bytes[..<location.range.lowerBound])
        result += Array(replacement.utf8)
        result += Array(bytes[location.range.upperBound...])
        return Data(result)
    }

    func locate(_ bytes: [UInt8]) throws(DeploymentError) -> Location {
        let parts = key.split(separator: ".").map(String.init)
        switch format {
        case .yaml: return try locateYAML(bytes, parts)
        case .json:
            // Validated first (JSONParser refuses nesting beyond 512): the span-finder then walks only sound JSON.
            do { _ = try JSONParser.parse(bytes) } catch {
                throw DeploymentError(.input, "\(file) is not valid JSON (\(error.description)); fix the file in the environments repository")
            }
            var scanner = JSONScanner(bytes: bytes)
            guard let location = scanner.locate(parts) else {
                throw DeploymentError(.input, scanner.failed
                    ? "\(file) is not valid JSON near byte \(scanner.index); fix the file in the environments repository"
                    : "\(file) has no value at key '\(key)'; add it to the file or fix the key in .slipway.json")
            }
            return location
        }
    }

    private func missing() -> DeploymentError {
        DeploymentError(.input, "\(file) has no value at key '\(key)'; add it to the file or fix the key in .slipway.json")
    }

    private func locateYAML(_ bytes: [UInt8], _ parts: [String]) throws(DeploymentError) -> Location {
        var lineStart = 0
        var parentIndent = -1
        var depth = 0
        var childIndent: Int?
        while lineStart < bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count, bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
            defer { lineStart = lineEnd + 1 }
            var cursor = lineStart
            while cursor < lineEnd, bytes[cursor] == UInt8(ascii: " ") { cursor += 1 }
            let indent = cursor - lineStart
            if cursor >= lineEnd || bytes[cursor] == UInt8(ascii: "#") || bytes[cursor] == UInt8(ascii: "\r") { continue }
            if indent == 0, bytes[cursor...].starts(with: Array("---".utf8)) { continue }
            if indent <= parentIndent { throw missing() }
            if childIndent == nil { childIndent = indent }
            guard indent == childIndent else { continue }
            guard let valueStart = Self.matchKey(parts[depth], bytes, at: cursor, end: lineEnd) else { continue }
            if depth == parts.count - 1 {
                return try valueLocation(bytes, from: valueStart, end: lineEnd)
            }
            depth += 1
            parentIndent = indent
            childIndent = nil
        }
        throw missing()
    }

    /// The index after `key:` when the line at `start` is that key, else `nil`.
    static func matchKey(_ key: String, _ bytes: [UInt8], at start: Int, end: Int) -> Int? {
        for candidate in [key, "\"\(key)\"", "'\(key)'"] {
            let pattern = Array((candidate + ":").utf8)
            guard end - start >= pattern.count, Array(bytes[start..<(start + pattern.count)]) == pattern else { continue }
            let after = start + pattern.count
            if after == end || bytes[after] == UInt8(ascii: " ") || bytes[after] == UInt8(ascii: "\r") { return after }
        }
        return nil
    }

    private func valueLocation(_ bytes: [UInt8], from start: Int, end: Int) throws(DeploymentError) -> Location {
        var cursor = start
        while cursor < end, bytes[cursor] == UInt8(ascii: " ") { cursor += 1 }
        guard cursor < end, bytes[cursor] != UInt8(ascii: "#"), bytes[cursor] != UInt8(ascii: "\r") else {
            throw DeploymentError(.input, "\(file) has no plain value at key '\(key)' (it is empty or a mapping); set it to a version such as 1.2.3")
        }
        let first = bytes[cursor]
        if first == UInt8(ascii: "\"") || first == UInt8(ascii: "'") {
            var close = cursor + 1
            while close < end {
                if first == UInt8(ascii: "\""), bytes[close] == UInt8(ascii: "\\") { close += 2; continue }
                if bytes[close] == first {
                    if first == UInt8(ascii: "'"), close + 1 < end, bytes[close + 1] == first { close += 2; continue }
                    return Location(range: cursor..<(close + 1), quote: first)
                }
                close += 1
            }
            throw DeploymentError(.input, "\(file) has an unterminated quoted value at key '\(key)'; fix the file")
        }
        if first == UInt8(ascii: "{") || first == UInt8(ascii: "[") || first == UInt8(ascii: "|") || first == UInt8(ascii: ">") {
            throw DeploymentError(.input, "\(file) has a mapping, list or block at key '\(key)', not a version; fix the key in .slipway.json")
        }
        var stop = cursor
        while stop < end {
            if bytes[stop] == UInt8(ascii: "#"), stop > cursor, bytes[stop - 1] == UInt8(ascii: " ") { break }
            stop += 1
        }
        while stop > cursor, [UInt8(ascii: " "), UInt8(ascii: "\r"), UInt8(ascii: "\t")].contains(bytes[stop - 1]) { stop -= 1 }
        return Location(range: cursor..<stop, quote: nil)
    }

    static func unescape(_ text: String) -> String {
        guard text.contains("\\") else { return text }
        if let value = try? JSONParser.parse(Array(("\"" + text + "\"").utf8)), case .string(let decoded) = value { return decoded }
        return text
    }
}

/// Finds the byte range of one value in JSON text without re-encoding anything.
struct JSONScanner {
    let bytes: [UInt8]
    var index = 0
    var failed = false

    init(bytes: [UInt8]) { self.bytes = bytes }

    mutating func locate(_ path: [String]) -> ValuesFileEditor.Location? {
        skipSpace()
        return locate(path[...])
    }

    private mutating func locate(_ path: ArraySlice<String>) -> ValuesFileEditor.Location? {
        guard let wanted = path.first else { return nil }
        guard peek == UInt8(ascii: "{") else { skipValue(); return nil }
        index += 1
        while !failed {
            skipSpace()
            if peek == UInt8(ascii: "}") { index += 1; return nil }
            guard let key = string() else { failed = true; return nil }
            skipSpace()
            guard peek == UInt8(ascii: ":") else { failed = true; return nil }
            index += 1
            skipSpace()
            if key == wanted {
                if path.count == 1 {
                    let start = index
                    let quote: UInt8? = peek == UInt8(ascii: "\"") ? UInt8(ascii: "\"") : nil
                    if peek == UInt8(ascii: "{") || peek == UInt8(ascii: "[") { return nil }
                    skipValue()
                    return failed ? nil : ValuesFileEditor.Location(range: start..<index, quote: quote)
                }
                return locate(path.dropFirst())
            }
            skipValue()
            skipSpace()
            if peek == UInt8(ascii: ",") { index += 1 } else if peek != UInt8(ascii: "}") { failed = true }
        }
        return nil
    }

    private var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

    private mutating func skipSpace() {
        while let byte = peek, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { index += 1 }
    }

    private mutating func string() -> String? {
        guard peek == UInt8(ascii: "\"") else { return nil }
        let start = index + 1
        index += 1
        while let byte = peek, byte != UInt8(ascii: "\"") { index += byte == UInt8(ascii: "\\") ? 2 : 1 }
        guard peek != nil else { failed = true; return nil }
        let raw = String(decoding: bytes[start..<index], as: UTF8.self)
        index += 1
        return ValuesFileEditor.unescape(raw)
    }

    private mutating func skipValue() {
        guard let byte = peek else { failed = true; return }
        switch byte {
        case UInt8(ascii: "\""): if string() == nil { failed = true }
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            let close = byte == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]")
            index += 1
            while !failed {
                skipSpace()
                if peek == close { index += 1; return }
                if byte == UInt8(ascii: "{") {
                    guard string() != nil else { failed = true; return }
                    skipSpace()
                    guard peek == UInt8(ascii: ":") else { failed = true; return }
                    index += 1
                    skipSpace()
                }
                skipValue()
                skipSpace()
                if peek == UInt8(ascii: ",") { index += 1 } else if peek != close { failed = true }
            }
        default:
            let start = index
            while let next = peek, !",}] \n\r\t".utf8.contains(next) { index += 1 }
            if index == start { failed = true }
        }
    }
}
