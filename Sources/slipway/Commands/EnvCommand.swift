import Foundation
import SlipwayKit

/// `slipway env`: what runs where, promotion, rollback readiness, a guarded rollback and holds.
enum EnvCommand {
    static let spec = SubcommandSpec(
        name: "env",
        usage: "env status | promote ENV [--version X.Y.Z] | rollback ENV [--to X.Y.Z] [--drill] | readiness ENV | verify ENV [--version X.Y.Z] [--watch DURATION] | hold ENV [--clear]  [--confirm ENV] [--dry-run] [--json]",
        summary: """
        Shows the environments in order with the version each runs, promotes a version the previous environment
        has run, judges rollback readiness, rolls back (holding the version rolled away from) and manages holds.
        verify judges an environment after a deployment: healthy (exit 0), breach or inconclusive (exit 1), from the
        version its backend and the service report and the rollback checks on Prometheus; --watch repeats it.
        Promoting a protected environment (production) and every rollback need --confirm ENV, the exact name.
        """,
        options: [SubcommandSpec.repoOption,
                  .value("version", "promote: the version (default: what the previous environment runs); hold: the version to hold; verify: the version expected"),
                  .value("watch", "verify: re-evaluate at each check's interval for this long (e.g. 10m), stopping at a breach"),
                  .value("to", "rollback: the version to go back to (default: the last good version in history)"),
                  .flag("drill", "rollback: rehearse on a non-production environment, time it, then put the version back"),
                  .value("confirm", "the environment's exact name, required for production promotion and every rollback"),
                  .flag("clear", "hold: clear the environment's holds"),
                  .flag("dry-run", "show what would happen without changing anything"),
                  SubcommandSpec.jsonOption])

    // Long because it is the router of `env`'s seven actions, each its parsing and its output.
    static func run(_ arguments: [String]) throws -> Int32 {
        guard let parsed = try spec.parse(arguments) else { return 0 }
        guard let action = parsed.positional.first else {
            throw UsageError("env needs an action: status, promote, rollback, readiness, verify or hold (see slipway env --help)")
        }
        let rest = Array(parsed.positional.dropFirst())
        let context = try RepositoryContext(arguments: parsed)
        context.sync()
        let pipeline = try EnvironmentPipeline(repository: context.repository, config: context.config)
        let json = parsed.has("json")
        func environmentName() throws -> String {
            guard rest.count == 1 else { throw UsageError("env \(action) needs exactly one environment name") }
            return rest[0]
        }
        do {
            switch action {
            case "status":
                guard rest.isEmpty else { throw UsageError("env status takes no environment") }
                return status(pipeline, json: json)
            case "promote":
                if try recovered(pipeline, try environmentName(), finishing: ["env.promote"]) { return 0 }
                let plan = try pipeline.promotionPlan(try environmentName(), version: parsed.value("version"))
                if !json { print(text(plan), terminator: "") }
                let result = try pipeline.promote(plan, confirmation: parsed.value("confirm"), dryRun: parsed.has("dry-run"))
                report(result, json: json, plan: plan.json)
                return 0
            case "rollback":
                if try recovered(pipeline, try environmentName(), finishing: [parsed.has("drill") ? "env.drill" : "env.rollback"]) { return 0 }
                let plan = try pipeline.rollbackPlan(try environmentName(), to: parsed.value("to"), drill: parsed.has("drill"))
                if !json { print(text(plan), terminator: "") }
                let result = try pipeline.rollback(plan, confirmation: parsed.value("confirm"), dryRun: parsed.has("dry-run"))
                report(result, json: json, plan: plan.json)
                return 0
            case "readiness":
                let readiness = try pipeline.readiness(try environmentName())
                if json { Output.json(readiness.json) } else { print(text(readiness), terminator: "") }
                return readiness.hasFailure ? 1 : 0
            case "verify":
                return try verify(pipeline, name: try environmentName(), version: parsed.value("version"),
                                  watch: parsed.value("watch"), json: json)
            case "hold":
                let name = try environmentName()
                if parsed.has("clear") {
                    let cleared = try pipeline.clearHolds(name)
                    if json {
                        Output.json(.object([("environment", .string(name)), ("cleared", .array(cleared.map { .string($0.version) }))]))
                    } else {
                        print(cleared.isEmpty ? "\(name) had no holds" : "cleared the hold on \(cleared.map(\.version).joined(separator: ", ")) in \(name)")
                    }
                } else {
                    let hold = try pipeline.hold(name, version: parsed.value("version"))
                    if json {
                        Output.json(.object([("environment", .string(name)), ("held", .string(hold.version))]))
                    } else {
                        print("\(hold.version) is held in \(name): nothing promotes it until slipway env hold \(name) --clear")
                    }
                }
                return 0
            default:
                throw UsageError("env: unknown action '\(action)' (status, promote, rollback, readiness, verify, hold)")
            }
        } catch let error as EnvironmentError where error.kind == .refused || error.kind == .confirmationNeeded {
            // A rule said no (a hold, a confirmation, nothing to do): exit 1. Bad input stays exit 2.
            Output.error(error.description)
            return 1
        } catch let error as DeploymentError {
            Output.error(error.message)
            if !error.output.isEmpty {
                FileHandle.standardError.write(Data(("backend output:\n" + error.output + "\n").utf8))
            }
            return 1
        }
    }

