/// What went wrong talking to git, in words a person can act on.
public enum GitError: Error, Sendable, CustomStringConvertible {
    case gitNotFound
    case notARepository(String)
    case unknownRef(String)
    case emptyRepository(String)
    case command(CommandError)

    public var description: String {
        switch self {
        case .gitNotFound:
            return "git was not found on PATH; install git (apt-get install -y git) or fix PATH"
        case .notARepository(let path):
            return "\(path) is not a git repository (or any of its parents); pass --repo DIR or run inside a repository"
        case .unknownRef(let ref):
            return "'\(ref)' is not a branch, tag or commit in this repository"
        case .emptyRepository(let path):
            return "the repository at \(path) has no commits yet"
        case .command(let error):
            return error.description
        }
    }

    static func wrap(_ error: CommandError) -> GitError {
        if case .notFound = error.kind { return .gitNotFound }
        return .command(error)
    }
}
