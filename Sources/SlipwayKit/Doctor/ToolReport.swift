/// One external tool Slipway may run: where it is on `PATH` and the version it reports.
public struct ToolReport: Sendable, Hashable {
    public var name: String
    /// The absolute path found on `PATH`, or `nil` when it is not installed.
    public var path: String?
    /// The first line of its version output.
    public var version: String?
    /// Set when it is on `PATH` but did not answer its version question.
    public var problem: String?
    /// The one command (or page) that installs it.
    public var install: String

    public var json: JSONValue {
        .object([("name", .string(name)), ("installed", .bool(path != nil)), ("path", path.map(JSONValue.string) ?? .null),
                 ("version", version.map(JSONValue.string) ?? .null), ("problem", problem.map(JSONValue.string) ?? .null),
                 ("install", .string(install))])
    }
}

/// A configured feature and the tool it cannot work without.
public struct ToolNeed: Sendable, Hashable {
    /// What needs it, with its key path: `artefacts[0] (oci-image)`, `forge.kind github`.
    public var feature: String
    public var tool: String
    public var satisfied: Bool
    /// The command that fixes it when not satisfied.
    public var fix: String

    public var json: JSONValue {
        .object([("feature", .string(feature)), ("tool", .string(tool)), ("satisfied", .bool(satisfied)), ("fix", .string(fix))])
    }
}
