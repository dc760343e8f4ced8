/// The standard's post-release steps (5.4 and 6), after the tag: the release finishes when all are done.
public enum PostReleaseStep: Int, Sendable, CaseIterable, Hashable {
    case verified = 9
    case monitoring
    case notified

    public var title: String {
        switch self {
        case .verified: return "Verified where it runs"
        case .monitoring: return "Monitoring healthy"
        case .notified: return "Stakeholders notified"
        }
    }

    public var key: String {
        switch self {
        case .verified: return "verified"
        case .monitoring: return "monitoring"
        case .notified: return "notified"
        }
    }
}
