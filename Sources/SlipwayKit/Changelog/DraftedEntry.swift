/// One line drafted from a commit for the changelog.
public struct DraftedEntry: Sendable, Hashable {
    public let category: ChangelogCategory
    public let text: String
    /// The commit's short sha, shown after the text.
    public let sha: String

    public init(category: ChangelogCategory, text: String, sha: String) {
        self.category = category
        self.text = text
        self.sha = sha
    }

    /// The bullet as written in the changelog: `- text (abc1234)`.
    public var bullet: String { "- \(text) (\(sha))" }
}
