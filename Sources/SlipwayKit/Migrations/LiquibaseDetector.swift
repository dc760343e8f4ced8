import Foundation

/// Liquibase: a changeset whose changes cannot roll back by themselves needs a `rollback`; in formatted SQL
/// every changeset needs a `--rollback` line.
enum LiquibaseDetector {
    /// Change types Liquibase cannot invert on its own.
    static let manualChanges = ["sql", "sqlFile", "dropTable", "dropColumn", "delete", "update", "insert", "loadData",
                                "dropIndex", "dropView", "dropForeignKeyConstraint", "modifyDataType", "dropSequence",
                                "dropPrimaryKey", "dropUniqueConstraint", "mergeColumns", "customChange", "output"]

    static func assess(added: [MigrationFile]) -> [MigrationFinding] {
        var findings: [MigrationFinding] = []
        for file in added {
            let lower = file.name.lowercased()
            if lower.hasSuffix(".sql") {
                findings += formattedSQL(file)
            } else if lower.hasSuffix(".xml") {
                findings += changeSets(file, separator: "<changeSet", rollbackMarker: "<rollback", changeMarker: { "<\($0)" })
            } else if lower.hasSuffix(".yaml") || lower.hasSuffix(".yml") {
                findings += changeSets(file, separator: "- changeSet:", rollbackMarker: "rollback:", changeMarker: { "\($0):" })
            } else if lower.hasSuffix(".json") {
                findings += changeSets(file, separator: "\"changeSet\"", rollbackMarker: "\"rollback\"", changeMarker: { "\"\($0)\"" })
            }
        }
        return findings
    }

    static func formattedSQL(_ file: MigrationFile) -> [MigrationFinding] {
        guard file.text.lowercased().contains("liquibase formatted sql") else { return [] }
        var findings: [MigrationFinding] = []
        let blocks = file.text.components(separatedBy: "--changeset").dropFirst()
            + file.text.components(separatedBy: "-- changeset").dropFirst()
        for block in blocks {
            let id = block.split(whereSeparator: \.isNewline).first.map { $0.trimmingCharacters(in: .whitespaces) } ?? "?"
            let hasRollback = block.range(of: #"--\s*rollback\s+\S"#, options: .regularExpression) != nil
            findings.append(MigrationFinding(path: file.path, reversible: hasRollback,
                                             reason: hasRollback ? "changeset \(id) has a --rollback"
                                                                 : "changeset \(id) is SQL without a --rollback"))
        }
        return findings
    }

    static func changeSets(_ file: MigrationFile, separator: String, rollbackMarker: String,
                           changeMarker: (String) -> String) -> [MigrationFinding] {
        var findings: [MigrationFinding] = []
        for block in file.text.components(separatedBy: separator).dropFirst() {
            let id = block.range(of: #"id[=:]\s*["']?([^"'\s>]+)"#, options: .regularExpression)
                .map { String(block[$0]) } ?? "?"
            if block.contains(rollbackMarker) {
                findings.append(MigrationFinding(path: file.path, reversible: true, reason: "changeset \(id) has a rollback"))
                continue
            }
            if let manual = manualChanges.first(where: { block.contains(changeMarker($0)) }) {
                findings.append(MigrationFinding(path: file.path, reversible: false,
                                                 reason: "changeset \(id) uses \(manual), which cannot roll back without a rollback block"))
            } else {
                findings.append(MigrationFinding(path: file.path, reversible: true, reason: "changeset \(id) rolls back automatically"))
            }
        }
        return findings
    }
}
