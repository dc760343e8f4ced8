/// Why a dialog's input cannot be accepted.
public struct DialogProblem: Error, Sendable, Hashable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
