import SlipwayKit

/// `slipway changes`: the commits since the last release, grouped.
enum ChangesCommand {
    static let spec = SubcommandSpec(
        name: "changes",
        usage: "changes [--repo DIR] [--from REF] [--to REF] [--json]",
        summary: "Lists the commits since the last release grouped as Breaking, Features, Fixes, Other and Not conventional, each with the level it contributes.",
        options: [SubcommandSpec.repoOption,
                  .value("from", "start of the range (default: the last release tag)"),
                  .value("to", "end of the range (default: HEAD)"),
                  SubcommandSpec.jsonOption])

    static func run(_ arguments: [String]) throws -> Int32 {
        guard let parsed = try spec.parse(arguments) else { return 0 }
        guard parsed.positional.isEmpty else { throw UsageError("changes takes no arguments") }
        let context = try RepositoryContext(arguments: parsed)
        var planner = context.planner
        // Subjects, levels and reasons: no commit bodies beyond those that decide a bump (kept whole).
        planner.readsBodies = false
        let proposal = try planner.propose(from: parsed.value("from"), to: parsed.value("to") ?? "HEAD")
        Output.warnings(proposal.warnings)
        if parsed.has("json") {
            json(proposal)
        } else {
            print(text(proposal), terminator: "")
        }
        return 0
    }

    /// `proposal.changesJSON` as `PrettyJSON` renders it, written commit by commit (a long range holds 100,000).
    static func json(_ proposal: VersionProposal) {
        guard case .object(let members) = proposal.changesJSON(includingCommits: false) else { return }
        let head = JSONValue.object(members.filter { $0.key != "groups" && $0.key != "warnings" })
        let text = PrettyJSON.render(head)
        var stream = JSONStream()
        stream.append(String(text.dropLast(2)) + ",\n  \"groups\": {")
        for (index, group) in ChangeGroup.allCases.enumerated() {
            stream.append((index == 0 ? "\n    " : ",\n    ") + JSONValue.quote(group.rawValue) + ": ")
            stream.commits(proposal.commits(in: group), indent: "      ")
        }
        stream.append("\n  },\n  \"warnings\": " + PrettyJSON.render(.array(proposal.warnings.map(JSONValue.string)), indent: "  ") + "\n}\n")
        stream.flush()
    }

    static func text(_ proposal: VersionProposal) -> String {
        var text = "\(proposal.commits.count) commit(s) in \(proposal.range)\n"
        for group in ChangeGroup.allCases {
            let commits = proposal.commits(in: group)
            guard !commits.isEmpty else { continue }
            text += "\n\(group.title) (\(commits.count))\n"
            for commit in commits {
                let level = commit.level == .none ? "" : "  [\(commit.level)]"
                text += "  \(commit.commit.shortSHA)  \(commit.subject)\(level)\n"
            }
        }
        return text
    }
}
