import Foundation

/// An append-only record the team shares: lines in `git notes` under one ref, attached to objects, fetched from
/// and pushed to the remote. Two clones appending at once both keep their lines: a push that loses the race
/// fetches, merges (`cat_sort_uniq`: every line of both, once, sorted) and pushes again.
public struct SharedNotes: Sendable {
    public let repository: GitRepository
    public let remote: String
    /// `refs/notes/slipway/notices`.
    public let ref: String

    public init(repository: GitRepository, remote: String, ref: String) {
        self.repository = repository
        self.remote = remote
        self.ref = ref
    }

    /// Where `SharedState` fetches the remote's side: `refs/slipway-remote/notes/notices`.
    var trackingRef: String { "refs/slipway-remote/notes/" + ((ref as NSString).lastPathComponent) }

    /// Brings the remote's lines in and merges them with this clone's own; a remote without the ref is fine.
    public func fetch() throws(SharedRecordError) {
        guard SharedState.hasRemote(repository, remote) else { return }
        let output = try git(["fetch", "--quiet", "--prune", "--end-of-options", remote, "+refs/notes/slipway/*:refs/slipway-remote/notes/*"], timeout: 60)
        guard output.status.isSuccess else { throw SharedRecordError("\(remote) could not be reached for \(ref): \(output.errorSummary)") }
        try mergeFetched()
    }

    /// Merges the fetched copy (if any) into this clone's ref.
    func mergeFetched() throws(SharedRecordError) {
        guard try git(["rev-parse", "--verify", "--quiet", trackingRef]).status.isSuccess else { return }
        guard try git(["rev-parse", "--verify", "--quiet", ref]).status.isSuccess else {
            _ = try git(["update-ref", ref, trackingRef])
            return
        }
        let merged = try git(["-c", "user.name=slipway", "-c", "user.email=slipway@localhost", "notes", "--ref=\(ref)", "merge",
                              "--quiet", "--strategy=cat_sort_uniq", trackingRef])
        guard merged.status.isSuccess else { throw SharedRecordError("the shared record \(ref) could not be merged: \(merged.errorSummary)") }
    }

    /// The lines attached to `object` (empty when there are none).
    public func lines(on object: String) throws(SharedRecordError) -> [String] {
        let output = try git(["notes", "--ref=\(ref)", "show", object])
        guard output.status.isSuccess else { return [] }
        return output.text.split(separator: "\n").map(String.init).filter { !$0.isEmpty }
    }

    /// Adds `line` to `object`'s note here, then pushes; a rejected push is fetched, merged and pushed again.
    /// Throws when the remote cannot be reached: the line stays in this clone's record and goes with the next push.
    public func append(_ line: String, on object: String) throws(SharedRecordError) {
        let added = try git(["-c", "user.name=slipway", "-c", "user.email=slipway@localhost", "notes", "--ref=\(ref)", "append", "-m", line, object])
        guard added.status.isSuccess else { throw SharedRecordError("the record could not be written: \(added.errorSummary)") }
        try push()
    }

    /// Pushes this clone's record, merging the remote's first when someone pushed before.
    public func push() throws(SharedRecordError) {
        guard SharedState.hasRemote(repository, remote) else { return }
        guard try git(["rev-parse", "--verify", "--quiet", ref]).status.isSuccess else { return }
        var last = ""
        for _ in 1...3 {
            let pushed = try git(["push", "--quiet", "--end-of-options", remote, "\(ref):\(ref)"], timeout: 60)
            if pushed.status.isSuccess {
                _ = try git(["update-ref", trackingRef, ref])
                return
            }
            last = SharedState.pushFailure(pushed)
            guard SharedState.lostRace(pushed) else { break }
            try fetch()
        }
        throw SharedRecordError("the record \(ref) could not be pushed to \(remote): \(last); it is kept in this clone and goes with the next push")
    }

    private func git(_ arguments: [String], timeout: Double = 30) throws(SharedRecordError) -> CommandOutput {
        do { return try repository.gitUnchecked(arguments, timeout: timeout) } catch {
            throw SharedRecordError(error.description)
        }
    }
}

/// A shared record that could not be read, merged or pushed.
public struct SharedRecordError: Error, Sendable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
