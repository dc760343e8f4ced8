/// A person (or robot) who commits, tags or approves in the demo workspace.
public struct DemoIdentity: Sendable, Hashable, CustomStringConvertible {
    /// The name git records as author or committer.
    public let name: String
    /// The e-mail git records; the forge matches tech leads by it.
    public let email: String

    public init(name: String, email: String) {
        self.name = name
        self.email = email
    }

    /// The release manager: writes the code, cuts the releases, promotes to test and staging.
    public static let author = DemoIdentity(name: "Ada Release", email: "ada@acme.example")
    /// The tech lead: reviews and approves release PRs, promotes to production.
    public static let reviewer = DemoIdentity(name: "Lin Lead", email: "lead@acme.example")
    /// The CI system that deploys every merge to main to the test environment.
    public static let deployBot = DemoIdentity(name: "Acme CI", email: "ci@acme.example")

    /// `Name <email>`, as git prints it.
    public var description: String { "\(name) <\(email)>" }
}
