import Foundation
import SlipwayKit

/// Does the reducer's effects on a background queue through SlipwayKit and posts the outcome as actions.
/// Every subprocess goes through `runner`, so the command log sees it.
public struct EffectRunner: Sendable {
    public let repositoryPath: String
    public let runner: CommandRunner
    public let releaseFiles: (any ReleaseFilesPreviewing)?

    public init(repositoryPath: String, runner: CommandRunner, releaseFiles: (any ReleaseFilesPreviewing)?) {
        self.repositoryPath = repositoryPath
        self.runner = runner
        self.releaseFiles = releaseFiles
    }

    /// Effects that read or write the repository's state run one after another, so that their results
    /// arrive in the order they were asked for; showing a commit does not wait behind them.
    private static let repositoryQueue = DispatchQueue(label: "slipway.console.repository", qos: .userInitiated)
    private static let filterQueue = DispatchQueue(label: "slipway.console.filter", qos: .userInteractive)
    private static let latestFilter = LatestText()

    /// The newest filter text asked for, shared between the UI thread and the filter queue.
    final class LatestText: @unchecked Sendable {
        private let lock = NSLock()
        private var text = ""
        func set(_ value: String) { lock.lock(); text = value; lock.unlock() }
        func get() -> String { lock.lock(); defer { lock.unlock() }; return text }
    }

    /// Starts `effect` on a background queue; `post` receives the resulting actions (from that queue).
    public func start(_ effect: ConsoleEffect, post: @escaping @Sendable (ConsoleAction) -> Void) {
        let runner = self
        // Filtering runs no process and must not wait behind git: its own queue, answers in the order typed.
        if case .filterCommits(let text, let index) = effect {
            // Keys typed while a scan runs queue scans whose answers would be dropped: only the newest runs.
            Self.latestFilter.set(text)
            Self.filterQueue.async {
                guard Self.latestFilter.get() == text else { return }
                post(.commitsFiltered(text, index.rows(for: text)))
            }
            return
        }
        let queue: DispatchQueue
        if case .loadCommitDetail = effect { queue = .global(qos: .userInitiated) } else { queue = Self.repositoryQueue }
        queue.async {
            for action in runner.perform(effect, progress: post) { post(action) }
            if let log = runner.runner.log { post(.commandLogUpdated(log.entries)) }
        }
    }

    /// Does `effect` on the calling thread; effects that read what the team shares fetch it first.
    /// `progress` receives what arrives before the end (the first commits of a long history).
    public func perform(_ effect: ConsoleEffect, progress: (@Sendable (ConsoleAction) -> Void)? = nil) -> [ConsoleAction] {
        switch effect {
        case .loadRelease, .loadEnvironments, .loadRollback, .hotfixes(.loadBoard):
            return syncShared() + dispatch(effect)
        case .loadWorkspace(let overrides):
            return [loadWorkspace(overrides: overrides, progress: progress)]
        default:
            return dispatch(effect)
        }
    }

    /// One fetch of the shared records (holds, audit trail, releases in flight, notices, overrides).
    func syncShared() -> [ConsoleAction] {
        guard let repository = try? GitRepository.open(repositoryPath, runner: runner),
              let config = try? SlipwayConfig.load(repository: repository) else { return [] }
        let sync = SharedState(repository: repository, remote: config.forge.remote).sync()
        return [.sharedSynced(staleness: sync.staleness(), migrated: sync.migrated)]
    }

