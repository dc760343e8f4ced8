/// One rollback criterion in executable form, in the spirit of an Argo Rollouts analysis: a PromQL query whose
/// value must stay at or below `max` (or at or above `min`); with `for`, over that window, sampled every
/// `interval`, breaching when more than `failureLimit` samples fail.
public struct RollbackCheck: Sendable, Hashable {
    public var name: String
    public var query: String
    public var max: Double?
    public var min: Double?
    /// The window the criterion must hold over; `nil`: the value now.
    public var window: Double?
    public var interval: Double
    public var failureLimit: Int

    public init(name: String, query: String, max: Double? = nil, min: Double? = nil, window: Double? = nil,
                interval: Double = 30, failureLimit: Int = 0) {
        self.name = name
        self.query = query
        self.max = max
        self.min = min
        self.window = window
        self.interval = interval
        self.failureLimit = failureLimit
    }

    /// `≤ 0.05`, `≥ 100`, or both.
    public var threshold: String {
        [max.map { "≤ \(Self.number($0))" }, min.map { "≥ \(Self.number($0))" }].compactMap { $0 }.joined(separator: " and ")
    }

    /// Whether `value` meets the criterion.
    public func holds(_ value: Double) -> Bool {
        if let max, value > max { return false }
        if let min, value < min { return false }
        return true
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }

    init(_ node: ConfigNode) throws(ConfigError) {
        let members = try node.members(allowed: ["name", "query", "max", "min", "for", "interval", "failureLimit"])
        guard let name = members["name"], let query = members["query"] else {
            throw node.error("needs \"name\" and \"query\" (PromQL), and \"max\" or \"min\"")
        }
        self.init(name: try name.string(), query: try query.string())
        max = try members["max"]?.number()
        min = try members["min"]?.number()
        if max == nil, min == nil { throw node.error("needs \"max\" or \"min\": the value the query must stay within") }
        if let max, let min, min > max { throw node.error("min \(min) is above max \(max)") }
        window = try members["for"]?.duration(in: 1...86_400)
        if let interval = members["interval"] { self.interval = try interval.duration(in: 1...3600) }
        if let limit = members["failureLimit"] { failureLimit = try limit.integer(in: 0...1000) }
        if let window, interval > window { throw node.error("interval \(DurationText.format(interval)) is longer than for \(DurationText.format(window))") }
    }

    public var json: JSONValue {
        .object([("name", .string(name)), ("query", .string(query)), ("threshold", .string(threshold)),
                 ("for", window.map { .string(DurationText.format($0)) } ?? .null), ("interval", .string(DurationText.format(interval))),
                 ("failureLimit", .number(Double(failureLimit)))])
    }
}
