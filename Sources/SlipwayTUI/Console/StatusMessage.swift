import SlipwayKit

/// The line above the footer: the outcome of the last action, or a problem.
public struct StatusMessage: Sendable, Hashable {
    public enum Kind: Sendable, Hashable { case info, ok, warn, error }
    public let text: String
    public let kind: Kind

    public init(_ text: String, _ kind: Kind = .info) {
        // The engine's hints name the headless command; here the key that does it.
        self.text = KeyHints.keyed(text)
        self.kind = kind
    }

    /// Said while the registries are asked; replaced by what they answered.
    static let verifyingRelease = StatusMessage("verifying the release's artefacts in their registries", .info)
    static let verifyingRollback = StatusMessage("looking up the rollback target's artefacts", .info)

    /// What a verification found, as the status line says it: ok when all are verified.
    static func artefacts(_ checks: [ArtefactCheck], of what: String) -> StatusMessage {
        guard !checks.isEmpty else { return StatusMessage("no artefacts are configured for \(what) (artefacts in .slipway.json)", .warn) }
        return StatusMessage("artefacts of \(what): \(checks.tally)", checks.allVerified ? .ok : .warn)
    }
}
