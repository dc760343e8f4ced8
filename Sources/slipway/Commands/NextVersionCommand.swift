import Foundation
import SlipwayKit

/// `slipway next-version`: the next version from the commits since the last release, and why.
enum NextVersionCommand {
    static let spec = SubcommandSpec(
        name: "next-version",
        usage: "next-version [--repo DIR] [--from REF] [--to REF] [--pre ID] [--package NAME] [--short] [--json]",
        summary: """
        Proposes the next version from the Conventional Commits since the last release (the highest SemVer
        tag with the tag prefix reachable from --to) and shows the commits that decided it.
        """,
        options: [SubcommandSpec.repoOption,
                  .value("from", "start of the range (default: the last release tag)"),
                  .value("to", "end of the range (default: HEAD)"),
                  .value("pre", "propose the next pre-release with this identifier, e.g. rc"),
                  .flag("short", "print the version only"), RepositoryContext.packageOption,
                  SubcommandSpec.jsonOption])

    static func run(_ arguments: [String]) throws -> Int32 {
        guard let parsed = try spec.parse(arguments) else { return 0 }
        guard parsed.positional.isEmpty else { throw UsageError("next-version takes no arguments") }
        let context = try RepositoryContext(arguments: parsed)
        var planner = context.planner
        // The proposal and its reasons need no commit bodies beyond those that decide a bump (kept whole).
        planner.readsBodies = false
        let proposal = try planner.propose(from: parsed.value("from"), to: parsed.value("to") ?? "HEAD",
                                                   prerelease: parsed.value("pre"))
        Output.warnings(proposal.warnings)
        if parsed.has("short") {
            print(proposal.next.description)
        } else {
            let charts = ChartVersionPlanner(repository: context.repository, config: context.config).propose(for: proposal)
            if parsed.has("json") {
                Output.json(proposal.json(includingCommits: false, charts: charts), streaming: "commits", commits: proposal.commits)
            } else {
                print(text(proposal) + text(charts), terminator: "")
            }
        }
        // 100,000 classified commits need no freeing one by one: the process ends here (stdout flushed).
        fflush(nil)
        Output.peakMemoryIfAsked()
        exit(0)
    }

    /// Each chart's own version: `charts/web 0.3.0 → 0.4.0 (minor, 2 commit(s) touched it)`.
    static func text(_ charts: [ChartVersionProposal]) -> String {
        var text = ""
        for chart in charts {
            if let problem = chart.problem { text += "chart \(chart.path): \(problem)\n"; continue }
            if chart.moves, let next = chart.next {
                text += "chart \(chart.path) \(chart.current) → \(next)  (\(chart.bump), \(chart.touching) commit(s) touched it)\n"
            } else {
                text += "chart \(chart.path) stays \(chart.current)  (untouched since the last release)\n"
            }
        }
        return text
    }

    static func text(_ proposal: VersionProposal) -> String {
        let from = proposal.baseTag?.name ?? "no release (0.0.0)"
        guard proposal.isReleaseNeeded else {
            if proposal.commits.isEmpty { return "\(proposal.current) (\(from)): nothing since that release; HEAD is the released commit\n" }
            return "\(proposal.current) (\(from)): no releasable changes in the \(proposal.commits.count) commit(s) since it (only chores, docs or tests)\n"
        }
        var text = "\(proposal.current) → \(proposal.next)  (\(proposal.bump) bump, \(proposal.commits.count) commit(s) since \(from))\n"
        if proposal.tagPrefixSource.hasPrefix("detected"), proposal.tagPrefix != "v" {
            text += "tags are written \(proposal.tagPrefix)X.Y.Z (\(proposal.tagPrefixSource)); the next is \(proposal.nextTagName)\n"
        }
        if let zero = proposal.breakingWhileZero {
            text += "major version is 0: a breaking change bumps \(zero)\n"
        }
        if let override = proposal.versionOverride {
            text += "overridden from \(proposal.computedNext): \(override.reason)\n"
        }
        // Counted by index: each copy of a classified commit retains what it holds, and 100,000 copies show.
        let commits = proposal.commits
        var decidingCount = 0
        var unclassified = 0
        for index in commits.indices {
            if proposal.bump != .none, commits[index].level == proposal.bump {
                if decidingCount == 0 { text += "decided by:\n" }
                if decidingCount < 20 {
                    let commit = commits[index]
                    text += "  \(commit.commit.shortSHA)  \(commit.subject)\n      \(commit.reason)\n"
                }
                decidingCount += 1
            }
            if commits[index].kind == .nonConventional, commits[index].group == .notConventional { unclassified += 1 }
        }
        if decidingCount > 20 { text += "  … and \(decidingCount - 20) more\n" }
        if unclassified > 0 {
            text += "\(unclassified) commit(s) are not conventional and count for nothing until classified (see slipway changes)\n"
        }
        return text
    }
}

