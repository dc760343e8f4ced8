import SlipwayKit

/// The Changes panel's filter: words match the subject, sha or author; `type:feat`, `scope:api`,
/// `level:minor` and `group:fixes` match those fields. All terms must match.
public struct ChangeFilter: Sendable, Hashable {
    public var words: [String] = []
    public var fields: [(name: String, value: String)] = []

    public static func == (lhs: ChangeFilter, rhs: ChangeFilter) -> Bool {
        lhs.words == rhs.words && lhs.fields.map(\.name) == rhs.fields.map(\.name) && lhs.fields.map(\.value) == rhs.fields.map(\.value)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(words)
        for field in fields { hasher.combine(field.name); hasher.combine(field.value) }
    }

    public init(parsing text: String) {
        for term in text.lowercased().split(separator: " ") {
            if let colon = term.firstIndex(of: ":"), colon != term.startIndex {
                let name = String(term[..<colon])
                let value = String(term[term.index(after: colon)...])
                if ["type", "scope", "level", "group"].contains(name) {
                    fields.append((name, value))
                    continue
                }
            }
            words.append(String(term))
        }
    }

    public var isEmpty: Bool { words.isEmpty && fields.isEmpty }

    public func matches(_ commit: ClassifiedCommit) -> Bool {
        matches(commit, haystack: nil)
    }

    /// With `haystack`, the commit's subject, sha and author already lowercased (`CommitSearchIndex`).
    public func matches(_ commit: ClassifiedCommit, haystack prepared: String?) -> Bool {
        for (name, value) in fields {
            switch name {
            case "type":
                let type = (commit.override?.type ?? commit.type ?? "").lowercased()
                if type != value { return false }
            case "scope":
                if (commit.scope ?? "").lowercased() != value { return false }
            case "level":
                if commit.level.name != value { return false }
            default:
                if !commit.group.rawValue.hasPrefix(value) && !commit.group.title.lowercased().hasPrefix(value) { return false }
            }
        }
        guard !words.isEmpty else { return true }
        let haystack = prepared ?? (commit.subject + " " + commit.sha + " " + commit.commit.authorName).lowercased()
        return words.allSatisfy { haystack.contains($0) }
    }
}
