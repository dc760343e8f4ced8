import SlipwayKit

/// What the Changes filter searches, worked out once per load (off the UI thread): each commit's subject, sha
/// and author lowercased. A class so that effects can carry it without copying 100,000 strings; compared by
/// identity.
public final class CommitSearchIndex: Sendable, Hashable {
    public let commits: [ClassifiedCommit]
    let haystacks: [String]

    public init(_ commits: [ClassifiedCommit]) {
        self.commits = commits
        haystacks = commits.map { ($0.subject + " " + $0.sha + " " + $0.commit.authorName).lowercased() }
    }

    /// The rows for `text` (the filter's words against the prepared text, its fields against the commit).
    public func rows(for text: String) -> [ChangeRow] {
        let filter = ChangeFilter(parsing: text)
        let (commits, haystacks) = (self.commits, self.haystacks)
        return ChangeRow.rows(for: commits, filter: filter) { index in filter.matches(commits[index], haystack: haystacks[index]) }
    }

    public static func == (lhs: CommitSearchIndex, rhs: CommitSearchIndex) -> Bool { lhs === rhs }
    public func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(self)) }
}
