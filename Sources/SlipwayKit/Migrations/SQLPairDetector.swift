/// golang-migrate and sqlx: every `N_name.up.sql` needs a non-empty `N_name.down.sql`.
enum SQLPairDetector {
    static func assess(added: [MigrationFile], all: [MigrationFile], allowsSimple: Bool) -> [MigrationFinding] {
        var findings: [MigrationFinding] = []
        for file in added where file.name.hasSuffix(".sql") && !file.name.hasSuffix(".down.sql") {
            guard file.name.hasSuffix(".up.sql") else {
                if allowsSimple {
                    findings.append(MigrationFinding(path: file.path, reversible: false,
                                                     reason: "a simple sqlx migration without a .down.sql cannot be reverted"))
                }
                continue
            }
            let downPath = String(file.path.dropLast(".up.sql".count)) + ".down.sql"
            guard let down = all.first(where: { $0.path == downPath }) else {
                findings.append(MigrationFinding(path: file.path, reversible: false, reason: "no \(downPath.split(separator: "/").last ?? "") next to it"))
                continue
            }
            if MigrationReversibility.sqlBody(down.text).isEmpty {
                findings.append(MigrationFinding(path: file.path, reversible: false, reason: "\(down.name) is empty"))
            } else {
                findings.append(MigrationFinding(path: file.path, reversible: true, reason: "\(down.name) undoes it"))
            }
        }
        return findings
    }
}
