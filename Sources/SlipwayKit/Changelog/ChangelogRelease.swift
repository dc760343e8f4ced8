/// A changelog as it will be after releasing a version, and the section the release got.
public struct ChangelogRelease: Sendable {
    public let version: SemanticVersion
    public let date: ReleaseDate
    /// The whole file after the release.
    public let text: String
    /// The new section as it reads in the file: heading, blank line, entries.
    public let section: String
    /// `true` when the entries were drafted from commits because `[Unreleased]` was empty.
    public let drafted: Bool
    /// Things a person should look at (a link that could not be updated).
    public let warnings: [String]

    public init(version: SemanticVersion, date: ReleaseDate, text: String, section: String, drafted: Bool, warnings: [String]) {
        self.version = version
        self.date = date
        self.text = text
        self.section = section
        self.drafted = drafted
        self.warnings = warnings
    }
}
