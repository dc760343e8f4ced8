/// Why a changelog cannot be released as asked, naming the file, the line and what to do.
public struct ChangelogError: Error, Sendable, Equatable, CustomStringConvertible {
    public let file: String
    /// 1-based; `nil` for the whole file.
    public let line: Int?
    public let problem: String

    public init(file: String, line: Int? = nil, problem: String) {
        self.file = file
        self.line = line
        self.problem = problem
    }

    public var description: String {
        if let line { return "\(file):\(line): \(problem)" }
        return "\(file): \(problem)"
    }
}