    /// What an earlier run killed half-way left on `name`, finished or reversed first and said on stderr; `true`
    /// when it had deployed and was the same kind of operation, which this run then does not do again (a second
    /// rollback would roll back further than anyone asked).
    static func recovered(_ pipeline: EnvironmentPipeline, _ name: String, finishing actions: Set<String>) throws -> Bool {
        guard let recovery = try pipeline.recover(name) else { return false }
        FileHandle.standardError.write(Data("slipway: \(recovery.message)\n".utf8))
        guard recovery.changed, actions.contains(recovery.operation.action) else { return false }
        print("the interrupted \(EnvironmentPipeline.noun(recovery.operation.action)) is dealt with; nothing more was done (run it again if you still want it)")
        return true
    }

    /// `env verify`: the verdict (each round with --watch), kept in the audit log; exit 0 only when healthy.
    static func verify(_ pipeline: EnvironmentPipeline, name: String, version: String?, watch: String?, json: Bool) throws -> Int32 {
        let verifier = EnvironmentVerifier(pipeline: pipeline)
        var rounds: [JSONValue] = []
        let verdict: EnvironmentVerdict
        if let watch {
            guard let duration = DurationText.seconds(watch) else { throw UsageError("--watch '\(watch)' is not a duration (like 90s, 10m, 1h)") }
            verdict = try verifier.watch(name, version: version, duration: duration) { round, verdict in
                if json { rounds.append(verdict.json) } else { print("round \(round) at \(day(verdict.time)):\n" + text(verdict), terminator: "") }
            }
        } else {
            verdict = try verifier.verify(name, version: version)
        }
        do { try pipeline.record(verdict) } catch { Output.warnings(["the verdict could not be kept in the audit log: \(error)"]) }
        if json {
            var document = verdict.json
            if watch != nil, case .object(var members) = document {
                members.append(("rounds", .array(rounds)))
                document = .object(members)
            }
            Output.json(document)
        } else if watch == nil {
            print(text(verdict), terminator: "")
        }
        return verdict.verdict == .healthy ? 0 : 1
    }

    static func text(_ verdict: EnvironmentVerdict) -> String {
        var text = "\(verdict.verdict.symbol) \(verdict.environment): \(verdict.verdict.rawValue)"
        text += " — expects \(verdict.version ?? "?"), the backend runs \(verdict.backend ?? "nothing")"
        if let reported = verdict.reported { text += ", the service reports \(reported)" }
        text += "\n"
        for check in verdict.checks {
            let mark = check.state == .pass ? "✓" : check.state == .breach ? "✗" : "?"
            text += "  \(mark) \(check.check.name): \(check.detail)\n"
        }
        for reason in verdict.reasons where !verdict.checks.contains(where: { reason.hasPrefix($0.check.name + ": ") }) {
            text += "  · \(reason)\n"
        }
        if let target = verdict.rollbackTo, let command = verdict.rollbackCommand {
            text += "roll back to \(target): \(command)  (or R on the console's Rollback panel)\n"
        }
        return text
    }

