import Foundation
import SlipwayKit

/// `slipway audit`: the team's trail of mutating actions, from the shared record every clone pushes to.
enum AuditCommand {
    static let spec = SubcommandSpec(
        name: "audit",
        usage: "audit [--env ENV] [--version V] [--since DATE] [--json]",
        summary: """
        The team's trail (git notes on the remote, merged from every clone that pushed): each mutating action with
        its time as recorded, who, what, on which version and environment, the commands and the outcome, in the
        order of the record's sequence. --since takes YYYY-MM-DD or an ISO 8601 time.
        """,
        options: [SubcommandSpec.repoOption, .value("env", "only this environment"), .value("version", "only this version"),
                  .value("since", "only entries recorded at or after this date"), SubcommandSpec.jsonOption])

    static func run(_ arguments: [String]) throws -> Int32 {
        guard let parsed = try spec.parse(arguments) else { return 0 }
        guard parsed.positional.isEmpty else { throw UsageError("audit takes no arguments") }
        var since: Date?
        if let text = parsed.value("since") {
            guard let date = ISO8601DateFormatter().date(from: text) ?? ISO8601DateFormatter().date(from: text + "T00:00:00Z") else {
                throw UsageError("--since '\(text)' is not a date (YYYY-MM-DD or 2026-12-01T10:00:00Z)")
            }
            since = date
        }
        let context = try RepositoryContext(arguments: parsed)
        let sync = context.sync()
        let (all, unreadable) = AuditLog(repository: context.repository, remote: context.config.forge.remote).entries()
        let entries = all.filter { entry in
            (parsed.value("env").map { entry.target == $0 } ?? true)
                && (parsed.value("version").map { entry.version == $0 } ?? true)
                && (since.map { entry.time >= $0 } ?? true)
        }
        if parsed.has("json") {
            Output.json(.object([("entries", .array(entries.map(\.json))), ("unreadable", .number(Double(unreadable))),
                                 ("fetchedAt", sync.fetchedAt.map { .string(ISO8601DateFormatter().string(from: $0)) } ?? .null),
                                 ("offline", sync.offline.map(JSONValue.string) ?? .null)]))
        } else {
            for entry in entries { print(line(entry)) }
            if entries.isEmpty { print("no audit entries\(all.isEmpty ? "" : " match")") }
        }
        if unreadable > 0 { Output.warnings(["\(unreadable) line(s) of the audit trail could not be read and were left out"]) }
        return 0
    }

    static func line(_ entry: AuditEntry) -> String {
        let time = ISO8601DateFormatter().string(from: entry.time)
        var text = "\(time)  \(entry.outcome.padding(toLength: 12, withPad: " ", startingAt: 0)) \(entry.action)"
        if let version = entry.version { text += " \(version)" }
        if let target = entry.target { text += " → \(target)" }
        text += "  by \(entry.identity)"
        if let detail = entry.detail, !detail.isEmpty { text += "\n    \(detail)" }
        return text
    }
}
