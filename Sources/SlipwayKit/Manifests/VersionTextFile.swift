/// A `VERSION` file: one line holding the version, nothing else but an optional line break.
enum VersionTextFile {
    static func read(_ bytes: [UInt8], file: String) throws(ManifestError) -> VersionFileReading {
        let lines = ByteText.lineRanges(bytes)
        let filled = lines.enumerated().filter { _, range in bytes[range].contains(where: { !ByteText.isSpace($0) }) }
        guard let first = filled.first else {
            throw ManifestError(file: file, problem: "is empty; write the version on its first line")
        }
        if filled.count > 1 {
            throw ManifestError(file: file, line: filled[1].offset + 1, problem: "has more than one line of text; keep only the version")
        }
        var start = first.element.lowerBound
        var end = first.element.upperBound
        while start < end, ByteText.isSpace(bytes[start]) { start += 1 }
        while end > start, ByteText.isSpace(bytes[end - 1]) { end -= 1 }
        return .versions([VersionLocation(field: "version", range: start..<end, in: bytes)])
    }
}
