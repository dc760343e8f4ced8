import Foundation
import SlipwayKit

/// `slipway env`: what runs where, promotion, rollback readiness, a guarded rollback and holds.
enum EnvCommand {
    static let spec = SubcommandSpec(
        name: "env",
        usage: "env status | promote ENV [--version X.Y.Z] | rollback ENV [--to X.Y.Z] [--drill] | readiness ENV | hold ENV [--clear]  [--confirm ENV] [--dry-run] [--json]",
        summary: """
        Shows the environments in order with the version each runs, promotes a version the previous environment
        has run, judges rollback readiness, rolls back (holding the version rolled away from) and manages holds.
        Promoting a protected environment (production) and every rollback need --confirm ENV, the exact name.
        """,
        options: [SubcommandSpec.repoOption,
                  .value("version", "promote: the version (default: what the previous environment runs); hold: the version to hold"),
                  .value("to", "rollback: the version to go back to (default: the last good version in history)"),
                  .flag("drill", "rollback: rehearse on a non-production environment, time it, then put the version back"),
                  .value("confirm", "the environment's exact name, required for production promotion and every rollback"),
                  .flag("clear", "hold: clear the environment's holds"),
                  .flag("dry-run", "show what would happen without changing anything"),
                  SubcommandSpec.jsonOption])

    static func run(_ arguments: [String]) throws -> Int32 {
        guard let parsed = try spec.parse(arguments) else { return 0 }
        guard let action = parsed.positional.first else {
            throw UsageError("env needs an action: status, promote, rollback, readiness or hold (see slipway env --help)")
        }
        let rest = Array(parsed.positional.dropFirst())
        let context = try RepositoryContext(arguments: parsed)
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
                let plan = try pipeline.promotionPlan(try environmentName(), version: parsed.value("version"))
                if !json { print(text(plan), terminator: "") }
                let result = try pipeline.promote(plan, confirmation: parsed.value("confirm"), dryRun: parsed.has("dry-run"))
                report(result, json: json, plan: plan.json)
                return 0
            case "rollback":
                let plan = try pipeline.rollbackPlan(try environmentName(), to: parsed.value("to"), drill: parsed.has("drill"))
                if !json { print(text(plan), terminator: "") }
                let result = try pipeline.rollback(plan, confirmation: parsed.value("confirm"), dryRun: parsed.has("dry-run"))
                report(result, json: json, plan: plan.json)
                return 0
            case "readiness":
                let readiness = try pipeline.readiness(try environmentName())
                if json { Output.json(readiness.json) } else { print(text(readiness), terminator: "") }
                return readiness.hasFailure ? 1 : 0
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
                throw UsageError("env: unknown action '\(action)' (status, promote, rollback, readiness, hold)")
            }
        } catch let error as DeploymentError {
            Output.error(error.message)
            if !error.output.isEmpty {
                FileHandle.standardError.write(Data(("backend output:\n" + error.output + "\n").utf8))
            }
            return 1
        }
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
                }
                print(line)
                if let recovery = status.state?.recovery { print("    recovery: \(recovery)") }
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
