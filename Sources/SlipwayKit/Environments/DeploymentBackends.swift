/// Builds the backend an environment's settings name.
public enum DeploymentBackends {
    /// The backend for `environment`, working from `repository` (for the gitops clone and relative paths).
    public static func make(for environment: EnvironmentSettings, repository: GitRepository,
                            runner: (any CommandRunning)? = nil) -> any DeploymentBackend {
        let runner = runner ?? repository.runner
        switch environment.backend {
        case .gitops(let settings):
            return GitopsBackend(settings: settings, environment: environment.name, repository: repository, runner: runner)
        case .helm(let settings):
            return HelmBackend(settings: settings, environment: environment.name, workingDirectory: repository.root, runner: runner)
        case .command(let settings):
            return CommandBackend(settings: settings, environment: environment.name, workingDirectory: repository.root, runner: runner)
        }
    }
}
