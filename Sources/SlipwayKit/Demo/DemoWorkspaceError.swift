/// Why the demo workspace could not be built.
public enum DemoWorkspaceError: Error, Sendable, CustomStringConvertible {
    case folderNotEmpty(String)
    case notAFolder(String)
    case cannotCreate(String, reason: String)
    case cannotWrite(String, reason: String)
    case git(CommandError)

    public var description: String {
        switch self {
        case .folderNotEmpty(let path):
            return "the folder \(path) is not empty; give --dir a new or empty folder so that nothing in it is overwritten"
        case .notAFolder(let path):
            return "\(path) exists and is not a folder; give --dir a new or empty folder"
        case .cannotCreate(let path, let reason):
            return "the folder \(path) cannot be created: \(reason)"
        case .cannotWrite(let path, let reason):
            return "the demo file \(path) cannot be written: \(reason)"
        case .git(let error):
            if case .notFound = error.kind { return "git was not found on PATH; install git (apt-get install -y git) to build the demo" }
            return "git failed while building the demo workspace: \(error.description)"
        }
    }
}
