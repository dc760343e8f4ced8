/// Finds the byte spans of string values at given key paths in a JSON document, after the strict
/// `JSONParser` has accepted it (so malformed JSON and repeated keys are reported with line and column).
enum JSONVersionReader {
    /// The spans (inside the quotes) of the values at each key path; a path absent from the file is absent here.
    static func spans(_ bytes: [UInt8], paths: [[String]], file: String) throws(ManifestError) -> [[String]: Range<Int>] {
        do {
            _ = try JSONParser.parse(bytes)
        } catch {
            throw ManifestError(file: file, line: error.line,
                                problem: "is not valid JSON (column \(error.column): \(error.problem)); fix the file and try again")
        }
        var walker = Walker(bytes: bytes, targets: Set(paths))
        walker.skipSpace()
        if walker.bytes.starts(with: [0xEF, 0xBB, 0xBF]) { walker.index = 3 }
        walker.skipSpace()
        walker.value(path: [])
        for (path, kind) in walker.nonStrings {
            let line = ByteText.line(of: walker.found[path]?.lowerBound ?? 0, in: bytes)
            throw ManifestError(file: file, line: line,
                                problem: "\(display(path)) is \(kind), not a string; write the version as \"X.Y.Z\"")
        }
        return walker.found
    }

    static func display(_ path: [String]) -> String {
        path.map { $0.isEmpty ? "[\"\"]" : $0 }.joined(separator: ".").replacingOccurrences(of: ".[", with: "[")
    }

    /// A lenient walk over JSON already known to be valid.
    private struct Walker {
        let bytes: [UInt8]
        let targets: Set<[String]>
        var index = 0
        var found: [[String]: Range<Int>] = [:]
        var nonStrings: [([String], String)] = []

        init(bytes: [UInt8], targets: Set<[String]>) {
            self.bytes = bytes
            self.targets = targets
        }

        mutating func skipSpace() {
            while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
        }

        /// Skips a string starting at the opening quote; returns the span inside the quotes.
        mutating func string() -> Range<Int> {
            index += 1
            let start = index
            while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
                index += bytes[index] == UInt8(ascii: "\\") ? 2 : 1
            }
            let span = start..<min(index, bytes.count)
            index += 1
            return span
        }

        mutating func value(path: [String]) {
            skipSpace()
            guard index < bytes.count else { return }
            let wanted = targets.contains(path)
            switch bytes[index] {
            case UInt8(ascii: "\""):
                let span = string()
                if wanted { found[path] = span }
            case UInt8(ascii: "{"):
                if wanted { found[path] = index..<index; nonStrings.append((path, "an object")) }
                index += 1
                while true {
                    skipSpace()
                    guard index < bytes.count else { return }
                    if bytes[index] == UInt8(ascii: "}") { index += 1; return }
                    if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                    let keySpan = string()
                    let key = decodeKey(keySpan)
                    skipSpace()
                    index += 1 // ':'
                    let childPath = path + [key]
                    // Only descend with a path while it can still lead to a target.
                    if targets.contains(where: { $0.starts(with: childPath) }) {
                        value(path: childPath)
                    } else {
                        skipValue()
                    }
                }
            case UInt8(ascii: "["):
                if wanted { found[path] = index..<index; nonStrings.append((path, "an array")) }
                skipValue()
            default:
                let start = index
                skipValue()
                if wanted { found[path] = start..<index; nonStrings.append((path, "not quoted")) }
            }
        }

        mutating func skipValue() {
            skipSpace()
            guard index < bytes.count else { return }
            switch bytes[index] {
            case UInt8(ascii: "\""):
                _ = string()
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                var depth = 0
                repeat {
                    let byte = bytes[index]
                    if byte == UInt8(ascii: "\"") { _ = string(); continue }
                    if byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[") { depth += 1 }
                    if byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]") { depth -= 1 }
                    index += 1
                } while depth > 0 && index < bytes.count
            default:
                while index < bytes.count, ![UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]"), 0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) {
                    index += 1
                }
            }
        }

        func decodeKey(_ span: Range<Int>) -> String {
            let raw = bytes[span]
            guard raw.contains(UInt8(ascii: "\\")) else { return String(decoding: raw, as: UTF8.self) }
            // Keys with escapes are decoded through the strict parser.
            let quoted = [UInt8(ascii: "\"")] + raw + [UInt8(ascii: "\"")]
            if case .string(let text)? = try? JSONParser.parse(quoted) { return text }
            return String(decoding: raw, as: UTF8.self)
        }
    }
}
