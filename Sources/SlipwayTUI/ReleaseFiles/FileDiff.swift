/// One file's proposed change, as a unified diff.
public struct FileDiff: Sendable, Hashable {
    public let path: String
    public let diff: String

    public init(path: String, diff: String) {
        self.path = path
        self.diff = diff
    }
}
