/// A `## ` section of a changelog: `[Unreleased]`, a release, or any other level-2 heading.
public struct ChangelogSection: Sendable, Hashable {
    /// What the heading names.
    public enum Kind: Sendable, Hashable {
        case unreleased
        /// `version` as written (without brackets or a leading `v`), the date when given, and `[YANKED]`.
        case release(version: String, date: String?, yanked: Bool)
        case other(String)
    }

    public let kind: Kind
    /// 0-based index of the heading line.
    public let headingLine: Int
    /// 0-based index one past the section's last body line (the next heading, the link block, or the end).
    public let end: Int

    public init(kind: Kind, headingLine: Int, end: Int) {
        self.kind = kind
        self.headingLine = headingLine
        self.end = end
    }

    public var isUnreleased: Bool { kind == .unreleased }

    /// The version a release section is for.
    public var version: String? {
        if case .release(let version, _, _) = kind { return version }
        return nil
    }

    /// Body lines, without the heading.
    public var body: Range<Int> { (headingLine + 1)..<end }
}
