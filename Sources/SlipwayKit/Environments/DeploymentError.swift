/// A deployment backend could not report or act; says what happened and what state the environment is in.
public struct DeploymentError: Error, Sendable, CustomStringConvertible {
    /// What kind of trouble; `slipway env` exits 1 for each, with the backend output.
    public enum Kind: Sendable, Equatable {
        /// Config or data problem (missing key, unknown version).
        case input
        /// The backend's tool failed, hung, is missing or printed something unexpected.
        case backend
        /// Someone else changed the environment at the same time; nothing was changed.
        case conflict
    }

    public var kind: Kind
    public var message: String
    /// The backend's output, for a person to read.
    public var output: String

    public init(_ kind: Kind, _ message: String, output: String = "") {
        self.kind = kind
        self.message = ControlText.stripped(message)
        self.output = ControlText.stripped(output)
    }

    public var description: String { message }
}
