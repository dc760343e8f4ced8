import Foundation

/// The environments of a repository in order, with their backends, holds and audit log: status, promotion,
/// rollback and readiness as values a panel or a headless command can show.
public struct EnvironmentPipeline: Sendable {
    public let repository: GitRepository
    public let config: SlipwayConfig
    public let environments: [EnvironmentSettings]
    public let audit: AuditLog
    public let holds: EnvironmentHolds
    private let makeBackend: @Sendable (EnvironmentSettings) -> any DeploymentBackend

    /// The pipeline `.slipway.json` describes, with the standard backends.
    public init(repository: GitRepository, config: SlipwayConfig, runner: (any CommandRunning)? = nil) throws(ConfigError) {
        let environments = try config.environments()
        self.init(repository: repository, config: config, environments: environments) { environment in
            DeploymentBackends.make(for: environment, repository: repository, runner: runner)
        }
    }

    /// A pipeline with backends of the caller's making.
    public init(repository: GitRepository, config: SlipwayConfig, environments: [EnvironmentSettings],
                backend: @escaping @Sendable (EnvironmentSettings) -> any DeploymentBackend) {
        self.repository = repository
        self.config = config
        self.environments = environments
        self.audit = AuditLog(repository: repository, remote: config.forge.remote)
        self.holds = EnvironmentHolds(repository: repository, remote: config.forge.remote)
        self.makeBackend = backend
    }

    /// The backend that deploys `environment`.
    public func backend(for environment: EnvironmentSettings) -> any DeploymentBackend { makeBackend(environment) }

    /// The environment called `name`.
    public func environment(_ name: String) throws(EnvironmentError) -> EnvironmentSettings {
        guard !environments.isEmpty else {
            throw EnvironmentError(.notConfigured, "no environments are configured; add an \"environments\" list to .slipway.json")
        }
        guard let environment = environments.first(where: { $0.name == name }) else {
            throw EnvironmentError(.unknownEnvironment, "'\(name)' is not a configured environment (configured: \(environments.map(\.name).joined(separator: ", ")))")
        }
        return environment
    }

    func previous(of environment: EnvironmentSettings) -> EnvironmentSettings? {
        guard let index = environments.firstIndex(where: { $0.name == environment.name }), index > 0 else { return nil }
        return environments[index - 1]
    }

    /// `Name <email>` of whoever acts, from git's identity.
    public var identity: String {
        let environment = ProcessInfo.processInfo.environment
        let name = (try? repository.config("user.name")) ?? environment["GIT_AUTHOR_NAME"]
        let email = (try? repository.config("user.email")) ?? environment["GIT_AUTHOR_EMAIL"]
        switch (name, email) {
        case let (name?, email?): return "\(name) <\(email)>"
        case let (name?, nil): return name
        default: return "unknown"
        }
    }

    // MARK: Status

    /// Every environment in order with what it runs; an unreadable one carries its problem instead.
    public func statuses() -> [EnvironmentStatus] {
        let allHolds = (try? holds.all()) ?? []
        let verdicts = lastVerdicts()
        // Each backend is read at once, in parallel: a hung cluster costs one deadline, not one per environment.
        let states = LockedArray<Result<DeploymentState, DeploymentError>>.map(count: environments.count) { index in
            Result { () throws(DeploymentError) in try backend(for: environments[index]).state() }
        }
        var result: [EnvironmentStatus] = []
        for (environment, state) in zip(environments, states) {
            var status = EnvironmentStatus(settings: environment, state: nil,
                                           holds: allHolds.filter { $0.environment == environment.name })
            status.lastVerdict = verdicts[environment.name]
            status.interrupted = interrupted(environment.name)
            switch state {
            case .success(let state): status.state = state
            case .failure(let error): status.problem = error.description
            }
            if !environment.auto, let previous = result.last?.version, previous != status.version,
               !allHolds.contains(where: { $0.version == previous }) {
                status.promotable = previous
            }
            result.append(status)
        }
        return result
    }

    /// What `environment` ran, newest first: the backend's history, or the audit log where the backend keeps none.
    public func history(of environment: EnvironmentSettings) throws(DeploymentError) -> [DeploymentRecord] {
        let records = try backend(for: environment).history()
        if !records.isEmpty { return records }
        return audit.entries().entries.reversed().compactMap { entry in
            guard entry.target == environment.name, entry.outcome == "ok", let version = entry.version,
                  entry.action == "env.promote" || entry.action == "env.rollback" else { return nil }
            return DeploymentRecord(version: version, time: entry.time, by: entry.identity)
        }
    }

    // MARK: Promotion

