import Foundation

/// Helm's `Chart.yaml`: the top-level `appVersion` (by default) and/or `version`, read line by line so that
/// comments, quoting and key order survive.
enum ChartManifest {
    /// The fields a `versionFiles[].field` names: `appVersion`, `version`, or `both`.
    static func fields(for setting: String?) -> [String]? {
        switch setting {
        case nil, "appVersion": return ["appVersion"]
        case "version": return ["version"]
        case "both": return ["version", "appVersion"]
        default: return nil
        }
    }

    static func read(_ bytes: [UInt8], file: String, fields: [String]) throws(ManifestError) -> VersionFileReading {
        var seen: [String: Int] = [:]
        var found: [String: VersionLocation] = [:]
        var lineNumber = 0
        for range in ByteText.lineRanges(bytes) {
            lineNumber += 1
            let text = bytes[range]
            guard let first = text.first else { continue }
            if first == 0x09 {
                throw ManifestError(file: file, line: lineNumber, problem: "a tab indents this line; YAML allows spaces only")
            }
            if first == 0x20 { continue }
            if first == UInt8(ascii: "#") { continue }
            if text.starts(with: Array("---".utf8)) || text.starts(with: Array("...".utf8)) { continue }
            guard let colon = keyEnd(text) else {
                throw ManifestError(file: file, line: lineNumber, problem: "expected 'key: value' at the top level; this is not valid Chart.yaml")
            }
            let key = String(decoding: bytes[range.lowerBound..<colon], as: UTF8.self)
                .trimmingCharacters(in: CharacterSet(charactersIn: " \"'"))
            if let earlier = seen[key] {
                throw ManifestError(file: file, line: lineNumber, problem: "the key \(key) appears twice (lines \(earlier) and \(lineNumber)); keep one")
            }
            seen[key] = lineNumber
            var start = colon + 1
            while start < range.upperBound, ByteText.isSpace(bytes[start]) { start += 1 }
            guard fields.contains(key) else { continue }
            found[key] = try scalar(bytes, from: start, to: range.upperBound, key: key, line: lineNumber, file: file)
        }
        var locations: [VersionLocation] = []
        for field in fields {
            guard let location = found[field] else {
                throw ManifestError(file: file, problem: "has no top-level \(field); add \(field): X.Y.Z, or choose another field in versionFiles")
            }
            locations.append(location)
        }
        return .versions(locations)
    }

    /// The offset of the colon ending a top-level key, or `nil` when the line is not `key: …`.
    private static func keyEnd(_ text: ArraySlice<UInt8>) -> Int? {
        var index = text.startIndex
        if let quote = text.first, quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
            guard let close = text[(index + 1)...].firstIndex(of: quote) else { return nil }
            index = close + 1
        }
        while index < text.endIndex {
            if text[index] == UInt8(ascii: ":"), index + 1 == text.endIndex || ByteText.isSpace(text[index + 1]) { return index }
            if text[index] == UInt8(ascii: "#") { return nil }
            index += 1
        }
        return nil
    }

    private static func scalar(_ bytes: [UInt8], from start: Int, to end: Int, key: String, line: Int,
                               file: String) throws(ManifestError) -> VersionLocation {
        guard start < end, bytes[start] != UInt8(ascii: "#") else {
            throw ManifestError(file: file, line: line, problem: "\(key) has no value on its line; write \(key): X.Y.Z")
        }
        let quote = bytes[start]
        if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
            guard let close = bytes[(start + 1)..<end].firstIndex(of: quote) else {
                throw ManifestError(file: file, line: line, problem: "the quote of \(key) is not closed on its line")
            }
            return VersionLocation(field: key, range: (start + 1)..<close, in: bytes)
        }
        if [UInt8(ascii: "|"), UInt8(ascii: ">"), UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: "&"), UInt8(ascii: "*")].contains(quote) {
            throw ManifestError(file: file, line: line, problem: "\(key) is not a plain value; write \(key): X.Y.Z")
        }
        var stop = start
        while stop < end, !(bytes[stop] == UInt8(ascii: "#") && ByteText.isSpace(bytes[stop - 1])) { stop += 1 }
        while stop > start, ByteText.isSpace(bytes[stop - 1]) { stop -= 1 }
        return VersionLocation(field: key, range: start..<stop, in: bytes)
    }
}
