/// Why a theme could not be used; the console shows it and carries on with the default.
public struct ThemeError: Error, Sendable, CustomStringConvertible, Equatable {
    /// Not found (a default theme missing is no problem), or found and wrong.
    public enum Kind: Sendable, Equatable { case notFound, invalid }
    public let kind: Kind
    public let source: String
    public let problem: String

    public init(_ kind: Kind = .invalid, source: String, problem: String) {
        self.kind = kind
        self.source = source
        self.problem = problem
    }

    public var description: String { "theme \(source): \(problem); using the default theme" }

    /// The same with only the file's name, for the status line.
    public var shortDescription: String {
        let name = source.split(separator: "/").last.map(String.init) ?? source
        return "theme \(name): \(problem); using the default theme"
    }
}
