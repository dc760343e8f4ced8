import SlipwayKit

/// What the Version panel needs from manifest and changelog editing: the diffs a release would make, and
/// writing them. The console is given one when that editing exists; without one it says so.
public protocol ReleaseFilesPreviewing: Sendable {
    /// The changes to each file (manifests, CHANGELOG.md) that releasing `version` would make.
    func preview(version: SemanticVersion, proposal: VersionProposal) throws -> [FileDiff]
    /// Writes those changes; returns the paths written, relative to the repository root.
    func write(version: SemanticVersion, proposal: VersionProposal) throws -> [String]
}
