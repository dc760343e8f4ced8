import SlipwayKit

/// `slipway release …`: the release standard's steps 1–8 from the command line.
enum ReleaseCommand {
    static let actions = ["status", "prepare", "open-pr", "approve", "merge", "tag", "publish-status", "notify"]

    static let spec = SubcommandSpec(
        name: "release",
        usage: "release status | prepare [--version X.Y.Z] [--override-reason TEXT] [--take-over] | open-pr | approve | merge | tag | publish-status | notify [--version X.Y.Z] [--resend CHANNEL]  [--package NAME] [--dry-run] [--json]",
        summary: """
        Steps through the release in progress (found from the release branch, the journal under .git/slipway/ and
        the forge, whatever branch is checked out). status shows every step with its state and the fix for a
        blocked one; the other actions run one step (--dry-run prints the exact commands instead). merge exits 1
        while approvals are short. notify sends the release notice (CHANGELOG excerpt, impacted systems, where it runs)
        to every channel in "notify", exactly once per version and channel (recorded in git notes on the remote).
        """,
        options: [SubcommandSpec.repoOption, .value("version", "prepare: release this version instead of the proposed one"),
                  .value("override-reason", "prepare: go on despite chart lint errors; the reason is kept in the audit log"),
                  .value("resend", "notify: send to this channel (its kind or its id) again"),
                  .flag("take-over", "prepare: take the release over from the clone that began it (the audit log says whose it was)"),
                  .flag("dry-run", "print the commands, change nothing"), RepositoryContext.packageOption, SubcommandSpec.jsonOption])

    static func run(_ arguments: [String]) throws -> Int32 {
        guard let parsed = try spec.parse(arguments) else { return 0 }
        guard parsed.positional.count == 1, let action = parsed.positional.first, actions.contains(action) else {
            throw UsageError("release: say one of \(actions.joined(separator: ", ")) (see slipway release --help)")
        }
        let context = try RepositoryContext(arguments: parsed)
        context.sync()
        let engine = ReleaseEngine(repository: context.repository, config: context.config, files: ReleaseFileEditor())
        let dryRun = parsed.has("dry-run")
        do {
            let report: ActionReport
            switch action {
            case "status":
                let status = try engine.status()
                Output.warnings(status.warnings)
                if parsed.has("json") { Output.json(status.json) } else { print(text(status), terminator: "") }
                return 0
            case "publish-status":
                return publishStatus(try engine.status(), json: parsed.has("json"))
            case "notify":
                return try notify(context, parsed: parsed)
            case "prepare":
                var version: SemanticVersion?
                if let text = parsed.value("version") { version = try SemanticVersion(parsing: text) }
                if let reason = parsed.value("override-reason"), reason.trimmingCharacters(in: .whitespaces).isEmpty {
                    throw UsageError("--override-reason needs the reason in words")
                }
                report = try engine.prepare(version: version, dryRun: dryRun, overrideReason: parsed.value("override-reason"),
                                            takeOver: parsed.has("take-over"))
            case "open-pr": report = try engine.openPullRequest(dryRun: dryRun)
            case "approve": report = try engine.approve(dryRun: dryRun)
            case "merge": report = try engine.merge(dryRun: dryRun)
            default: report = try engine.tag(dryRun: dryRun)
            }
            Output.report(report, json: parsed.has("json"))
            return 0
        } catch let blocked as ReleaseBlocked {
            Output.error(blocked.description)
            return 1
        } catch let notice as NoticeError {
            Output.error(notice.description)
            return 1
        }
    }

