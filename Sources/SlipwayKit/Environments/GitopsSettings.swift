import Foundation

/// `backend` of kind `gitops`: a file in an environments repository that names the version.
public struct GitopsSettings: Sendable, Hashable {
    /// Any git URL or path; a relative path is taken from the repository root.
    public var repo: String
    /// The file inside the environments repository, e.g. `staging/values.yaml`.
    public var file: String
    /// A dotted key path such as `image.tag`.
    public var key: String
    /// The branch to commit to; the remote's default branch when absent.
    public var branch: String?

    public init(repo: String, file: String, key: String, branch: String? = nil) {
        self.repo = repo
        self.file = file
        self.key = key
        self.branch = branch
    }

    init(_ node: ConfigNode) throws(ConfigError) {
        let members = try node.members(allowed: ["kind", "repo", "file", "key", "branch"])
        guard let repoNode = members["repo"], let fileNode = members["file"], let keyNode = members["key"] else {
            let missing = ["repo", "file", "key"].filter { members[$0] == nil }.joined(separator: ", ")
            throw node.error("a gitops backend needs \(missing)")
        }
        repo = try repoNode.string()
        file = try fileNode.string()
        key = try keyNode.string()
        if file.hasPrefix("/") || file.split(separator: "/").contains("..") {
            throw fileNode.error("'\(file)' must be a path inside the environments repository")
        }
        if key.split(separator: ".", omittingEmptySubsequences: false).contains(where: \.isEmpty) {
            throw keyNode.error("'\(key)' must be a dotted key path such as image.tag")
        }
        branch = try members["branch"].map { (node) throws(ConfigError) in
            let name = try node.string()
            if let problem = RefNameRules.problem(name) { throw node.error("'\(name)' is not a branch name git accepts: \(problem)") }
            return name
        }
        if repo.hasPrefix("-") { throw repoNode.error("'\(repo)' is not a repository path or URL: it starts with '-'") }
    }
}
