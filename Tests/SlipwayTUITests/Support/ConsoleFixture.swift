import Foundation
import SlipwayKit
@testable import SlipwayTUI

/// Console states built from hand-made commits: no git, the same screen every run.
enum ConsoleFixture {
    static let messages: [(subject: String, author: String)] = [
        ("perf(db): index the release lookups", "Grace Hopper"),
        ("WIP tweak build 日本語", "Linus Builder"),
        ("update stuff", "Linus Builder"),
        ("docs: explain the release steps", "Ada Release"),
        ("feat!: drop the v1 API\n\nBREAKING CHANGE: /v1 is gone", "Ada Release"),
        ("fix(ui): stop the login flicker", "Grace Hopper"),
        ("feat(api): add the search endpoint", "Ada Release"),
    ]

    static func sha(_ index: Int) -> String {
        let stem = String(format: "%07x", 0x3a5c1e0 + index * 0x1111)
        return stem + String(repeating: "0", count: 33)
    }

    static func commits(count: Int? = nil) -> [GitCommit] {
        let total = count ?? messages.count
        return (0..<total).map { index in
            let message = messages[index % messages.count]
            return GitCommit(sha: sha(index), parents: [sha(index + 1)], authorName: message.author,
                             authorEmail: "dev@example.com", authorTime: 1_767_225_600 + (total - index) * 3600,
                             message: CommitMessage(parsing: message.subject))
        }
    }

    static func proposal(commitCount: Int? = nil, overrides: ReleaseOverrides = ReleaseOverrides(base: "v1.4.0"),
                         current: SemanticVersion = SemanticVersion(major: 1, minor: 4, patch: 0)) -> VersionProposal {
        let classified = CommitClassifier(rules: BumpRules(), majorIsZero: current.major == 0, overrides: overrides.commits)
            .classify(commits(count: commitCount))
        let bump = CommitClassifier.bump(of: classified)
        var next = current.bumped(bump)
        let computed = next
        if let version = overrides.version, case .exact(let exact) = version.choice { next = exact }
        let tag = "v\(current)"
        return VersionProposal(tagPrefix: "v", baseTag: ReleaseTag(name: tag, version: current), current: current,
                               next: next, bump: bump, commits: classified, warnings: [], range: "\(tag)..HEAD",
                               head: sha(0), breakingWhileZero: current.major == 0 ? .minor : nil,
                               prereleaseIdentifier: nil, versionOverride: overrides.version, computedNext: computed)
    }

    static func workspace(_ proposal: VersionProposal, overrides: ReleaseOverrides = ReleaseOverrides(base: "v1.4.0")) -> Workspace {
        Workspace(root: "/work/acme-api", branch: "main", forge: "local", proposal: proposal, overrides: overrides)
    }

    /// A loaded console of `width`×`height` on the fixture commits.
    static func state(width: Int = 80, height: Int = 24, commitCount: Int? = nil,
                      overrides: ReleaseOverrides = ReleaseOverrides(base: "v1.4.0")) -> ConsoleState {
        var state = ConsoleState(repositoryPath: "/work/acme-api", width: width, height: height)
        _ = ConsoleReducer.start(&state)
        _ = ConsoleReducer.reduce(&state, .workspaceLoaded(workspace(proposal(commitCount: commitCount, overrides: overrides),
                                                                     overrides: overrides)))
        return state
    }

    static func reduce(_ state: inout ConsoleState, keys: [Key]) -> [ConsoleEffect] {
        keys.flatMap { ConsoleReducer.reduce(&state, .key($0)) }
    }

    static func type(_ text: String) -> [Key] { text.map { .character($0) } }
}
