import Foundation

/// Pending changesets (`.changeset/*.md`, as the changesets tool writes them): the level each names per package.
/// When there are any, they decide the packages' levels instead of the commits.
public struct Changesets: Sendable {
    /// Package name → the highest level any changeset gives it.
    public var levels: [String: BumpLevel] = [:]
    public var files: [String] = []
    public var warnings: [String] = []

    public var isEmpty: Bool { files.isEmpty }

    public static func read(root: String) -> Changesets {
        var result = Changesets()
        let folder = root + "/.changeset"
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
            .filter { $0.hasSuffix(".md") && $0.lowercased() != "readme.md" }.sorted()
        for name in names {
            guard let text = try? String(contentsOfFile: folder + "/" + name, encoding: .utf8) else {
                result.warnings.append(".changeset/\(name) is not UTF-8 text; skipped")
                continue
            }
            result.files.append(".changeset/\(name)")
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard lines.first == "---", let end = lines.dropFirst().firstIndex(of: "---") else {
                result.warnings.append(".changeset/\(name) has no front matter between --- lines; skipped")
                continue
            }
            for line in lines[1..<end] where !line.isEmpty {
                guard let colon = line.lastIndex(of: ":") else { continue }
                let package = line[..<colon].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
                guard let level = BumpLevel(name: line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)) else {
                    result.warnings.append(".changeset/\(name): '\(line)' is not PACKAGE: major|minor|patch|none")
                    continue
                }
                result.levels[package] = max(result.levels[package] ?? .none, level)
            }
        }
        return result
    }
}
