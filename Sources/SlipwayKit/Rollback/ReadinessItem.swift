/// One line of the rollback readiness checklist: ✓, ✗ or ? with its reason.
public struct ReadinessItem: Sendable, Hashable {
    /// `pass` (✓), `fail` (✗) or `unknown` (?), as `readiness --json` writes it.
    public enum State: String, Sendable {
        case pass, fail, unknown

        /// `✓`, `✗` or `?`.
        public var symbol: String {
            switch self {
            case .pass: return "✓"
            case .fail: return "✗"
            case .unknown: return "?"
            }
        }
    }

    /// `plan`, `criteria`, `migrations`, `artefacts`, `time`, `helm`.
    public var id: String
    public var title: String
    public var state: State
    public var reason: String
    /// Lines under the reason: one per artefact looked up, for example.
    public var details: [String]

    public init(id: String, title: String, state: State, reason: String, details: [String] = []) {
        self.id = id
        self.title = title
        self.state = state
        self.reason = reason
        self.details = details
    }

    public var json: JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("id", .string(id)), ("title", .string(title)), ("state", .string(state.rawValue)),
            ("symbol", .string(state.symbol)), ("reason", .string(reason)),
        ]
        if !details.isEmpty { members.append(("details", .array(details.map(JSONValue.string)))) }
        return .object(members)
    }
}
