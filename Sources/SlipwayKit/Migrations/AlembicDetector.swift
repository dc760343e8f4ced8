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
