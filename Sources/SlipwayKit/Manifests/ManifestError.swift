/// Why a version file cannot be read or edited, naming the file, the line where it applies and what to do.
public struct ManifestError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The path relative to the repository root (or as given).
    public let file: String
    /// 1-based; `nil` when the problem is the whole file.
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
