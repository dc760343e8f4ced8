import Foundation
/// Where release PRs are opened, approved and merged: the local git remote, GitHub (gh) or GitLab (glab).
public protocol Forge: Sendable {
    var kind: ForgeSettings.Kind { get }

    /// The PR for `branch` into `base`, or `nil` when none exists.
    func pullRequest(branch: String, base: String) throws -> PullRequestState?

    /// The commands that open the PR (for the confirm dialog and `--dry-run`), then running them.
    func openCommands(branch: String, base: String, title: String, body: String) -> [[String]]
    func open(branch: String, base: String, title: String, body: String) throws

    func approveCommands(branch: String, base: String) -> [[String]]
    func approve(branch: String, base: String, identity: GitIdentity) throws

    func mergeCommands(branch: String, base: String, message: String) -> [[String]]
    func merge(branch: String, base: String, message: String) throws

    /// CI runs for the pushed tag; `nil` when this forge cannot tell (nothing configured).
    func publishRuns(tag: String, commit: String) throws -> [CheckRun]?
}

/// `Name <email>`: who is acting, from git's own view of the identity (`git var GIT_AUTHOR_IDENT`).
public struct GitIdentity: Sendable, Hashable, CustomStringConvertible {
    public var name: String
    public var email: String

    public init(name: String, email: String) {
        self.name = name
        self.email = email
    }

    public var description: String { "\(name) <\(email)>" }

    public static func current(_ repository: GitRepository) throws(GitError) -> GitIdentity {
        let ident = try repository.git(["var", "GIT_AUTHOR_IDENT"]).trimmedText
        guard let open = ident.lastIndex(of: "<"), let close = ident.lastIndex(of: ">"), open < close else {
            return GitIdentity(name: ident, email: "")
        }
        return GitIdentity(name: ident[..<open].trimmingCharacters(in: .whitespaces),
                           email: String(ident[ident.index(after: open)..<close]))
    }
}

/// A forge action that could not be done, with what to do about it.
public struct ForgeError: Error, Sendable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
