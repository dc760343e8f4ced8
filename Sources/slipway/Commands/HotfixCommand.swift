import Foundation
import SlipwayKit

/// `slipway hotfix …`: the hotfix process (RELEASE-PROCESS.md §3) from the command line.
enum HotfixCommand {
    static let actions = ["start", "prepare", "approve", "merge", "tag", "status", "backport", "approve-backport", "merge-backport"]

    static let spec = SubcommandSpec(
        name: "hotfix",
        usage: "hotfix start [--from TAG] [--version X.Y.Z] | prepare V [--override-reason TEXT] | approve V | merge V [--override-reason TEXT] | tag V | status | backport V | approve-backport V | merge-backport V  [--dry-run] [--json]",
        summary: """
        Hotfixes from a release tag: start branches hotfix/vX.Y.Z from the latest release tag (or --from TAG) at its
        next PATCH and pushes it; prepare commits the version and the CHANGELOG section onto it; approve records a
        review (one tech lead from forge.techLeads is enough); merge merges it into maintenance/vX.Y.x; tag pushes
        vX.Y.Z; backport cherry-picks what main lacks onto backport/vX.Y.Z and opens it; approve-backport reviews that
        PR (never its author) and merge-backport merges it into main once it has forge.requiredApprovals. status is
        the leads' board. A commit that
        is not PATCH-level stops prepare and merge unless --override-reason says why. Exit 1 when a check refuses.
        """,
        options: [SubcommandSpec.repoOption, .value("from", "start: the release tag to start from (default: the latest)"),
                  .value("version", "start: a later PATCH than the next one (when the next is taken)"),
                  .value("override-reason", "prepare, merge: go on although a commit is not PATCH-level, for this reason"),
                  .flag("dry-run", "print the commands, change nothing"), SubcommandSpec.jsonOption])

    static func run(_ arguments: [String]) throws -> Int32 {
        guard let parsed = try spec.parse(arguments) else { return 0 }
        guard let action = parsed.positional.first, actions.contains(action) else {
            throw UsageError("hotfix: say one of \(actions.joined(separator: ", ")) (see slipway hotfix --help)")
        }
        let needsVersion = !["start", "status"].contains(action)
        guard parsed.positional.count == (needsVersion ? 2 : 1) else {
            throw UsageError(needsVersion ? "hotfix \(action): give the hotfix's version, e.g. slipway hotfix \(action) 1.0.1"
                                          : "hotfix \(action) takes no version")
        }
        if parsed.value("from") != nil || parsed.value("version") != nil, action != "start" {
            throw UsageError("hotfix: --from and --version go with start only")
        }
        if parsed.value("override-reason") != nil, !["prepare", "merge"].contains(action) {
            throw UsageError("hotfix: --override-reason goes with prepare or merge only")
        }
        if let reason = parsed.value("override-reason"), reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw UsageError("hotfix: --override-reason needs the reason in words")
        }
        let version = try needsVersion ? SemanticVersion(parsing: parsed.positional[1]) : nil
        let chosen = try parsed.value("version").map { (text) throws(SemanticVersionError) in try SemanticVersion(parsing: text) }
        let context = try RepositoryContext(arguments: parsed)
        context.sync()
        let engine = HotfixEngine(repository: context.repository, config: context.config)
        let dryRun = parsed.has("dry-run")
        let json = parsed.has("json")
        do {
            let report: ActionReport
            switch (action, version) {
            case ("status", _):
                let board = try HotfixBoard.load(engine)
                Output.warnings(board.warnings)
                if json { Output.json(board.json) } else { print(board.text, terminator: "") }
                return 0
            case ("start", _): report = try engine.start(from: parsed.value("from"), version: chosen, dryRun: dryRun)
            case ("prepare", let version?): report = try engine.prepare(version, overrideReason: parsed.value("override-reason"), dryRun: dryRun)
            case ("approve", let version?): report = try engine.approve(version, dryRun: dryRun)
            case ("merge", let version?): report = try engine.merge(version, overrideReason: parsed.value("override-reason"), dryRun: dryRun)
            case ("tag", let version?): report = try engine.tag(version, dryRun: dryRun)
            case ("backport", let version?): report = try engine.backport(version, dryRun: dryRun)
            case ("approve-backport", let version?): report = try engine.approveBackport(version, dryRun: dryRun)
            case ("merge-backport", let version?): report = try engine.mergeBackport(version, dryRun: dryRun)
            default: throw UsageError("hotfix \(action): give the hotfix's version")
            }
            Output.report(report, json: json)
            return 0
        } catch let blocked as ReleaseBlocked {
            Output.error(blocked.description)
            return 1
        } catch let conflict as BackportConflict {
            Output.error(conflict.description)
            if json {
                Output.json(.object([("action", .string("hotfix.backport")), ("version", .string(conflict.version.description)),
                                     ("conflict", .bool(true)), ("branch", .string(conflict.branch)), ("commit", .string(conflict.commit)),
                                     ("files", .array(conflict.files.map(JSONValue.string))),
                                     ("next", .array(conflict.nextCommands.map(JSONValue.string)))]))
            }
            return 1
        }
    }
}
