import Foundation

/// Drafts changelog entries from the commits of a release: feat → Added, fix → Fixed, perf/refactor → Changed,
/// a breaking change → a **BREAKING** entry under Changed (or Removed when its note says so), deprecations →
/// Deprecated, security fixes → Security; each with its short sha.
public enum ChangelogDraft {
    /// Entries for `commits` (newest first, as the planner lists them), oldest first within each heading.
    /// Reverted pairs, merges, commits that change no shipped behaviour, and entries the changelog already
    /// has (the same sha, or the same text) are left out.
    public static func entries(from commits: [ClassifiedCommit], existing: Changelog? = nil) -> [DraftedEntry] {
        let existingText = existing?.text ?? ""
        var seenTexts = Set<String>()
        if let existing {
            for section in existing.sections {
                for bullet in existing.entries(in: section) { seenTexts.insert(normalized(bullet)) }
            }
        }
        var result: [DraftedEntry] = []
        for commit in commits.reversed() {
            if commit.cancelledBy != nil || commit.kind == .merge { continue }
            // A person who classified a commit as changing nothing has said it is not worth a line.
            if let override = commit.override, override.level == .none { continue }
            let sha = commit.commit.shortSHA
            if !existingText.isEmpty, existingText.contains(sha) { continue }
            for entry in drafts(for: commit) {
                let key = normalized(entry.text)
                guard !seenTexts.contains(key) else { continue }
                seenTexts.insert(key)
                result.append(entry)
            }
        }
        return result.enumerated().sorted { lhs, rhs in
            lhs.element.category == rhs.element.category ? lhs.offset < rhs.offset : lhs.element.category < rhs.element.category
        }.map(\.element)
    }

    /// The entries of one commit.
    static func drafts(for commit: ClassifiedCommit) -> [DraftedEntry] {
        let sha = commit.commit.shortSHA
        var headers: [ConventionalCommit] = []
        if commit.kind == .squash, !commit.commit.message.squashed.isEmpty {
            headers = commit.commit.message.squashed
        } else if let conventional = commit.conventional {
            var header = conventional
            if let type = commit.override?.type { header.type = type }
            headers = [header]
        } else if let type = commit.override?.type {
            headers = [ConventionalCommit(type: type, description: commit.subject)]
        }
        if commit.kind == .revert {
            return [DraftedEntry(category: .changed, text: oneLine(commit.subject), sha: sha)]
        }
        var result: [DraftedEntry] = []
        for header in headers {
            let footers = header.footers
            func footer(_ token: String) -> String? {
                footers.first(where: { $0.token.lowercased() == token.lowercased() }).map { oneLine($0.value) }
            }
            let type = header.type.lowercased()
            let described = describe(header)
            if header.isBreaking {
                let note = header.breakingNotes.first.map(oneLine) ?? described
                let category: ChangelogCategory = note.lowercased().contains("remov") ? .removed : .changed
                result.append(DraftedEntry(category: category, text: "**BREAKING** " + note, sha: sha))
                continue
            }
            if type == "security" || header.scope?.lowercased() == "security" || footer("Security") != nil {
                let plain = header.scope?.lowercased() == "security" ? oneLine(header.description) : described
                result.append(DraftedEntry(category: .security, text: footer("Security") ?? plain, sha: sha))
                continue
            }
            if ["deprecate", "deprecated", "deprecation"].contains(type) {
                result.append(DraftedEntry(category: .deprecated, text: footer("Deprecated") ?? described, sha: sha))
                continue
            }
            switch type {
            case "feat": result.append(DraftedEntry(category: .added, text: described, sha: sha))
            case "fix": result.append(DraftedEntry(category: .fixed, text: described, sha: sha))
            case "perf", "refactor": result.append(DraftedEntry(category: .changed, text: described, sha: sha))
            default:
                // Types the bump rules give a level (say build(deps) → patch) ship a change; docs, tests, chores do not.
                if commit.kind != .squash, commit.level != .none {
                    result.append(DraftedEntry(category: .changed, text: described, sha: sha))
                }
            }
            if let deprecated = footer("Deprecated") {
                result.append(DraftedEntry(category: .deprecated, text: deprecated, sha: sha))
            }
        }
        return result
    }

    /// `**scope:** description`, or the description alone.
    static func describe(_ header: ConventionalCommit) -> String {
        let text = oneLine(header.description)
        guard let scope = header.scope, !scope.isEmpty else { return text }
        return "**\(scope):** \(text)"
    }

    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// Text compared for "the same entry": no bullet, no trailing sha, no emphasis, case and spacing folded.
    static func normalized(_ bullet: String) -> String {
        var text = bullet.trimmingCharacters(in: .whitespaces)
        if let first = text.first, "-*+".contains(first) { text.removeFirst() }
        if text.hasSuffix(")"), let open = text.lastIndex(of: "("),
           text[text.index(after: open)..<text.index(before: text.endIndex)].allSatisfy(\.isHexDigit) {
            text = String(text[..<open])
        }
        text = text.replacingOccurrences(of: "**", with: "").replacingOccurrences(of: "`", with: "")
        return text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// The drafted entries as changelog lines: a `### Heading`, a blank line, the bullets, a blank line between headings.
    public static func render(_ entries: [DraftedEntry], lineEnding eol: String = "\n") -> [String] {
        var lines: [String] = []
        for category in ChangelogCategory.allCases {
            let items = entries.filter { $0.category == category }
            guard !items.isEmpty else { continue }
            if !lines.isEmpty { lines.append(eol) }
            lines.append("### \(category.rawValue)" + eol)
            lines.append(eol)
            for item in items { lines.append(item.bullet + eol) }
        }
        return lines
    }
}
