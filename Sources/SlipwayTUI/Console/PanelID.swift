/// The console's panels, in tab order; the number key of each is its position.
public enum PanelID: Int, Sendable, CaseIterable, Hashable {
    case changes = 1, version, release, approvals, environments, rollback, hotfixes

    public var title: String {
        switch self {
        case .changes: return "Changes"
        case .version: return "Version"
        case .release: return "Release"
        case .approvals: return "Approvals"
        case .environments: return "Environments"
        case .rollback: return "Rollback"
        case .hotfixes: return "Hotfixes"
        }
    }

    /// Two or three letters for a narrow tab bar.
    public var shortTitle: String {
        switch self {
        case .changes: return "Chg"
        case .version: return "Ver"
        case .release: return "Rel"
        case .approvals: return "Apr"
        case .environments: return "Env"
        case .rollback: return "Rbk"
        case .hotfixes: return "Hfx"
        }
    }

    public func next() -> PanelID { PanelID(rawValue: rawValue % PanelID.allCases.count + 1) ?? .changes }
    public func previous() -> PanelID {
        PanelID(rawValue: (rawValue + PanelID.allCases.count - 2) % PanelID.allCases.count + 1) ?? .changes
    }
}
