import Foundation

/// `build.gradle` / `build.gradle.kts`: the one `version = "…"` or `version '…'` line that sets the project's
/// version (comments ignored).
enum GradleManifest {
    private static let assignment = try? NSRegularExpression(
        pattern: #"^[ \t]*(?:project\.)?version[ \t]*(?:=[ \t]*)?(["'])([^"'\r\n]*)\1[ \t]*(?:;[ \t]*)?(?://.*)?$"#)
    private static let computed = try? NSRegularExpression(pattern: #"^[ \t]*(?:project\.)?version[ \t]*="#)

    /// - Parameter propertiesBeside: the path of a gradle.properties beside it that sets `version`: a build file
    ///   without a version line then takes it from there.
    static func read(_ bytes: [UInt8], file: String, propertiesBeside: String? = nil) throws(ManifestError) -> VersionFileReading {
        guard let assignment, let computed else {
            throw ManifestError(file: file, problem: "cannot be read (internal pattern failed to compile)")
        }
        var locations: [VersionLocation] = []
        var computedLine: Int?
        var inBlockComment = false
        for (number, range) in ByteText.lineRanges(bytes).enumerated() {
            let text = String(decoding: bytes[range], as: UTF8.self)
            if inBlockComment {
                if text.contains("*/") { inBlockComment = false }
                continue
            }
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("/*") {
                inBlockComment = !trimmed.contains("*/")
                continue
            }
            let whole = NSRange(text.startIndex..., in: text)
            if let match = assignment.firstMatch(in: text, range: whole),
               let valueRange = Range(match.range(at: 2), in: text) {
                let start = range.lowerBound + text.utf8.distance(from: text.startIndex, to: valueRange.lowerBound)
                let length = text.utf8.distance(from: valueRange.lowerBound, to: valueRange.upperBound)
                locations.append(VersionLocation(field: "version", range: start..<(start + length), line: number + 1,
                                                 value: String(text[valueRange])))
            } else if computedLine == nil, computed.firstMatch(in: text, range: whole) != nil {
                computedLine = number + 1
            }
        }
        if locations.count > 1 {
            let lines = locations.map { String($0.line) }.joined(separator: " and ")
            throw ManifestError(file: file, line: locations[1].line,
                                problem: "sets version on lines \(lines); keep one, or list the file with a pattern in versionFiles")
        }
        if let location = locations.first { return .versions([location]) }
        if let propertiesBeside {
            return .inheriting("no version line: Gradle takes the version from \(propertiesBeside)")
        }
        if let computedLine {
            throw ManifestError(file: file, line: computedLine,
                                problem: "the version is computed, not a quoted string; write version = \"X.Y.Z\" or configure a pattern for the file that holds it")
        }
        throw ManifestError(file: file, problem: "has no version = \"X.Y.Z\" line; add one, or list the file that holds the version in versionFiles")
    }
}

/// `gradle.properties`: the `version` property (`version=1.2.3`, `version = 1.2.3`, `version: 1.2.3`), as Java
/// properties files write it; comments (`#`, `!`) and every other line are left alone.
enum GradleProperties {
    static func read(_ bytes: [UInt8], file: String) throws(ManifestError) -> VersionFileReading {
        guard let location = versionLocation(bytes) else {
            throw ManifestError(file: file, problem: "has no version property; add version=X.Y.Z, or list the file that holds the version in versionFiles")
        }
        guard !location.value.isEmpty else {
            throw ManifestError(file: file, line: location.line, problem: "the version property is empty; write version=X.Y.Z")
        }
        return .versions([location])
    }

    /// The value of the `version` property (its last definition, as Java's Properties keeps), or `nil`.
    static func versionLocation(_ bytes: [UInt8]) -> VersionLocation? {
        var found: VersionLocation?
        for (number, range) in ByteText.lineRanges(bytes).enumerated() {
            var index = range.lowerBound
            while index < range.upperBound, ByteText.isSpace(bytes[index]) { index += 1 }
            let key: [UInt8] = Array("version".utf8)
            guard bytes[index..<range.upperBound].starts(with: key) else { continue }
            index += key.count
            // The key ends at a separator: spaces, then '=' or ':' (or the spaces alone), then spaces.
            var separated = false
            while index < range.upperBound, ByteText.isSpace(bytes[index]) { index += 1; separated = true }
            if index < range.upperBound, bytes[index] == UInt8(ascii: "=") || bytes[index] == UInt8(ascii: ":") {
                index += 1
                separated = true
                while index < range.upperBound, ByteText.isSpace(bytes[index]) { index += 1 }
            }
            guard separated || index == range.upperBound else { continue }   // `versionCode=…` is another key
            var end = range.upperBound
            while end > index, ByteText.isSpace(bytes[end - 1]) { end -= 1 }
            // A line continued with a trailing backslash is not a plain version: leave it to a pattern.
            if end > index, bytes[end - 1] == UInt8(ascii: "\\") { continue }
            found = VersionLocation(field: "version", range: index..<end, line: number + 1,
                                    value: String(decoding: bytes[index..<end], as: UTF8.self))
        }
        return found
    }
}
