/// A problem shown to a person in one sentence: input a dialog cannot accept, or a repository that cannot be read.
public struct ConsoleProblem: Error, Sendable, Hashable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
