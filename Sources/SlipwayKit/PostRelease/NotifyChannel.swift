/// One entry of `notify` in `.slipway.json`: where the release notice goes.
public enum NotifyChannel: Sendable, Hashable {
    /// A JSON POST with a `text` field chat tools accept, and the notice's fields.
    case webhook(url: String, headers: [String: EnvironmentValue], timeoutSeconds: Double)
    /// Mail over SMTP (`host:port`), STARTTLS when asked, credentials from the environment.
    case email(Email)
    /// An argv that gets the notice on its standard input.
    case command([String], timeoutSeconds: Double)
    /// A file the notice is added to, relative to the repository root (or absolute).
    case file(String)
    /// The GitHub or GitLab release object for the tag, with the notes (the annotated tag on the local forge).
    case forgeRelease

    public struct Email: Sendable, Hashable {
        public var server: String
        public var from: String
        public var to: [String]
        public var startTLS: Bool
        public var username: EnvironmentValue?
        public var password: EnvironmentValue?
        public var timeoutSeconds: Double
    }

    public var kind: String {
        switch self {
        case .webhook: return "webhook"
        case .email: return "email"
        case .command: return "command"
        case .file: return "file"
        case .forgeRelease: return "forge-release"
        }
    }

    /// The channel as the record of notices names it: its kind and where it goes (never a secret).
    public var id: String {
        switch self {
        case .webhook(let url, _, _): return "webhook " + SecretRedactor.redact(url)
        case .email(let email): return "email " + email.to.joined(separator: ",")
        case .command(let argv, _): return "command " + (argv.first ?? "")
        case .file(let path): return "file " + path
        case .forgeRelease: return "forge-release"
        }
    }

    init(_ node: ConfigNode) throws(ConfigError) {
        guard case .object = node.value, let kindValue = node.value["kind"] else {
            throw node.error("needs a \"kind\": webhook, email, command, file or forge-release")
        }
        let kind = try ConfigNode(value: kindValue, path: node.path + ".kind", file: node.file)
            .choice(["webhook", "email", "command", "file", "forge-release"])
        switch kind {
        case "webhook":
            let members = try node.members(allowed: ["kind", "url", "headers", "timeoutSeconds"])
            guard let url = members["url"] else { throw node.error("a webhook needs a \"url\"") }
            var headers: [String: EnvironmentValue] = [:]
            for (name, value) in try members["headers"]?.map() ?? [] { headers[name] = try value.environmentValue() }
            self = .webhook(url: try url.httpURL(), headers: headers, timeoutSeconds: try Self.timeout(members))
        case "email":
            self = .email(try Self.email(node))
        case "command":
            let members = try node.members(allowed: ["kind", "argv", "timeoutSeconds"])
            guard let argvNode = members["argv"] else { throw node.error("a command needs \"argv\" (the notice comes on its standard input)") }
            let argv = try argvNode.strings()
            guard let program = argv.first, !program.hasPrefix("-") else { throw argvNode.error("must name a program first") }
            self = .command(argv, timeoutSeconds: try Self.timeout(members))
        case "file":
            let members = try node.members(allowed: ["kind", "path"])
            guard let path = members["path"] else { throw node.error("a file channel needs a \"path\"") }
            let text = try path.string()
            if text.hasPrefix("-") || text.hasSuffix("/") { throw path.error("'\(text)' must be a file path") }
            self = .file(text)
        default:
            _ = try node.members(allowed: ["kind"])
            self = .forgeRelease
        }
    }

    private static func timeout(_ members: [String: ConfigNode]) throws(ConfigError) -> Double {
        try members["timeoutSeconds"].map { (node) throws(ConfigError) in Double(try node.integer(in: 1...300)) } ?? 20
    }

    private static func email(_ node: ConfigNode) throws(ConfigError) -> Email {
        let members = try node.members(allowed: ["kind", "smtp", "from", "to", "starttls", "username", "password", "timeoutSeconds"])
        guard let smtp = members["smtp"], let from = members["from"], let to = members["to"] else {
            throw node.error("an email channel needs \"smtp\" (host:port), \"from\" and \"to\"")
        }
        let server = try smtp.string()
        let parts = server.split(separator: ":")
        guard parts.count == 2, let port = Int(parts[1]), (1...65535).contains(port), !parts[0].hasPrefix("-"),
              parts[0].allSatisfy({ $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" }) else {
            throw smtp.error("'\(server)' must be host:port, e.g. mail.example.com:587")
        }
        func address(_ node: ConfigNode) throws(ConfigError) -> String {
            let text = try node.string()
            guard text.contains("@"), !text.hasPrefix("-"), !text.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" || $0 == "," }) else {
                throw node.error("'\(text)' is not an email address")
            }
            return text
        }
        var recipients: [String] = []
        for element in try to.elements() { recipients.append(try address(element)) }
        if recipients.isEmpty { throw to.error("must name at least one recipient") }
        return Email(server: server, from: try address(from), to: recipients,
                     startTLS: try members["starttls"]?.bool() ?? false,
                     username: try members["username"]?.environmentValue(), password: try members["password"]?.environmentValue(),
                     timeoutSeconds: try timeout(members))
    }
}

extension SlipwayConfig {
    /// The `monitoring` section, or `nil` when none is configured.
    public func monitoring() throws(ConfigError) -> MonitoringSettings? {
        guard let node = sections["monitoring"] else { return nil }
        return try MonitoringSettings(node)
    }

    /// The `notify` channels in order.
    public func notifyChannels() throws(ConfigError) -> [NotifyChannel] {
        guard let node = sections["notify"] else { return [] }
        var channels: [NotifyChannel] = []
        for element in try node.elements() {
            let channel = try NotifyChannel(element)
            if channels.contains(where: { $0.id == channel.id }) { throw element.error("the channel \(channel.id) is listed twice") }
            channels.append(channel)
        }
        return channels
    }

    /// `impactedSystems`: what the notice names as affected.
    public func impactedSystems() throws(ConfigError) -> [String] {
        guard let node = sections["impactedSystems"] else { return [] }
        return try node.strings()
    }
}
