import Foundation
import SlipwayKit

/// The exit status of a command that ended in an error, as the README's table says: 1 when the world said no
/// (a refusal, a failed check, a tool or server that failed, a lock held by another run), 2 when what was given
/// was wrong (usage, a value, a file, the configuration).
enum ExitStatus {
    static let ok: Int32 = 0
    static let refusedOrFailed: Int32 = 1
    static let badInput: Int32 = 2

    static func code(for error: any Error) -> Int32 {
        switch error {
        case is UsageError, is ConfigError, is YAMLError, is ManifestError, is SemanticVersionError, is ChangelogError,
             is HotfixInputError, is StateFileError, is DemoWorkspaceError, is RepositoryPathError, is VersionPlanningError, is ReleaseDateError:
            return badInput
        case let error as EnvironmentError:
            return error.kind == .refused || error.kind == .confirmationNeeded ? refusedOrFailed : badInput
        case let error as GitError:
            switch error {
            case .notARepository, .unknownRef, .emptyRepository: return badInput
            case .gitNotFound, .command: return refusedOrFailed
            }
        default:
            // DeploymentError, ReleaseBlocked, ForgeError, SharedRecordError, OperationBusy, NoticeError,
            // BackportConflict, CommandError, …: something outside refused or failed.
            return refusedOrFailed
        }
    }
}