    // Long because it is the router of every effect to the SlipwayKit call that does it.
    func dispatch(_ effect: ConsoleEffect) -> [ConsoleAction] {
        switch effect {
        case .loadWorkspace(let overrides):
            return [loadWorkspace(overrides: overrides)]
        case .loadCommitDetail(let sha):
            do {
                let repository = try GitRepository.open(repositoryPath, runner: runner)
                let output = try repository.git(["show", "--stat", "--no-color", "--date=iso-strict-local",
                                                 "--format=commit %H%nAuthor: %an <%ae>%nDate:   %ad%n%n%B", sha, "--"])
                return [.commitDetailLoaded(sha: sha, text: output.trimmedText)]
            } catch {
                return [.commitDetailFailed(sha: sha, message: error.description)]
            }
        case .saveOverrides(let overrides, let persist, let message):
            if persist {
                do {
                    let repository = try GitRepository.open(repositoryPath, runner: runner)
                    let config = try SlipwayConfig.load(repository: repository)
                    try overrides.save(to: repository, remote: config.forge.remote)
                } catch let error as GitError {
                    return [.overridesFailed(error.description)]
                } catch let error as StateFileError {
                    return [.overridesFailed(error.description)]
                } catch {
                    return [.overridesFailed(String(describing: error))]
                }
            }
            return [.overridesSaved(overrides, message: message), loadWorkspace(overrides: persist ? nil : overrides)]
        case .previewReleaseFiles(let version):
            guard let releaseFiles else { return [.previewsFailed("release-file previews are not available yet")] }
            let workspace: Workspace
            switch readWorkspace(overrides: nil) {
            case .success(let read): workspace = read
            case .failure(let problem): return [.previewsFailed(problem.description)]
            }
            do {
                return [.previewsLoaded(try releaseFiles.preview(version: version, proposal: workspace.proposal))]
            } catch {
                return [.previewsFailed(String(describing: error))]
            }
        case .loadRelease, .planRelease, .runRelease:
            return performRelease(effect)
        case .loadEnvironments, .loadRollback, .planPromotion, .planRollback, .promote, .rollback, .clearHolds, .verifyEnvironment:
            return performEnvironments(effect)
        case .hotfixes(let hotfixEffect):
            return [performHotfix(hotfixEffect)]
        case .openLink(let target):
            return [.linkOpened(open(target))]
        case .filterCommits(let text, let index):
            return [.commitsFiltered(text, index.rows(for: text))]
        case .loadHistory:
            return [loadHistory()]
        case .writeReleaseFiles(let version):
            guard let releaseFiles else { return [.releaseFilesFailed("release files cannot be written from the console yet")] }
            let workspace: Workspace
            switch readWorkspace(overrides: nil) {
            case .success(let read): workspace = read
            case .failure(let problem): return [.releaseFilesFailed(problem.description)]
            }
            do {
                return [.releaseFilesWritten(try releaseFiles.write(version: version, proposal: workspace.proposal))]
            } catch {
                return [.releaseFilesFailed(String(describing: error))]
            }
        }
    }

    /// The history overlay's past releases and the audit trail.
    func loadHistory() -> ConsoleAction {
        do {
            let repository = try GitRepository.open(repositoryPath, runner: runner)
            let config = try SlipwayConfig.load(repository: repository)
            let audit = AuditLog(repository: repository, remote: config.forge.remote).entries().entries
            return .historyLoaded(try ReleaseHistory.load(repository, config: config, limit: 50), audit: audit)
        } catch {
            return .historyFailed(Self.oneLine(error))
        }
    }

    func loadWorkspace(overrides: ReleaseOverrides?, progress: (@Sendable (ConsoleAction) -> Void)? = nil) -> ConsoleAction {
        switch readWorkspace(overrides: overrides, progress: progress) {
        case .success(let workspace): return .workspaceLoaded(workspace)
        case .failure(let problem): return .workspaceFailed(problem.description)
        }
    }

    /// The repository, its branch and configuration, and the proposal under `overrides` (the saved ones when `nil`).
    func readWorkspace(overrides: ReleaseOverrides?, progress: (@Sendable (ConsoleAction) -> Void)? = nil) -> Result<Workspace, ConsoleProblem> {
        do {
            if let progress {
                // The newest commits while the range is walked (beside it: git prints them at once). Started before
                // the repository is opened, on the folder as given: a preview need not wait for `rev-parse`.
                let folder = GitRepository(root: repositoryPath, gitDirectory: repositoryPath + "/.git", runner: runner)
                DispatchQueue.global(qos: .userInitiated).async {
                    if let (commits, base) = try? VersionPlanner.preview(folder) { progress(.commitsStreaming(commits, base: base?.name)) }
                }
            }
            let repository = try GitRepository.open(repositoryPath, runner: runner)
            let config = try SlipwayConfig.load(repository: repository)
            let branch = try repository.currentBranch()
            let planner = VersionPlanner(repository: repository, config: config, overrides: overrides)
            let proposal = try planner.propose()
            let used = try overrides ?? ReleaseOverrides.load(from: repository, base: proposal.baseTag?.name ?? "", remote: config.forge.remote)
            let charts = ChartVersionPlanner(repository: repository, config: config).propose(for: proposal)
            let lint = charts.isEmpty ? [] : ChartLinter(repository: repository, config: config).lint(proposals: false)
            var workspace = Workspace(root: repository.root, branch: branch, forge: config.forge.kind.rawValue,
                                      proposal: proposal, overrides: used, charts: charts, chartLint: lint)
            // Only a long list is filtered off the UI thread; a short one is filtered as it is typed.
            if proposal.commits.count > ConsoleReducer.backgroundFilterThreshold { workspace.searchIndex = CommitSearchIndex(proposal.commits) }
            if let found = try? PackageDiscovery(root: repository.root, config: config).discover().packages, found.count > 1 {
                workspace.packages = (try? PackagePlanner(repository: repository, config: config).propose(found)) ?? []
            }
            return .success(workspace)
        } catch let error as CustomStringConvertible {
            return .failure(ConsoleProblem(error.description))
        } catch {
            return .failure(ConsoleProblem(String(describing: error)))
        }
    }
}
