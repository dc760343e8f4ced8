/// The line above the footer: the outcome of the last action, or a problem.
public struct StatusMessage: Sendable, Hashable {
    public enum Kind: Sendable, Hashable { case info, ok, warn, error }
    public let text: String
    public let kind: Kind

    public init(_ text: String, _ kind: Kind = .info) {
        self.text = text
        self.kind = kind
    }
}
