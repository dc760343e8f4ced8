import Foundation

/// A rollback plan in Markdown (`docs/rollback/vX.Y.Z.md`): whether it says anything, and its criteria section.
public struct RollbackPlanDocument: Sendable, Hashable {
    public var path: String
    public var text: String

    public init(path: String, text: String) {
        self.path = path
        self.text = text
    }

    /// True when the plan has a line that is not a heading, a comment or blank.
    public var saysSomething: Bool {
        text.split(whereSeparator: \.isNewline).contains { line in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            return !trimmed.isEmpty && !trimmed.hasPrefix("#") && !trimmed.hasPrefix("<!--") && trimmed != "-" && trimmed != "TBD"
        }
    }

    /// The text under a heading naming "Rollback criteria" or "Criteria", or `nil` when there is none or it is empty.
    public var criteria: String? {
        var collecting = false
        var level = 0
        var lines: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("#") {
                let hashes = trimmed.prefix(while: { $0 == "#" }).count
                if collecting, hashes <= level { break }
                if !collecting, trimmed.lowercased().contains("criteria") {
                    collecting = true
                    level = hashes
                    continue
                }
            }
            if collecting, !trimmed.isEmpty { lines.append(trimmed) }
        }
        return lines.isEmpty ? nil : lines.joined(separator: "\n")
    }

    /// The section of a runbook whose heading names `version` (`## v1.2.3` or `## Rolling back 1.2.3`), down to
    /// the next heading of the same or a higher level; `nil` when no heading names it.
    public static func section(of runbook: String, path: String, naming version: String, tagPrefix: String) -> RollbackPlanDocument? {
        var collected: [Substring] = []
        var level = 0
        for line in runbook.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("#") {
                let hashes = trimmed.prefix(while: { $0 == "#" }).count
                if level > 0, hashes <= level { break }
                if level == 0 {
                    let words = trimmed.split(whereSeparator: { " []()#:,".contains($0) }).map(String.init)
                    if words.contains(version) || words.contains(tagPrefix + version) { level = hashes }
                }
            }
            if level > 0 { collected.append(line) }
        }
        guard !collected.isEmpty else { return nil }
        return RollbackPlanDocument(path: "\(path) (section \(tagPrefix)\(version))", text: collected.joined(separator: "\n"))
    }
}
