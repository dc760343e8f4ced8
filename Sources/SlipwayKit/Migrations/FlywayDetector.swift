/// Flyway: every versioned migration `V<version>__name.sql` needs an undo migration `U<version>__name.sql`.
enum FlywayDetector {
    static func version(_ name: String, prefix: Character) -> String? {
        guard name.first == prefix, let separator = name.range(of: "__") else { return nil }
        return String(name[name.index(after: name.startIndex)..<separator.lowerBound])
    }

    static func assess(added: [MigrationFile], all: [MigrationFile]) -> [MigrationFinding] {
        let undo = Dictionary(all.compactMap { file in version(file.name, prefix: "U").map { ($0, file) } }) { first, _ in first }
        return added.compactMap { file in
            guard let version = version(file.name, prefix: "V") else { return nil }
            guard let undoFile = undo[version] else {
                return MigrationFinding(path: file.path, reversible: false, reason: "no undo migration U\(version)__….sql")
            }
            if MigrationReversibility.sqlBody(undoFile.text).isEmpty {
                return MigrationFinding(path: file.path, reversible: false, reason: "\(undoFile.name) is empty")
            }
            return MigrationFinding(path: file.path, reversible: true, reason: "\(undoFile.name) undoes it")
        }
    }
}
