import Foundation

/// `build.gradle` / `build.gradle.kts`: the one `version = "…"` or `version '…'` line that sets the project's
/// version (comments ignored).
enum GradleManifest {
    private static let assignment = try? NSRegularExpression(
        pattern: #"^[ \t]*(?:project\.)?version[ \t]*(?:=[ \t]*)?(["'])([^"'\r\n]*)\1[ \t]*(?:;[ \t]*)?(?://.*)?$"#)
    private static let computed = try? NSRegularExpression(pattern: #"^[ \t]*(?:project\.)?version[ \t]*="#)

    static func read(_ bytes: [UInt8], file: String) throws(ManifestError) -> VersionFileReading {
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
        if let computedLine {
            throw ManifestError(file: file, line: computedLine,
                                problem: "the version is computed, not a quoted string; write version = \"X.Y.Z\" or configure a pattern for the file that holds it")
        }
        throw ManifestError(file: file, problem: "has no version = \"X.Y.Z\" line; add one, or list the file that holds the version in versionFiles")
    }
}
