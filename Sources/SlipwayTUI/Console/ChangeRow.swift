import SlipwayKit

/// A line of the Changes list: a group heading with its count, or a commit (an index into the proposal's commits).
public enum ChangeRow: Sendable, Hashable {
    case group(ChangeGroup, count: Int)
    case commit(Int)

    /// The rows for `commits` under `filter`: each non-empty group's heading, then its commits newest first.
    public static func rows(for commits: [ClassifiedCommit], filter: ChangeFilter,
                            matching: ((Int) -> Bool)? = nil) -> [ChangeRow] {
        var buckets: [ChangeGroup: [Int]] = [:]
        for (index, commit) in commits.enumerated() where filter.isEmpty || (matching?(index) ?? filter.matches(commit)) {
            buckets[commit.group, default: []].append(index)
        }
        var rows: [ChangeRow] = []
        rows.reserveCapacity(commits.count + ChangeGroup.allCases.count)
        for group in ChangeGroup.allCases {
            guard let indexes = buckets[group], !indexes.isEmpty else { continue }
            rows.append(.group(group, count: indexes.count))
            rows += indexes.map { .commit($0) }
        }
        return rows
    }

    public var commitIndex: Int? {
        if case .commit(let index) = self { return index }
        return nil
    }
}
