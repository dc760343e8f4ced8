import Foundation

/// The sections of a Keep-a-Changelog file for the versions after one version up to another.
public enum ChangelogExcerpt {
    /// The `## [X.Y.Z]` sections with `after < X.Y.Z <= through`, newest first as the file has them.
    public static func between(_ text: String, after: String?, through: String) -> String {
        guard let upper = SemanticVersion(through) else { return "" }
        let lower = after.flatMap(SemanticVersion.init)
        var result: [Substring] = []
        var including = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("## ") {
                including = false
                if let version = headingVersion(line), version <= upper, lower.map({ version > $0 }) ?? true {
                    including = true
                }
            }
            if including { result.append(line) }
        }
        return result.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func headingVersion(_ line: Substring) -> SemanticVersion? {
        let words = line.dropFirst(3).split(whereSeparator: { " []()".contains($0) })
        guard var first = words.first.map(String.init) else { return nil }
        if first.hasPrefix("v") { first.removeFirst() }
        return SemanticVersion(first)
    }
}
