import SlipwayKit

/// The history overlay's data: past releases, newest first, and the audit trail.
public enum HistoryLoad: Sendable {
    case notLoaded
    case loading
    case loaded([ReleaseHistoryEntry], audit: [AuditEntry])
    case failed(String)
}
