import Foundation

/// An append-only record the team shares: lines in `git notes` under one ref, attached to commits, fetched from
/// and pushed to the remote. Two clones appending at once both keep their lines: a push that loses the race
/// fetches, merges (`cat_sort_uniq`: every line of both, once) and pushes again.
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

    /// Where the remote's side is fetched to before it is merged with this clone's.
    var trackingRef: String { "refs/slipway/remote-" + ref.replacingOccurrences(of: "refs/", with: "") }

    /// Brings the remote's lines in and merges them with this clone's own; a remote without the ref is fine.
    public func fetch() throws(SharedRecordError) {
        let output = try git(["fetch", "--quiet", "--end-of-options", remote, "+\(ref):\(trackingRef)"], timeout: 60)
        guard output.status.isSuccess else {
            if output.errorText.contains("couldn't find remote ref") { return }
            throw SharedRecordError("\(remote) could not be reached for \(ref): \(output.errorSummary)")
        }
        let local = try git(["rev-parse", "--verify", "--quiet", ref])
        if !local.status.isSuccess {
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
        var last = ""
        for _ in 1...3 {
            let pushed = try git(["push", "--quiet", "--end-of-options", remote, "\(ref):\(ref)"], timeout: 60)
            if pushed.status.isSuccess { return }
            last = pushed.errorSummary
            guard pushed.errorText.contains("rejected") || pushed.errorText.contains("fetch first") || pushed.errorText.contains("non-fast-forward") else { break }
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
