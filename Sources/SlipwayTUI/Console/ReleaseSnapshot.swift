import SlipwayKit

/// What the Release and Approvals panels show: the release status and who the current git identity is.
public struct ReleaseSnapshot: Sendable {
    public let status: ReleaseStatus
    /// `Name <email>` of whoever an approval from this console would be given as; `nil` when git has none.
    public let identity: GitIdentity?

    public init(status: ReleaseStatus, identity: GitIdentity?) {
        self.status = status
        self.identity = identity
    }
}
