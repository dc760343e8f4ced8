import Foundation

/// Knex: a migration must export a `down` that does something.
enum KnexDetector {
    static func assess(added: [MigrationFile]) -> [MigrationFinding] {
        added.compactMap { file in
            guard [".js", ".ts", ".cjs", ".mjs"].contains(where: file.name.hasSuffix) else { return nil }
            guard let declaration = file.text.range(of: #"(exports\.down|export\s+(async\s+)?function\s+down|export\s+const\s+down|down\s*[:=])"#,
                                                    options: .regularExpression) else {
                return MigrationFinding(path: file.path, reversible: false, reason: "no down function")
            }
            guard let brace = file.text[declaration.upperBound...].firstIndex(of: "{"),
                  let body = MigrationReversibility.balanced(file.text, from: brace, open: "{", close: "}") else {
                return MigrationFinding(path: file.path, reversible: false, reason: "down has no body")
            }
            let code = body.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty && !$0.hasPrefix("//") }
                .filter { !["return;", "return Promise.resolve();", "return Promise.resolve()"].contains($0) }
            return code.isEmpty
                ? MigrationFinding(path: file.path, reversible: false, reason: "down is empty")
                : MigrationFinding(path: file.path, reversible: true, reason: "down undoes it")
        }
    }
}
