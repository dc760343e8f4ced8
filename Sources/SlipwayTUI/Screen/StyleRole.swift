/// What a piece of text is, not how it looks: themes map each role to colours and attributes.
public enum StyleRole: String, Sendable, CaseIterable, Codable {
    case text
    case muted
    case accent
    case ok
    case warn
    case error
    case selection
    case breaking
    case feature
    case fix
    case header
    case footer
    case tabActive = "tab-active"
    case tabInactive = "tab-inactive"
    case border
    case title
    case key
    case overlay
    case input
    case marked
    case dryRun = "dry-run"
}
