import SlipwayKit

/// What the console loaded from the repository: where it is, the branch, the forge and the proposal.
public struct Workspace: Sendable {
    public let root: String
    public let branch: String?
    public let forge: String
    public let proposal: VersionProposal
    /// The overrides the proposal was made with.
    public let overrides: ReleaseOverrides
    /// Each chart's own version for the release, and what chart lint found in it.
    public var charts: [ChartVersionProposal] = []
    public var chartLint: [ChartLintReport] = []
    /// A monorepo's packages (when it has more than one), each with its own proposal.
    public var packages: [PackageProposal] = []
    /// The Changes filter's prepared text, built with the workspace (off the UI thread).
    public var searchIndex: CommitSearchIndex?

    public init(root: String, branch: String?, forge: String, proposal: VersionProposal, overrides: ReleaseOverrides,
                charts: [ChartVersionProposal] = [], chartLint: [ChartLintReport] = []) {
        self.root = root
        self.branch = branch
        self.forge = forge
        self.proposal = proposal
        self.overrides = overrides
        self.charts = charts
        self.chartLint = chartLint
    }
}
