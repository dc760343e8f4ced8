/// `verify` of an environment: how the running service reports its version.
public enum VerifySettings: Sendable, Hashable {
    /// A JSON endpoint and the dotted key path of the version in it.
    case url(String, versionKey: String, timeoutSeconds: Double)
    /// An argv (`{env}`, `{version}` as whole arguments) that exits 0 and prints the version on its first line.
    case command([String], timeoutSeconds: Double)

    init(_ node: ConfigNode) throws(ConfigError) {
        let members = try node.members(allowed: ["url", "versionKey", "command", "timeoutSeconds"])
        let timeout = try members["timeoutSeconds"].map { (node) throws(ConfigError) in Double(try node.integer(in: 1...300)) } ?? 10
        switch (members["url"], members["command"]) {
        case (let url?, nil):
            let key = try members["versionKey"]?.string() ?? "version"
            if key.split(separator: ".", omittingEmptySubsequences: false).contains(where: \.isEmpty) {
                throw node.error("versionKey '\(key)' must be a dotted key path such as build.version")
            }
            self = .url(try url.httpURL(), versionKey: key, timeoutSeconds: timeout)
        case (nil, let command?):
            if let key = members["versionKey"] { throw key.error("versionKey goes with url, not command") }
            let argv = try command.strings()
            guard let program = argv.first, !program.hasPrefix("-") else { throw command.error("must name a program first") }
            self = .command(argv, timeoutSeconds: timeout)
        default:
            throw node.error("needs either \"url\" (with \"versionKey\") or \"command\" (an argv), not both")
        }
    }
}
