import Foundation

/// The records one clone kept under `.git/slipway/` before the team shared them: moved into the shared records
/// once, each file renamed `*.migrated` afterwards so that nothing is lost and nothing moves twice.
extension SharedState {
    func migrate() -> [String] {
        var moved: [String] = []
        let folder = repository.slipwayDirectory
        if let line = migrateHolds(folder + "/holds.json") { moved.append(line) }
        if let line = migrateAudit(folder + "/audit.jsonl") { moved.append(line) }
        if let line = migrateOverrides(folder + "/overrides.json") { moved.append(line) }
        return moved
    }

    private func retire(_ path: String) {
        try? FileManager.default.moveItem(atPath: path, toPath: path + ".migrated")
    }

    func migrateHolds(_ path: String) -> String? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        let holds: [DeploymentHold]
        do { holds = try EnvironmentHolds.decode(data, where: path) } catch { return "\(path) could not be moved: \(error)" }
        let shared = EnvironmentHolds(repository: repository, remote: remote)
        do {
            try shared.document.update { current in
                var all = try EnvironmentHolds.decode(current, where: shared.document.where_)
                for hold in holds where !all.contains(where: { $0.environment == hold.environment && $0.version == hold.version }) { all.append(hold) }
                return try EnvironmentHolds.encode(all)
            }
        } catch {
            return "\(path) stays for now: \(error)"
        }
        retire(path)
        return "\(path): \(holds.count) hold(s) moved to \(shared.document.where_)"
    }

    func migrateAudit(_ path: String) -> String? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let entries = data.split(separator: UInt8(ascii: "\n")).compactMap { try? decoder.decode(AuditEntry.self, from: Data($0)) }
        let audit = AuditLog(repository: repository, remote: remote)
        let first = ((try? audit.lines())?.map(\.sequence).max() ?? 0) + 1
        do {
            for (offset, entry) in entries.enumerated() { try audit.appendLocally(entry, sequence: first + offset) }
        } catch {
            return "\(path) stays for now: \(error)"
        }
        try? audit.notes.push()
        retire(path)
        return "\(path): \(entries.count) audit entr\(entries.count == 1 ? "y" : "ies") moved to \(AuditLog.ref)"
    }

    func migrateOverrides(_ path: String) -> String? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        guard (try? JSONDecoder().decode(ReleaseOverrides.self, from: data)) != nil else { return "\(path) is not readable as overrides; it stays" }
        let document = ReleaseOverrides.document(repository, remote: remote)
        if (try? document.read().data) != nil {
            retire(path)
            return "\(path): the team already shares overrides in \(document.where_); this clone's are kept in \(path).migrated"
        }
        do {
            try document.update { current in
                guard current == nil else { throw SharedDocument.Unchanged() }
                return data
            }
        } catch {
            return "\(path) stays for now: \(error)"
        }
        retire(path)
        return "\(path): the overrides moved to \(document.where_)"
    }
}