    static func status(_ pipeline: EnvironmentPipeline, json: Bool) -> Int32 {
        let statuses = pipeline.statuses()
        if json {
            Output.json(.object([("environments", .array(statuses.map(\.json)))]))
        } else if statuses.isEmpty {
            print("no environments are configured; add an \"environments\" list to .slipway.json")
        } else {
            let width = max(statuses.map(\.name.count).max() ?? 0, 4)
            for status in statuses {
                var line = status.name.padding(toLength: width + 2, withPad: " ", startingAt: 0)
                if let problem = status.problem {
                    line += "?  " + problem
                } else {
                    line += (status.version ?? "—").padding(toLength: 12, withPad: " ", startingAt: 0)
                    if let since = status.state?.since { line += "since " + day(since) + "  " }
                    if let by = status.state?.by { line += "by " + by + "  " }
                    line += status.settings.backend.kind
                    if status.settings.auto { line += "  (deployed by CI)" }
                    if let pending = status.state?.status, status.state?.isPending == true { line += "  \(pending)" }
                    if let promotable = status.promotable { line += "  ← \(promotable) can be promoted" }
                    if !status.holds.isEmpty { line += "  held: " + status.holds.map(\.version).joined(separator: ", ") }
                    if let verdict = status.lastVerdict {
                        line += "  \(verdict.verdict.symbol) \(verdict.verdict.rawValue) on \(verdict.version ?? "?") at \(day(verdict.time))"
                    }
                }
                print(line)
                if let recovery = status.state?.recovery { print("    recovery: \(recovery)") }
                if let interrupted = status.interrupted { print("    interrupted: \(interrupted.warning)") }
            }
        }
        return statuses.contains { $0.problem != nil } ? 1 : 0
    }

    static func day(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: date)
    }

    static func text(_ plan: PromotionPlan) -> String {
        var text = "promote \(plan.environment.name): \(plan.current ?? "nothing") → \(plan.target)"
        text += plan.source.map { "  (from \($0))\n" } ?? "\n"
        for commit in plan.commits.prefix(30) { text += "  \(commit.shortSHA)  \(commit.message.subject)\n" }
        if plan.commits.count > 30 { text += "  … and \(plan.commits.count - 30) more\n" }
        for note in plan.notes { text += "  (\(note))\n" }
        if !plan.changelog.isEmpty { text += "\n" + plan.changelog + "\n\n" }
        return text
    }

    static func text(_ plan: RollbackPlan) -> String {
        var text = "\(plan.drill ? "drill: roll" : "roll") \(plan.environment.name) back: \(plan.current ?? "nothing") → \(plan.target.version)"
        text += " (\(plan.choice)\(plan.target.revision.map { ", revision \($0)" } ?? ""))\n"
        if !plan.commits.isEmpty { text += "takes away:\n" }
        for commit in plan.commits.prefix(30) { text += "  \(commit.shortSHA)  \(commit.message.subject)\n" }
        return text
    }

    static func text(_ readiness: RollbackReadiness) -> String {
        var text = "rollback readiness of \(readiness.environment): runs \(readiness.deployed ?? "nothing"), would go back to \(readiness.target ?? "nothing")\n"
        for item in readiness.items {
            text += "  \(item.state.symbol) \(item.title): \(item.reason)\n"
            for detail in item.details { text += "      \(detail)\n" }
        }
        return text
    }

    static func report(_ result: DeploymentActionResult, json: Bool, plan: JSONValue) {
        for note in result.notes { FileHandle.standardError.write(Data("slipway: \(note)\n".utf8)) }
        if json {
            Output.json(.object([("plan", plan), ("result", result.json)]))
            return
        }
        if result.dryRun {
            print("dry run: " + result.outcome.output)
            return
        }
        var line = "\(result.environment) now runs \(result.to) (\(RollbackTiming.format(result.durationSeconds))"
        if let target = result.targetSeconds, let within = result.withinTarget {
            line += within ? ", within the \(RollbackTiming.format(target)) target" : ", OVER the \(RollbackTiming.format(target)) target"
        }
        line += ")"
        print(line)
        if let restored = result.restored { print("drill done: \(result.environment) is back on \(restored)") }
        if result.action == "env.rollback", result.restored == nil, let from = result.from {
            print("\(from) is held: nothing promotes it until slipway env hold \(result.environment) --clear")
        }
    }
}