    /// What promoting `name` would do, or why it is refused.
    public func promotionPlan(_ name: String, version: String? = nil) throws -> PromotionPlan {
        let environment = try environment(name)
        if environment.auto {
            throw EnvironmentError(.refused, "\(name) is deployed by CI on every merge to main; Slipway does not promote it")
        }
        if let version, SemanticVersion(version) == nil {
            throw EnvironmentError(.badInput, "'\(version)' is not a version X.Y.Z; pass --version with a released version")
        }
        let currentState = try backend(for: environment).state()
        if currentState.isPending {
            throw EnvironmentError(.refused, "\(name) is stuck in \(currentState.status ?? "a pending state") and cannot be promoted; \(currentState.recovery ?? "recover it first")")
        }
        let current = currentState.version
        let allHolds = try holds.all()
        var offered: [String] = []
        var source: String?
        let target: String
        if let previous = previous(of: environment) {
            source = previous.name
            let previousState = try backend(for: previous).state()
            let heldVersions = Set(allHolds.map(\.version))
            for candidate in [previousState.version].compactMap({ $0 })
                + (try history(of: previous)).filter(\.wasHealthy).map(\.version)
            where !offered.contains(candidate) && !heldVersions.contains(candidate) {
                offered.append(candidate)
            }
            guard let chosen = version ?? previousState.version else {
                throw EnvironmentError(.refused, "\(previous.name) runs nothing yet, so there is nothing to promote to \(name)")
            }
            if let hold = allHolds.first(where: { $0.version == chosen }) {
                throw EnvironmentError(.refused, "\(chosen) is held since it was rolled back in \(hold.environment) (\(hold.reason)); clear it with slipway env hold \(hold.environment) --clear")
            }
            guard offered.contains(chosen) else {
                throw EnvironmentError(.refused, "\(chosen) has not run healthy in \(previous.name) (it runs \(previousState.version ?? "nothing")); promote only what \(previous.name) has run")
            }
            target = chosen
        } else {
            guard let version else {
                throw EnvironmentError(.badInput, "\(name) is the first environment; pass --version X.Y.Z")
            }
            guard tagName(for: version) != nil else {
                throw EnvironmentError(.refused, "no release tag \(config.tagPrefix)\(version) in this repository; promote a released version")
            }
            if let hold = allHolds.first(where: { $0.version == version }) {
                throw EnvironmentError(.refused, "\(version) is held since it was rolled back in \(hold.environment) (\(hold.reason)); clear it with slipway env hold \(hold.environment) --clear")
            }
            target = version
            offered = [version]
        }
        if target == current {
            throw EnvironmentError(.refused, "\(name) already runs \(target); nothing to promote")
        }
        var plan = PromotionPlan(environment: environment, current: current, target: target, source: source, offered: offered)
        (plan.commits, plan.notes) = commits(from: current, to: target)
        if let text = try? String(contentsOfFile: repository.root + "/" + config.changelog, encoding: .utf8) {
            plan.changelog = ChangelogExcerpt.between(text, after: current, through: target)
        }
        return plan
    }

    /// Audits an action that did not run (refused, dry run); an audit log that cannot be written does not stop it.
    func record(_ action: String, _ version: String, _ environment: EnvironmentSettings, outcome: String, detail: String) {
        try? audit.append(AuditEntry(identity: identity, action: action, version: version, target: environment.name,
                                     outcome: outcome, durationSeconds: 0, detail: detail))
    }

    func criteriaRecord(_ environment: EnvironmentSettings, version: String) -> String? {
        if let path = planPath(environment, version: version), let plan = planDocument(path, version: version), plan.criteria != nil {
            return "criteria: Rollback criteria section in \(plan.path)"
        }
        if !environment.rollback.checks.isEmpty {
            return "criteria: " + environment.rollback.checks.map { "\($0.name) \($0.threshold)" }.joined(separator: "; ")
        }
        return environment.rollback.criteria.map { "criteria: " + $0 }
    }

    /// Audits a failed action and returns the error, saying what the environment reports now.
    func failed(_ error: DeploymentError, environment: EnvironmentSettings, action: String, version: String,
                        start: Date) -> DeploymentError {
        let duration = Date().timeIntervalSince(start)
        try? audit.append(AuditEntry(identity: identity, action: action, version: version, target: environment.name,
                                     outcome: "failed", durationSeconds: duration, detail: error.message))
        let now: String
        if let state = try? backend(for: environment).state() {
            now = "\(environment.name) now reports \(state.version ?? "nothing deployed")" + (state.status.map { " (\($0))" } ?? "")
        } else {
            now = "\(environment.name)'s state could not be read afterwards; check it with slipway env status"
        }
        return DeploymentError(error.kind, error.message + "; " + now, output: error.output)
    }

    // MARK: Rollback

