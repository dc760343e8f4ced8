/// Where one project version sits in a file: the byte span of the version characters, without quotes.
public struct VersionLocation: Sendable, Hashable {
    /// What the span is, as a person would name it: `version`, `packages[""].version`, `[workspace.package] version`.
    public let field: String
    /// Byte offsets into the file.
    public let range: Range<Int>
    /// 1-based line of the version.
    public let line: Int
    /// The current version text.
    public let value: String

    public init(field: String, range: Range<Int>, line: Int, value: String) {
        self.field = field
        self.range = range
        self.line = line
        self.value = value
    }

    /// Reads the span out of `bytes` and works out its line.
    init(field: String, range: Range<Int>, in bytes: [UInt8]) {
        self.field = field
        self.range = range
        self.line = ByteText.line(of: range.lowerBound, in: bytes)
        self.value = String(decoding: bytes[range], as: UTF8.self)
    }
}
