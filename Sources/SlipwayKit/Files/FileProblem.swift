/// Why a file Slipway reads or edits cannot be used as asked — a version file, a changelog — naming the file, the
/// line where it applies and what to do.
public struct FileProblem: Error, Sendable, Equatable, CustomStringConvertible {
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

/// A version file that cannot be read or edited.
public typealias ManifestError = FileProblem
/// A changelog that cannot be released as asked.
public typealias ChangelogError = FileProblem
