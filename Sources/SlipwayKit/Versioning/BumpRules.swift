/// Which level each kind of change contributes: `bump` in `.slipway.json`.
public struct BumpRules: Sendable, Hashable {
    /// Keys are a type (`feat`) or a type with a scope (`chore(deps)`); the scoped key wins.
    public var types: [String: BumpLevel]
    /// What a breaking change does while the major version is 0.
    public var breakingWhileZero: BumpLevel

    public static let defaultTypes: [String: BumpLevel] = [
        "feat": .minor,
        "fix": .patch,
        "perf": .patch,
        "chore(deps)": .patch,
        "build(deps)": .patch,
    ]

    public init(types: [String: BumpLevel] = BumpRules.defaultTypes, breakingWhileZero: BumpLevel = .minor) {
        self.types = types
        self.breakingWhileZero = breakingWhileZero
    }

    /// The defaults with `overrides` laid over them.
    public static func merging(_ overrides: [String: BumpLevel], breakingWhileZero: BumpLevel?) -> BumpRules {
        var types = defaultTypes
        for (key, level) in overrides { types[key.lowercased()] = level }
        return BumpRules(types: types, breakingWhileZero: breakingWhileZero ?? .minor)
    }

    /// The level and the rule's key for a type and scope; `nil` when no rule names them.
    public func level(type: String, scope: String?) -> (level: BumpLevel, rule: String)? {
        if let scope {
            let key = "\(type)(\(scope.lowercased()))"
            if let level = types[key] { return (level, key) }
        }
        if let level = types[type] { return (level, type) }
        return nil
    }
}
