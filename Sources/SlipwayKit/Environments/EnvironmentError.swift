/// An environment action refused or impossible before anything ran: bad input, a rule, a missing confirmation.
public struct EnvironmentError: Error, Sendable, CustomStringConvertible {
    /// Why nothing ran; the CLI exits 1 for a refusal or a missing confirmation, 2 for the rest (bad input).
    public enum Kind: Sendable, Equatable {
        case unknownEnvironment, notConfigured, confirmationNeeded, refused, badInput
    }

    public var kind: Kind
    public var description: String

    public init(_ kind: Kind, _ description: String) {
        self.kind = kind
        self.description = description
    }
}
