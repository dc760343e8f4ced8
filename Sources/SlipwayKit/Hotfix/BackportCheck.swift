import Foundation

/// Whether each of a hotfix's commits is already on a branch (main, or a backport branch): by patch identity
/// (`git cherry`), by a `(cherry picked from commit …)` trailer naming it (either way round), or by
/// `git patch-id --stable` of its changes outside the CHANGELOG compared with the target's changes to the same
/// files, which still matches a cherry-pick whose CHANGELOG part was edited or that also touched other files.
public struct BackportCheck: Sendable {
    /// How a commit was found on the target.
    public enum Evidence: Sendable, Hashable, CustomStringConvertible {
        /// `git cherry` found a commit with the same patch.
        case samePatch
        /// A commit on the target names it in a `(cherry picked from commit …)` trailer, or it names one on the target.
        case trailer(String)
        /// A commit on the target has the same `git patch-id --stable` outside the CHANGELOG.
        case patchID(String)

        public var description: String {
            switch self {
            case .samePatch: return "same patch"
            case .trailer(let sha): return "cherry-picked as \(sha.prefix(7))"
            case .patchID(let sha): return "same patch-id as \(sha.prefix(7)) (edited cherry-pick)"
            }
        }
    }

    /// One hotfix commit and where it was found, if anywhere.
    public struct Item: Sendable {
        public var commit: GitCommit
        public var evidence: Evidence?
    }

    /// Oldest first (the order to cherry-pick in).
    public var items: [Item]
    /// The target's CHANGELOG has a section for the hotfix's version.
    public var changelogHasSection: Bool

    /// The commits not on the target, oldest first.
    public var missing: [GitCommit] { items.filter { $0.evidence == nil }.map(\.commit) }

    /// Every commit is on the target.
    public var commitsPresent: Bool { items.allSatisfy { $0.evidence != nil } }

    /// Compares `commits` (a hotfix's own, newest first, between `base` and `tip`) with `target`.
    public static func check(_ commits: [GitCommit], tip: String, base: String, target: String, version: SemanticVersion,
                             changelog: String, repository: GitRepository) throws -> BackportCheck {
        var evidence: [String: Evidence] = [:]
        let wanted = Set(commits.map(\.sha))
        if !commits.isEmpty {
            // 1. git cherry: "-" marks a commit with an equivalent change on the target.
            let cherry = try repository.git(["cherry", target, tip, base]).text
            for line in cherry.split(separator: "\n") {
                let parts = line.split(separator: " ")
                if parts.count == 2, parts[0] == "-", wanted.contains(String(parts[1])) { evidence[String(parts[1])] = .samePatch }
            }
        }
        var remaining = commits.filter { evidence[$0.sha] == nil }
        if !remaining.isEmpty {
            // 2. Trailers, on the target's commits since the base, or on the hotfix commit naming a target commit.
            let log = try repository.git(["log", "-z", "--format=%H%x1f%B", "--fixed-strings", "--grep=cherry picked from commit",
                                          "\(base)..\(target)", "--"]).text
            for record in log.split(separator: "\0") {
                let fields = record.split(separator: "\u{1F}", maxSplits: 1)
                guard fields.count == 2 else { continue }
                let sha = fields[0].trimmingCharacters(in: .whitespacesAndNewlines)
                for named in pickedFrom(String(fields[1])) where wanted.contains(named) && evidence[named] == nil {
                    evidence[named] = .trailer(sha)
                }
            }
            for commit in remaining where evidence[commit.sha] == nil {
                let message = try repository.git(["log", "-1", "--format=%B", commit.sha]).text
                for named in pickedFrom(message) {
                    guard let full = try? repository.resolveCommit(named) else { continue }
                    if try repository.gitUnchecked(["merge-base", "--is-ancestor", full, target]).status.isSuccess {
                        evidence[commit.sha] = .trailer(full)
                        break
                    }
                }
            }
            remaining = remaining.filter { evidence[$0.sha] == nil }
        }
        for commit in remaining where evidence[commit.sha] == nil {
            // 3. patch-id --stable of the commit's changes outside the CHANGELOG, against the target's commits
            // since the base restricted to the same files (so a port that also touched other files still matches).
            let files = try repository.git(["diff-tree", "--no-commit-id", "--name-only", "-r", "--root", commit.sha]).text
                .split(separator: "\n").map(String.init).filter { !$0.isEmpty && $0 != changelog }
            guard !files.isEmpty else { continue }
            let paths = files.map { ":(top,literal)\($0)" }
            guard let ours = try patchIDs(repository, ["show", "--no-color", "--format=commit %H", "-p", commit.sha, "--"] + paths).first else { continue }
            let theirs = try patchIDs(repository, ["log", "--no-color", "--no-merges", "--format=commit %H", "-p", "\(base)..\(target)", "--"] + paths)
            if let match = theirs.first(where: { $0.1 == ours.1 }) { evidence[commit.sha] = .patchID(match.0) }
        }
        var hasSection = false
        if let data = try repository.show(changelog, at: target) {
            let parsed = Changelog(text: String(decoding: data, as: UTF8.self), file: changelog)
            hasSection = parsed.releaseSections.contains { Changelog.sameVersion($0.version ?? "", version) }
        }
        return BackportCheck(items: commits.reversed().map { Item(commit: $0, evidence: evidence[$0.sha]) }, changelogHasSection: hasSection)
    }

    /// The shas named by `(cherry picked from commit SHA)` lines.
    static func pickedFrom(_ message: String) -> [String] {
        var result: [String] = []
        for line in message.split(separator: "\n") {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix("(cherry picked from commit "), trimmed.hasSuffix(")") else { continue }
            let sha = trimmed.dropFirst("(cherry picked from commit ".count).dropLast()
            if sha.count >= 7, sha.allSatisfy(\.isHexDigit) { result.append(String(sha)) }
        }
        return result
    }

    /// `(commit, patch-id)` pairs for the patches `git ARGUMENTS` prints.
    static func patchIDs(_ repository: GitRepository, _ arguments: [String]) throws -> [(String, String)] {
        let patches = try repository.git(arguments, timeout: 600)
        guard !patches.stdout.isEmpty else { return [] }
        var invocation = repository.invocation(["patch-id", "--stable"], timeout: 600)
        invocation.input = patches.stdout
        let output: CommandOutput
        do { output = try repository.runner.run(invocation) } catch { throw GitError.wrap(error) }
        return output.text.split(separator: "\n").compactMap { line in
            let parts = line.split(separator: " ")
            return parts.count == 2 ? (String(parts[1]), String(parts[0])) : nil
        }
    }
}
