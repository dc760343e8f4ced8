/// Prisma Migrate has no down migrations: each new `migration.sql` is flagged unless a `down.sql` was written
/// next to it (with `prisma migrate diff`).
enum PrismaDetector {
    static func assess(added: [MigrationFile], all: [MigrationFile]) -> [MigrationFinding] {
        added.compactMap { file in
            guard file.name == "migration.sql" else { return nil }
            if let down = all.first(where: { $0.folder == file.folder && $0.name == "down.sql" }),
               !MigrationReversibility.sqlBody(down.text).isEmpty {
                return MigrationFinding(path: file.path, reversible: true, reason: "down.sql next to it undoes it")
            }
            return MigrationFinding(path: file.path, reversible: false,
                                    reason: "Prisma Migrate has no down migrations; write a down.sql with prisma migrate diff")
        }
    }
}
