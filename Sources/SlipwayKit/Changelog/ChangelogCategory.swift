/// The Keep a Changelog headings, in the order the format lists them.
public enum ChangelogCategory: String, Sendable, CaseIterable, Comparable {
    case added = "Added"
    case changed = "Changed"
    case deprecated = "Deprecated"
    case removed = "Removed"
    case fixed = "Fixed"
    case security = "Security"

    public static func < (lhs: ChangelogCategory, rhs: ChangelogCategory) -> Bool {
        allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }
}
