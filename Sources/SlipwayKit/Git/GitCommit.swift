/// One commit as `git log` reports it, with its message already read as Conventional Commits.
public struct GitCommit: Sendable, Hashable {
    public let sha: String
    public let parents: [String]
    public let authorName: String
    public let authorEmail: String
    /// Author time, seconds since 1970.
    public let authorTime: Int
    public let message: CommitMessage

    public init(sha: String, parents: [String], authorName: String, authorEmail: String, authorTime: Int,
                message: CommitMessage) {
        self.sha = sha
        self.parents = parents
        self.authorName = authorName
        self.authorEmail = authorEmail
        self.authorTime = authorTime
        self.message = message
    }

    public var isMerge: Bool { parents.count > 1 }
    public var shortSHA: String { String(sha.prefix(7)) }
}