    /// The version `name` would go back to: `to`, or the last good version in its history.
    public func rollbackPlan(_ name: String, to: String? = nil, drill: Bool = false) throws -> RollbackPlan {
        let environment = try environment(name)
        if drill, environment.protected {
            throw EnvironmentError(.refused, "drills run on non-production environments; \(name) is protected")
        }
        let current = try backend(for: environment).state().version
        guard let current else { throw EnvironmentError(.refused, "\(name) runs nothing, so there is nothing to roll back") }
        let records = try history(of: environment)
        let (target, choice) = try rollbackTarget(environment, current: current, records: records, to: to)
        var plan = RollbackPlan(environment: environment, current: current, target: target, choice: choice, drill: drill)
        plan.commits = commits(from: target.version, to: current).0
        let held = Set(((try? holds.all()) ?? []).filter { $0.environment == environment.name }.map(\.version))
        for record in records where record.version != current && !held.contains(record.version) && !plan.offered.contains(record.version) {
            plan.offered.append(record.version)
        }
        return plan
    }

    func rollbackTarget(_ environment: EnvironmentSettings, current: String, records: [DeploymentRecord],
                        to: String?) throws -> (DeploymentRecord, String) {
        if let to {
            guard SemanticVersion(to) != nil else {
                throw EnvironmentError(.badInput, "'\(to)' is not a version X.Y.Z; pass --to with a version \(environment.name) ran")
            }
            guard to != current else { throw EnvironmentError(.refused, "\(environment.name) already runs \(to)") }
            if let hold = ((try? holds.all()) ?? []).first(where: { $0.environment == environment.name && $0.version == to }) {
                throw EnvironmentError(.refused, "\(to) is held in \(environment.name) (\(hold.reason)); a rollback never goes back to a held version — clear it first with slipway env hold \(environment.name) --clear")
            }
            guard let record = records.first(where: { $0.version == to && $0.wasHealthy }) ?? records.first(where: { $0.version == to }) else {
                throw EnvironmentError(.refused, "the history of \(environment.name) does not know \(to); pick one of: \(Set(records.map(\.version)).sorted().joined(separator: ", "))")
            }
            return (record, "--to \(to)")
        }
        let held = Set(((try? holds.all()) ?? []).filter { $0.environment == environment.name }.map(\.version))
        let avoided = held.union(rolledAwayFrom(environment.name))
        guard let record = records.first(where: { $0.version != current && $0.wasHealthy && !avoided.contains($0.version) }) else {
            throw EnvironmentError(.refused, "the history of \(environment.name) has no earlier good version to roll back to")
        }
        return (record, "last good version in history")
    }

    // MARK: Readiness

    /// The rollback readiness checklist of `name`.
    public func readiness(_ name: String) throws -> RollbackReadiness {
        let environment = try environment(name)
        let backend = backend(for: environment)
        var state: DeploymentState?
        var stateProblem: String?
        do { state = try backend.state() } catch { stateProblem = error.description }
        if let stateProblem, state == nil {
            throw DeploymentError(.backend, "cannot judge the rollback readiness of \(name): \(stateProblem)")
        }
        let records = (try? history(of: environment)) ?? []
        var target: DeploymentRecord?
        if let current = state?.version {
            target = try? rollbackTarget(environment, current: current, records: records, to: nil).0
        }
        var inputs = RollbackReadiness.Inputs(environment: environment, state: state, target: target)
        if let version = state?.version {
            inputs.planPath = planPath(environment, version: version)
            if let path = inputs.planPath {
                inputs.plan = planDocument(path, version: version)
                inputs.planCommitted = firstCommitTime(path)
                if let plan = inputs.plan {
                    inputs.planPath = plan.path
                } else if path.lowercased().hasSuffix(".md") {
                    inputs.planPath = "\(path) (section \(config.tagPrefix)\(version))"
                }
            }
            inputs.recordedCriteria = audit.entries().entries.last(where: {
                $0.action == "env.promote" && $0.target == name && $0.version == version && $0.outcome == "ok"
                    && ($0.detail?.hasPrefix("criteria: ") ?? false)
            })?.detail.map { String($0.dropFirst("criteria: ".count)) }
        }
        inputs.migrations = try config.migrations()
        if let migrations = inputs.migrations, let target, let deployed = state?.version {
            inputs.migrationFindings = migrationFindings(migrations, from: target.version, to: deployed)
        }
        lookUpArtefacts(&inputs, target: target)
        var kinds: [String: String] = [:]
        for other in environments { kinds[other.name] = other.backend.kind }
        inputs.timing = RollbackTiming.measure(environment: name, backendKind: environment.backend.kind,
                                               kindsByEnvironment: kinds, entries: audit.entries().entries)
        if case .helm = environment.backend { inputs.helmHistory = records }
        if let query = environment.rollback.checks.first?.query { inputs.checksCommitted = firstCommitTime(SlipwayConfig.fileName, containing: query) }
        var readiness = RollbackReadiness.evaluate(inputs)
        readiness.criteria = EnvironmentVerifier(pipeline: self).evaluate(environment.rollback.checks)
        return readiness
    }

