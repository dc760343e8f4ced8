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

    public init(id: String, title: String, state: State, reason: String) {
        self.id = id
        self.title = title
        self.state = state
        self.reason = reason
    }

    public var json: JSONValue {
        .object([("id", .string(id)), ("title", .string(title)), ("state", .string(state.rawValue)),
                 ("symbol", .string(state.symbol)), ("reason", .string(reason))])
    }
}
