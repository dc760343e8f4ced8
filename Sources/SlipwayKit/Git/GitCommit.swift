/// One commit as `git log` reports it, with its message already read as Conventional Commits.
///
/// The fields live in one shared, immutable object: a commit is a single reference wherever it is copied, so
/// lists of 100,000 commits (and the classified commits that carry them) stay small and cheap to copy.
public struct GitCommit: Sendable, Hashable {
    private final class Storage: Sendable {
        let sha: String
        let parents: [String]
        let authorName: String
        let authorEmail: String
        let authorTime: Int
        let message: CommitMessage

        init(sha: String, parents: [String], authorName: String, authorEmail: String, authorTime: Int, message: CommitMessage) {
            self.sha = sha
            self.parents = parents
            self.authorName = authorName
            self.authorEmail = authorEmail
            self.authorTime = authorTime
            self.message = message
        }
    }

    private let storage: Storage

    public var sha: String { storage.sha }
    public var parents: [String] { storage.parents }
    public var authorName: String { storage.authorName }
    public var authorEmail: String { storage.authorEmail }
    /// Author time, seconds since 1970.
    public var authorTime: Int { storage.authorTime }
    public var message: CommitMessage { storage.message }

    public init(sha: String, parents: [String], authorName: String, authorEmail: String, authorTime: Int,
                message: CommitMessage) {
        storage = Storage(sha: sha, parents: parents, authorName: authorName, authorEmail: authorEmail,
                          authorTime: authorTime, message: message)
    }

    public static func == (lhs: GitCommit, rhs: GitCommit) -> Bool {
        lhs.storage === rhs.storage
            || (lhs.sha == rhs.sha && lhs.parents == rhs.parents && lhs.authorName == rhs.authorName
                && lhs.authorEmail == rhs.authorEmail && lhs.authorTime == rhs.authorTime && lhs.message == rhs.message)
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(sha) }

    public var isMerge: Bool { parents.count > 1 }
    public var shortSHA: String { String(sha.prefix(7)) }
}
