import Foundation

/// Any text file whose version a configured regular expression finds: the first capture group is the version,
/// and the pattern must match exactly once (`__version__ = "1.2.3"` in a Python module, for one).
enum PatternVersionFile {
    /// Used when a `pattern` entry gives none: a Python `__version__` assignment.
    static let defaultPattern = #"__version__\s*=\s*["']([^"']+)["']"#

    static func read(_ bytes: [UInt8], file: String, pattern: String?) throws(ManifestError) -> VersionFileReading {
        let source = pattern ?? defaultPattern
        let regex: NSRegularExpression
        do {
            regex = try NSRegularExpression(pattern: source, options: [.anchorsMatchLines])
        } catch {
            throw ManifestError(file: file, problem: "the pattern \(source) is not a valid regular expression; fix versionFiles in .slipway.json")
        }
        guard regex.numberOfCaptureGroups >= 1 else {
            throw ManifestError(file: file, problem: "the pattern \(source) has no capture group; put ( ) around the version")
        }
        guard let text = String(bytes: bytes, encoding: .utf8) else {
            throw ManifestError(file: file, problem: "is not UTF-8 text")
        }
        let matches = regex.matches(in: text, range: NSRange(text.startIndex..., in: text))
        var locations: [VersionLocation] = []
        for match in matches {
            guard let range = Range(match.range(at: 1), in: text) else { continue }
            let start = text.utf8.distance(from: text.startIndex, to: range.lowerBound)
            let length = text.utf8.distance(from: range.lowerBound, to: range.upperBound)
            locations.append(VersionLocation(field: "pattern", range: start..<(start + length), in: bytes))
        }
        if locations.count > 1 {
            let lines = locations.map { String($0.line) }.joined(separator: ", ")
            throw ManifestError(file: file, line: locations[1].line,
                                problem: "the pattern \(source) matches on lines \(lines); make it match the version once")
        }
        guard let location = locations.first else {
            throw ManifestError(file: file, problem: "the pattern \(source) matches nothing; fix the pattern in .slipway.json")
        }
        return .versions([location])
    }
}