    /// `release notify`: the notice to each channel once; exit 1 when a channel failed.
    static func notify(_ context: RepositoryContext, parsed: ParsedArguments) throws -> Int32 {
        let channels = try context.config.notifyChannels()
        guard !channels.isEmpty else {
            throw UsageError("no notify channels are configured; add \"notify\" to .slipway.json (webhook, email, command, file, forge-release)")
        }
        if let resend = parsed.value("resend"), !channels.contains(where: { $0.id == resend || $0.kind == resend }) {
            throw UsageError("--resend \(resend) names no configured channel (\(channels.map(\.id).joined(separator: "; ")))")
        }
        let release = try ArtefactsCommand.release(parsed.value("version"), context: context)
        let statuses = (try? EnvironmentPipeline(repository: context.repository, config: context.config).statuses()) ?? []
        let notice = try NoticeComposer(repository: context.repository, config: context.config).compose(release, environments: statuses)
        let notifier = ReleaseNotifier(repository: context.repository, config: context.config)
        let report = try notifier.notify(release, notice: notice, dryRun: parsed.has("dry-run"), resend: parsed.value("resend"))
        if parsed.has("json") {
            Output.json(.object([("version", .string(release.version.description)), ("tag", .string(release.tag)),
                                 ("dryRun", .bool(parsed.has("dry-run"))), ("notice", notice.json),
                                 ("channels", .array(report.outcomes.map(\.json))),
                                 ("recordProblem", report.recordProblem.map(JSONValue.string) ?? .null)]))
        } else {
            if parsed.has("dry-run") { print("Subject: \(notice.subject)\n\n\(notice.text)") }
            for outcome in report.outcomes {
                let mark = outcome.state == .sent ? "✓" : outcome.state == .failed ? "✗" : "·"
                print("\(mark) \(outcome.channel): \(outcome.state.rawValue) — \(outcome.detail)")
            }
        }
        if let problem = report.recordProblem { Output.warnings([problem]) }
        return report.failed ? 1 : 0
    }

    /// Step 8 of the release in progress once its tag is pushed, else of the last release.
    static func publishStatus(_ status: ReleaseStatus, json: Bool) -> Int32 {
        let tagged = status.started && status.state(of: .tag)?.isDone == true
        let tag = tagged ? status.tagName : status.lastRelease?.tag
        guard let state = tagged ? status.state(of: .publish) : status.lastRelease?.publish else {
            Output.error("no release is tagged yet, so nothing was published")
            return 1
        }
        let artefacts = tagged ? status.artefacts : status.lastRelease?.artefacts ?? []
        if json {
            Output.json(.object([("tag", tag.map(JSONValue.string) ?? .null), ("state", .string(state.name)),
                                 ("detail", .string(state.detail)), ("fix", state.fix.map(JSONValue.string) ?? .null),
                                 ("artefacts", .array(artefacts.map(\.json)))]))
        } else {
            print("\(tag ?? "no release"): \(state.name) — \(state.detail)")
            print(ArtefactsCommand.lines(artefacts, indent: "  "), terminator: "")
        }
        switch state {
        case .failed, .blocked: return 1
        case .done, .ready, .running: return 0
        }
    }

    static func mark(_ state: StepState) -> String {
        switch state {
        case .done: return "✓"
        case .ready: return "→"
        case .blocked: return "·"
        case .running: return "…"
        case .failed: return "✗"
        }
    }

    static func text(_ status: ReleaseStatus) -> String {
        var text = status.version.map { "release \($0) (\(status.branch ?? "not started"))\n" } ?? "no release to make\n"
        for (step, state) in status.steps {
            text += " \(mark(state)) \(step.rawValue). \(step.title): \(state.name) — \(state.detail)\n"
            if let fix = state.fix { text += "       fix: \(fix)\n" }
            if step == .publish { text += ArtefactsCommand.lines(status.artefacts, indent: "       ") }
        }
        if let last = status.lastRelease {
            text += "last release \(last.tag)\(last.tagPushed ? "" : " (tag not on the remote)")\n"
            text += " \(mark(last.publish)) 8. \(ReleaseStep.publish.title): \(last.publish.name) — \(last.publish.detail)\n"
            if let fix = last.publish.fix { text += "       fix: \(fix)\n" }
            text += ArtefactsCommand.lines(last.artefacts, indent: "       ")
            for (step, state) in last.postRelease {
                text += " \(mark(state)) \(step.rawValue). \(step.title): \(state.name) — \(state.detail)\n"
                if let fix = state.fix { text += "       fix: \(fix)\n" }
            }
        }
        if let pr = status.pullRequest {
            text += "approvals: \(pr.countingApprovals) of \(status.requiredApprovals)"
            for review in pr.reviews {
                text += "\n  \(review.name) <\(review.reviewer)> \(review.state.rawValue)\(review.stale ? " (stale)" : "")\(review.isAuthor ? " (author: does not count)" : "")"
            }
            text += "\n"
        }
        return text
    }
}
