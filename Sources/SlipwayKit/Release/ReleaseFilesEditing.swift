/// Writes and checks the release files (manifests and CHANGELOG) for a version; the release flow's steps 2–3.
public protocol ReleaseFilesEditing: Sendable {
    /// Sets `version` in every manifest and releases the CHANGELOG's Unreleased section (drafted from
    /// `proposal`'s commits when empty) dated `date`; returns the repository-relative paths it changed.
    func apply(version: SemanticVersion, date: String, proposal: VersionProposal, repository: GitRepository,
               config: SlipwayConfig) throws -> [String]

    /// What is missing for `version` in the files at `commit` (empty when the manifests and the CHANGELOG carry it).
    func problems(version: SemanticVersion, at commit: String, repository: GitRepository, config: SlipwayConfig) throws -> [String]

    /// The repository-relative paths `apply` would change, without changing them (for the exact commands a
    /// dry run and a confirm show).
    func changes(version: SemanticVersion, date: String, proposal: VersionProposal, repository: GitRepository,
                 config: SlipwayConfig) throws -> [String]
}

extension ReleaseFilesEditing {
    public func changes(version: SemanticVersion, date: String, proposal: VersionProposal, repository: GitRepository,
                        config: SlipwayConfig) throws -> [String] { [] }
}