    /// The rollback target's artefacts, looked up in their registries.
    func lookUpArtefacts(_ inputs: inout RollbackReadiness.Inputs, target: DeploymentRecord?) {
        do { inputs.artefacts = try config.artefacts() } catch {
            inputs.artefactProblem = "the artefacts cannot be looked up: \(error.description)"
            return
        }
        guard !inputs.artefacts.isEmpty, let target else { return }
        guard let version = SemanticVersion(target.version),
              let release = ArtefactRelease.find(version, in: repository, tagPrefix: config.tagPrefix) else {
            inputs.artefactProblem = "no release tag for \(target.version), so its artefacts cannot be looked up"
            return
        }
        inputs.artefactChecks = ArtefactVerifier(repository: repository, artefacts: inputs.artefacts).verify(release)
    }

    func migrationFindings(_ settings: MigrationSettings, from: String, to: String) -> Result<[MigrationFinding], EnvironmentError> {
        guard let fromTag = tagName(for: from) else {
            return .failure(EnvironmentError(.badInput, "no release tag for \(from), so the migrations since it cannot be told"))
        }
        guard let toTag = tagName(for: to) else {
            return .failure(EnvironmentError(.badInput, "no release tag for \(to), so the migrations since \(from) cannot be told"))
        }
        do {
            let files = try MigrationScan.collect(repository, settings: settings, from: fromTag, to: toTag)
            return .success(MigrationReversibility.assess(settings.kind, added: files.added, all: files.all))
        } catch {
            return .failure(EnvironmentError(.badInput, "the migrations in \(settings.path) could not be read: \(error.description)"))
        }
    }

    // MARK: Repository look-ups

    /// The release tag naming `version` (`v1.2.3`), if the repository has it.
    public func tagName(for version: String) -> String? {
        for candidate in [config.tagPrefix + version, version] {
            if (try? repository.resolveCommit("refs/tags/" + candidate)) != nil { return candidate }
        }
        return nil
    }

    func commits(from: String?, to: String) -> ([GitCommit], [String]) {
        guard let from else { return ([], ["nothing deployed before, so every commit up to \(to) is new"]) }
        guard let fromTag = tagName(for: from), let toTag = tagName(for: to) else {
            return ([], ["no release tags for \(from) and \(to) in this repository, so the commits between them are not shown"])
        }
        do { return (try GitLogReader.read(repository, range: ["\(fromTag)..\(toTag)"]), []) } catch {
            return ([], ["the commits between \(fromTag) and \(toTag) could not be read: \(error.description)"])
        }
    }

    /// The plan file for `version`: `<plans>/<tagPrefix>X.Y.Z.md`, or the runbook itself when `plans` is a `.md` file.
    func planPath(_ environment: EnvironmentSettings, version: String) -> String? {
        guard let folder = environment.rollback.plans else { return nil }
        if folder.lowercased().hasSuffix(".md") { return folder }
        let bare = version.hasPrefix(config.tagPrefix) && !config.tagPrefix.isEmpty ? String(version.dropFirst(config.tagPrefix.count)) : version
        return (folder.hasSuffix("/") ? folder : folder + "/") + config.tagPrefix + bare + ".md"
    }

    /// The plan at `path`; in a runbook, only the section whose heading names `version`.
    func planDocument(_ path: String, version: String) -> RollbackPlanDocument? {
        guard let data = FileManager.default.contents(atPath: repository.root + "/" + path) else { return nil }
        let text = String(decoding: data, as: UTF8.self)
        guard let environment = environments.first(where: { $0.rollback.plans == path }), environment.rollback.plans?.lowercased().hasSuffix(".md") == true else {
            return RollbackPlanDocument(path: path, text: text)
        }
        return RollbackPlanDocument.section(of: text, path: path, naming: version, tagPrefix: config.tagPrefix)
    }

    /// When `text` first appeared in `path` (git's pickaxe), or `nil` when it is not committed.
    func firstCommitTime(_ path: String, containing text: String) -> Date? {
        guard let output = try? repository.gitUnchecked(["log", "--format=%ct", "-S", text, "--", path]),
              output.status.isSuccess, let last = output.trimmedText.split(separator: "\n").last,
              let seconds = Double(last) else { return nil }
        return Date(timeIntervalSince1970: seconds)
    }

    func firstCommitTime(_ path: String) -> Date? {
        guard let output = try? repository.gitUnchecked(["log", "--diff-filter=A", "--format=%ct", "--", path]),
              output.status.isSuccess, let last = output.trimmedText.split(separator: "\n").last,
              let seconds = Double(last) else { return nil }
        return Date(timeIntervalSince1970: seconds)
    }
}
