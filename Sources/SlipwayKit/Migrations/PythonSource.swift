import Foundation

/// Just enough reading of Python source for the migration detectors.
enum PythonSource {
    /// The statements of `def NAME(…)`, trimmed, comments and blank lines dropped; `nil` when there is no such function.
    static func functionBody(_ name: String, in text: String) -> [String]? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let start = lines.firstIndex(where: {
            let trimmed = $0.trimmingCharacters(in: .whitespaces)
            return trimmed.hasPrefix("def \(name)(") || trimmed.hasPrefix("async def \(name)(")
        }) else { return nil }
        let indent = lines[start].prefix(while: { $0 == " " || $0 == "\t" }).count
        var body: [String] = []
        for line in lines[(start + 1)...] {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            if line.prefix(while: { $0 == " " || $0 == "\t" }).count <= indent { break }
            body.append(trimmed)
        }
        return body
    }
}
