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

    /// `false` for the panels of later issues, which say so instead of pretending.
    public var isBuilt: Bool { self == .changes || self == .version || self == .hotfixes }

    /// What the panel will hold, from PRODUCT.md, shown while it is not built.
    public var plannedContent: String {
        switch self {
        case .changes: return "the commits since the last release, grouped"
        case .version: return "the next version and why"
        case .release: return "the release steps 1–8 as a checklist, with the state of each"
        case .approvals: return "the approvals the release needs and who gave them"
        case .environments: return "the version running in test, staging and production"
        case .rollback: return "how to roll a release back, and whether it can be"
        case .hotfixes: return "hotfix branches cut from earlier releases"
        }
    }

    public func next() -> PanelID { PanelID(rawValue: rawValue % PanelID.allCases.count + 1) ?? .changes }
    public func previous() -> PanelID {
        PanelID(rawValue: (rawValue + PanelID.allCases.count - 2) % PanelID.allCases.count + 1) ?? .changes
    }
}
