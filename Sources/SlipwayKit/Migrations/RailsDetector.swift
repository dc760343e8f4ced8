/// Rails: `def up` needs `def down`; `IrreversibleMigration` is irreversible; `execute` inside `change` must sit in
/// a `reversible` block.
enum RailsDetector {
    static func assess(added: [MigrationFile]) -> [MigrationFinding] {
        added.compactMap { file in
            guard file.name.hasSuffix(".rb") else { return nil }
            let text = file.text
            if text.contains("IrreversibleMigration") {
                return MigrationFinding(path: file.path, reversible: false, reason: "raises ActiveRecord::IrreversibleMigration")
            }
            if contains(text, "def up"), !contains(text, "def down") {
                return MigrationFinding(path: file.path, reversible: false, reason: "def up without def down")
            }
            if let line = executeOutsideReversible(text) {
                return MigrationFinding(path: file.path, reversible: false, reason: "execute in change outside a reversible block (line \(line))")
            }
            return MigrationFinding(path: file.path, reversible: true, reason: contains(text, "def down") ? "def down undoes it" : "change reverses itself")
        }
    }

    static func contains(_ text: String, _ definition: String) -> Bool {
        text.split(separator: "\n").contains { $0.trimmingCharacters(in: .whitespaces).hasPrefix(definition) }
    }

    /// The 1-based line of an `execute` in `def change` that no `reversible do` block encloses.
    static func executeOutsideReversible(_ text: String) -> Int? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        func indent(_ line: String) -> Int { line.prefix(while: { $0 == " " }).count }
        guard let start = lines.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces).hasPrefix("def change") }) else { return nil }
        let changeIndent = indent(lines[start])
        var reversibleIndent: Int?
        for number in (start + 1)..<lines.count {
            let line = lines[number]
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            if indent(line) <= changeIndent { break }
            if let open = reversibleIndent, indent(line) <= open, trimmed == "end" { reversibleIndent = nil; continue }
            if reversibleIndent == nil, trimmed.hasPrefix("reversible do") { reversibleIndent = indent(line); continue }
            if reversibleIndent == nil, trimmed.hasPrefix("execute") { return number + 1 }
        }
        return nil
    }
}
