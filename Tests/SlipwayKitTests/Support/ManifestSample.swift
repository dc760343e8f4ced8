import Testing
@testable import SlipwayKit

/// Runs a version file reader on hand-written text and checks edits byte for byte.
enum ManifestSample {
    /// Reads `text` as `format` and returns the locations, failing the test when it is not `.versions`.
    static func locations(_ text: String, _ format: VersionFileFormat, path: String = "file", field: String? = nil,
                          pattern: String? = nil) throws -> [VersionLocation] {
        let reading = try VersionFile(path: path, format: format, field: field, pattern: pattern).read(Array(text.utf8))
        guard case .versions(let locations) = reading else {
            Issue.record("expected versions, got \(reading)")
            return []
        }
        return locations
    }

    /// The file after setting `version`.
    static func edited(_ text: String, _ format: VersionFileFormat, to version: String = "1.1.0", path: String = "file",
                       field: String? = nil, pattern: String? = nil) throws -> String {
        let found = try locations(text, format, path: path, field: field, pattern: pattern)
        return String(decoding: VersionFile.replacing(found, with: version, in: Array(text.utf8)), as: UTF8.self)
    }

    /// The error reading `text` gives, or `nil` when it reads.
    static func error(_ text: String, _ format: VersionFileFormat, path: String = "file", field: String? = nil) -> ManifestError? {
        do {
            _ = try VersionFile(path: path, format: format, field: field).read(Array(text.utf8))
            return nil
        } catch {
            return error
        }
    }

    /// 1-based numbers of the lines that differ; both texts must have the same number of lines.
    static func changedLines(_ before: String, _ after: String) -> [Int] {
        let old = before.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { String(String.UnicodeScalarView($0)) }
        let new = after.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { String(String.UnicodeScalarView($0)) }
        guard old.count == new.count else { return [-1] }
        return zip(old, new).enumerated().filter { $0.element.0 != $0.element.1 }.map { $0.offset + 1 }
    }
}
