/// The confirmation of a promotion or a rollback: what changes, and for a protected environment (and every
/// rollback) the environment's name typed back.
public struct EnvironmentConfirmDialog: Sendable, Hashable {
    public enum Kind: Sendable, Hashable { case promote, rollback }

    public var kind: Kind
    public var environment: String
    public var current: String?
    public var target: String
    /// Versions the previous environment runs or ran healthy (promotion only).
    public var offered: [String]
    /// `sha subject` of each commit between the two versions.
    public var commits: [String]
    /// The CHANGELOG sections between the two versions (promotion), or why this target (rollback).
    public var detail: String
    public var notes: [String]
    public var needsName: Bool
    public var typed: String = ""
    public var error: String?
    /// A rollback drill: the version it rolls back to is put back afterwards.
    public var drill = false

    public init(kind: Kind, environment: String, current: String?, target: String, offered: [String] = [],
                commits: [String], detail: String, notes: [String] = [], needsName: Bool) {
        self.kind = kind
        self.environment = environment
        self.current = current
        self.target = target
        self.offered = offered
        self.commits = commits
        self.detail = detail
        self.notes = notes
        self.needsName = needsName
    }

    /// The version `step` places from the target among the offered ones (wrapping), or `nil` when there is no choice.
    public func chosen(_ step: Int) -> String? {
        guard offered.count > 1, let index = offered.firstIndex(of: target) else { return offered.count > 1 ? offered.first : nil }
        return offered[(index + step % offered.count + offered.count) % offered.count]
    }

    /// The confirmation to pass on, or the problem to show.
    public func validated() -> Result<String?, ConsoleProblem> {
        guard needsName else { return .success(nil) }
        guard typed == environment else {
            return .failure(ConsoleProblem(typed.isEmpty ? "type \(environment) to confirm"
                                           : "'\(typed)' is not \(environment): type its exact name"))
        }
        return .success(typed)
    }
}
