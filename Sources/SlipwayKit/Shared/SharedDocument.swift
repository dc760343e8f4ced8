import Foundation

/// A record the team shares that must stay unique — the holds, the releases in flight, the overrides: one JSON
/// file in a commit on `refs/slipway/NAME`, the remote's copy being the truth. An update is a compare-and-swap:
/// pushed with `--force-with-lease` against the commit it was made from; when someone else pushed first it is
/// fetched, worked out again from their state, and pushed again — never overwritten.
public struct SharedDocument: Sendable {
    public let repository: GitRepository
    public let remote: String
    public let name: String

    public init(repository: GitRepository, remote: String, name: String) {
        self.repository = repository
        self.remote = remote
        self.name = name
    }

    public var ref: String { "refs/slipway/\(name)" }
    var trackingRef: String { "refs/slipway-remote/\(name)" }
    var file: String { name + ".json" }
    /// How the record is named in messages: `refs/slipway/holds on origin`.
    public var where_: String { SharedState.hasRemote(repository, remote) ? "\(ref) on \(remote)" : ref }

    /// The document as last fetched (or written) and the commit holding it; `nil` when there is none yet.
    public func read() throws(StateFileError) -> (data: Data?, commit: String?) {
        let commit = try git(["rev-parse", "--verify", "--quiet", ref])
        guard commit.status.isSuccess else { return (nil, nil) }
        let sha = commit.trimmedText
        let content = try git(["show", "\(sha):\(file)"])
        guard content.status.isSuccess else {
            throw StateFileError(path: where_, problem: "has no \(file) in \(sha.prefix(12)); the shared record was damaged — push a fixed one or delete the ref")
        }
        return (content.stdout, sha)
    }

    /// Thrown by a transform that has nothing to change.
    public struct Unchanged: Error {
        public init() {}
    }

    /// Replaces the document with what `transform` makes of the current one, as a compare-and-swap against the
    /// remote; `transform` runs again on the fresh state after a lost race, and may throw to refuse (or
    /// `Unchanged` to leave it be).
    @discardableResult
    public func update(_ transform: (Data?) throws -> Data) throws -> Data? {
        let shared = SharedState.hasRemote(repository, remote)
        for _ in 1...4 {
            let (current, commit) = try read()
            let next: Data
            do { next = try transform(current) } catch is Unchanged { return current }
            if next == current { return next }
            let newCommit = try write(next, parent: commit)
            guard shared else {
                let moved = try git(["update-ref", ref, newCommit] + (commit.map { [$0] } ?? [String(repeating: "0", count: 40)]))
                if moved.status.isSuccess { return next }
                continue
            }
            let pushed = try git(["push", "--quiet", "--force-with-lease=\(ref):\(commit ?? "")", "--end-of-options", remote,
                                  "\(newCommit):\(ref)"], timeout: 60)
            if pushed.status.isSuccess {
                _ = try git(["update-ref", ref, newCommit])
                _ = try git(["update-ref", trackingRef, newCommit])
                return next
            }
            guard SharedState.lostRace(pushed) else {
                throw SharedRecordError("\(where_) could not be updated: \(SharedState.pushFailure(pushed)); nothing was changed")
            }
            try refetch()
        }
        throw SharedRecordError("\(where_) changed under this clone four times in a row; nothing was changed, try again")
    }

    /// The remote's copy, taken as this clone's.
    func refetch() throws(StateFileError) {
        // (A failed fetch is a problem of the record's remote, said with the record's name.)
        let fetched = try git(["fetch", "--quiet", "--prune", "--end-of-options", remote, "+refs/slipway/*:refs/slipway-remote/*"], timeout: 60)
        guard fetched.status.isSuccess else { throw StateFileError(path: where_, problem: "could not be fetched: \(fetched.errorSummary)") }
        try adoptFetched()
    }

    /// This clone's copy set to the fetched one (the remote is the truth for unique records).
    func adoptFetched() throws(StateFileError) {
        let tracking = try git(["rev-parse", "--verify", "--quiet", trackingRef])
        if tracking.status.isSuccess {
            _ = try git(["update-ref", ref, tracking.trimmedText])
        } else if try git(["rev-parse", "--verify", "--quiet", ref]).status.isSuccess {
            // The remote has none (yet, or it was deleted there): this clone's copy goes too.
            _ = try git(["update-ref", "-d", ref])
        }
    }

    private func write(_ data: Data, parent: String?) throws(StateFileError) -> String {
        let blob = try checked(["hash-object", "-w", "--stdin"], input: data)
        let tree = try checked(["mktree"], input: Data("100644 blob \(blob)\t\(file)\n".utf8))
        let message = "slipway: \(name)"
        return try checked(["-c", "user.name=slipway", "-c", "user.email=slipway@localhost", "commit-tree", tree, "-m", message]
                           + (parent.map { ["-p", $0] } ?? []))
    }

    private func checked(_ arguments: [String], input: Data? = nil) throws(StateFileError) -> String {
        let output: CommandOutput
        do {
            if let input { output = try repository.gitUnchecked(arguments, input: input, timeout: 30) } else {
                output = try repository.gitUnchecked(arguments, timeout: 30)
            }
        } catch {
            throw StateFileError(path: where_, problem: "could not be written: \(error.description)")
        }
        guard output.status.isSuccess else { throw StateFileError(path: where_, problem: "could not be written: \(output.errorSummary)") }
        return output.trimmedText
    }

    private func git(_ arguments: [String], timeout: Double = 30) throws(StateFileError) -> CommandOutput {
        do { return try repository.gitUnchecked(arguments, timeout: timeout) } catch {
            throw StateFileError(path: where_, problem: error.description)
        }
    }
}
