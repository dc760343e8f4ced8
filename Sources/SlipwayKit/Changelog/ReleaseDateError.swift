/// A `--date` that is not a real `YYYY-MM-DD` date.
public struct ReleaseDateError: Error, Sendable, Equatable, CustomStringConvertible {
    public let text: String
    public let problem: String

    public var description: String { "the date '\(text)' \(problem); give a real date as YYYY-MM-DD, e.g. 2026-02-28" }
}
