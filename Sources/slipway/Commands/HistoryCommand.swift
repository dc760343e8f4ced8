import Foundation
import SlipwayKit

/// `slipway history`: the past releases with their lead time from first commit to production and where they
/// were rolled back.
enum HistoryCommand {
    static let spec = SubcommandSpec(
        name: "history",
        usage: "history [--limit N] [--json]",
        summary: """
        The last releases (20 unless --limit), newest first: the tag and who made it, when its first commit was
        written, when production first ran it (the last environment CI does not deploy, from its deployment
        history), the time between the two, and the environments it was rolled back from (the audit trail and
        the holds).
        """,
        options: [SubcommandSpec.repoOption, .value("limit", "how many releases (1 to 500)"), SubcommandSpec.jsonOption])

    static func run(_ arguments: [String]) throws -> Int32 {
        guard let parsed = try spec.parse(arguments) else { return 0 }
        guard parsed.positional.isEmpty else { throw UsageError("history takes no arguments") }
        let limit = try parsed.value("limit").map { text -> Int in
            guard let number = Int(text), (1...500).contains(number) else { throw UsageError("--limit '\(text)' is not a number from 1 to 500") }
            return number
        } ?? 20
        let context = try RepositoryContext(arguments: parsed)
        if let problem = context.config.tagPrefixProblem { throw problem }
        _ = context.sync()
        let entries = try ReleaseHistory.load(context.repository, config: context.config, limit: limit)
        if parsed.has("json") {
            Output.json(.object([("releases", .array(entries.map(\.json)))]))
            return 0
        }
        if entries.isEmpty { print("no releases yet (no tag of the form \(context.config.tagPrefix)X.Y.Z)") }
        for entry in entries { print(line(entry)) }
        return 0
    }

    static func line(_ entry: ReleaseHistoryEntry) -> String {
        let day = { (date: Date?) in date.map { String(ISO8601DateFormatter().string(from: $0).prefix(10)) } ?? "?" }
        var text = entry.tag.padding(toLength: 12, withPad: " ", startingAt: 0) + " tagged " + day(entry.taggedAt)
        if let by = entry.taggedBy { text += " by \(by)" }
        text += "; first commit " + day(entry.firstCommitAt) + ", in production " + day(entry.inProductionAt)
        if let lead = entry.leadTimeSeconds { text += " (lead time \(ReleaseHistory.duration(lead)))" }
        if !entry.rolledBackIn.isEmpty { text += "; rolled back in " + entry.rolledBackIn.joined(separator: ", ") }
        return text
    }
}
