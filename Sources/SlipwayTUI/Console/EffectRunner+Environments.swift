import SlipwayKit

/// The Environments and Rollback panels' effects, through `EnvironmentPipeline` as `slipway env` uses it.
extension EffectRunner {
    // Long because it is the router of the environment effects to the pipeline, each case a call and its answer.
    func performEnvironments(_ effect: ConsoleEffect) -> [ConsoleAction] {
        let pipeline: EnvironmentPipeline
        do {
            let repository = try GitRepository.open(repositoryPath, runner: runner)
            let config = try SlipwayConfig.load(repository: repository)
            pipeline = try EnvironmentPipeline(repository: repository, config: config, runner: runner)
        } catch {
            let message = Self.oneLine(error)
            switch effect {
            case .loadRollback(let environment): return [.rollbackFailed(environment: environment, message: message)]
            case .promote(let environment, _, _), .rollback(let environment, _, _, _):
                return [.deploymentFailed(environment: environment, message: message, output: "")]
            case .planPromotion, .planRollback, .clearHolds: return [.environmentRefused(message)]
            case .verifyEnvironment(let environment): return [.environmentVerifyFailed(environment: environment, message: message)]
            default: return [.environmentsFailed(message)]
            }
        }
        switch effect {
        case .loadEnvironments:
            guard !pipeline.environments.isEmpty else {
                return [.environmentsFailed("no environments are configured; add an \"environments\" list to .slipway.json")]
            }
            return [.environmentsLoaded(pipeline.statuses())]
        case .loadRollback(let environment):
            do {
                // What a killed command left half-done is dealt with first, so the plan is made from what runs now.
                let recovered = try pipeline.recover(environment).map { recovery -> [ConsoleAction] in
                    [.environmentRefused(recovery.message), .environmentsLoaded(pipeline.statuses())]
                } ?? []
                let readiness = try pipeline.readiness(environment)
                do {
                    return [.rollbackLoaded(readiness, plan: try pipeline.rollbackPlan(environment), planProblem: nil)] + recovered
                } catch {
                    return [.rollbackLoaded(readiness, plan: nil, planProblem: Self.oneLine(error))] + recovered
                }
            } catch {
                return [.rollbackFailed(environment: environment, message: Self.oneLine(error))]
            }
        case .planPromotion(let environment, let version):
            do {
                if let recovery = try pipeline.recover(environment), recovery.changed {
                    return [.environmentRefused(recovery.message + "; look at \(environment) again"), .environmentsLoaded(pipeline.statuses())]
                }
                return [.promotionPlanned(try pipeline.promotionPlan(environment, version: version))]
            } catch {
                return [.environmentRefused(Self.oneLine(error))]
            }
        case .planRollback(let environment, let version, let drill):
            do {
                return [.rollbackPlanned(try pipeline.rollbackPlan(environment, to: version, drill: drill))]
            } catch {
                return [.environmentRefused(Self.oneLine(error))]
            }
        case .promote(let environment, let version, let confirmation):
            do {
                let plan = try pipeline.promotionPlan(environment, version: version)
                return [.deploymentFinished(try pipeline.promote(plan, confirmation: confirmation))]
            } catch let error as DeploymentError {
                return [.deploymentFailed(environment: environment, message: error.message, output: error.output)]
            } catch {
                return [.deploymentFailed(environment: environment, message: Self.oneLine(error), output: "")]
            }
        case .rollback(let environment, let version, let confirmation, let drill):
            do {
                let plan = try pipeline.rollbackPlan(environment, to: version, drill: drill)
                return [.deploymentFinished(try pipeline.rollback(plan, confirmation: confirmation))]
            } catch let error as DeploymentError {
                return [.deploymentFailed(environment: environment, message: error.message, output: error.output)]
            } catch {
                return [.deploymentFailed(environment: environment, message: Self.oneLine(error), output: "")]
            }
        case .verifyEnvironment(let environment):
            do {
                let verdict = try EnvironmentVerifier(pipeline: pipeline).verify(environment)
                try? pipeline.record(verdict)
                return [.environmentVerified(verdict)]
            } catch {
                return [.environmentVerifyFailed(environment: environment, message: Self.oneLine(error))]
            }
        case .clearHolds(let environment):
            do {
                return [.holdsCleared(environment: environment, versions: try pipeline.clearHolds(environment).map(\.version))]
            } catch {
                return [.environmentRefused(Self.oneLine(error))]
            }
        default:
            return []
        }
    }

}
