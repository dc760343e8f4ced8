/// Alembic: a revision's `downgrade()` must do something, not just `pass`.
enum AlembicDetector {
    static func assess(added: [MigrationFile]) -> [MigrationFinding] {
        added.compactMap { file in
            guard file.name.hasSuffix(".py"), file.text.contains("def upgrade(") else { return nil }
            guard let body = PythonSource.functionBody("downgrade", in: file.text) else {
                return MigrationFinding(path: file.path, reversible: false, reason: "no downgrade() function")
            }
            if body.isEmpty || body.allSatisfy({ $0 == "pass" || $0.hasPrefix("\"\"\"") || $0.hasPrefix("'''") || $0 == "..." }) {
                return MigrationFinding(path: file.path, reversible: false, reason: "downgrade() only passes")
            }
            return MigrationFinding(path: file.path, reversible: true, reason: "downgrade() undoes it")
        }
    }
}

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
