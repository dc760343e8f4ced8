/// A value inside `.slipway.json` with the key path that leads to it, for strict reading.
public struct ConfigNode: Sendable {
    public let value: JSONValue
    public let path: String
    public let file: String

    public init(value: JSONValue, path: String, file: String) {
        self.value = value
        self.path = path
        self.file = file
    }

    public func error(_ problem: String) -> ConfigError {
        ConfigError(file: file, keyPath: path, problem: problem)
    }

    func child(_ key: String, _ value: JSONValue) -> ConfigNode {
        ConfigNode(value: value, path: path.isEmpty ? key : "\(path).\(key)", file: file)
    }

    /// The members of an object, refusing any key not in `allowed`.
    public func members(allowed: Set<String>) throws(ConfigError) -> [String: ConfigNode] {
        guard case .object(let members) = value else { throw error("must be an object, not \(value.kindName)") }
        var result: [String: ConfigNode] = [:]
        for member in members {
            guard allowed.contains(member.key) else {
                let known = allowed.sorted().joined(separator: ", ")
                throw child(member.key, member.value).error("unknown key (known keys here: \(known))")
            }
            result[member.key] = child(member.key, member.value)
        }
        return result
    }

    /// Every member of an object, for maps whose keys are data.
    public func map() throws(ConfigError) -> [(String, ConfigNode)] {
        guard case .object(let members) = value else { throw error("must be an object, not \(value.kindName)") }
        return members.map { ($0.key, child($0.key, $0.value)) }
    }

    public func elements() throws(ConfigError) -> [ConfigNode] {
        guard case .array(let values) = value else { throw error("must be an array, not \(value.kindName)") }
        return values.enumerated().map { ConfigNode(value: $1, path: "\(path)[\($0)]", file: file) }
    }

    public func string(nonEmpty: Bool = true) throws(ConfigError) -> String {
        guard case .string(let text) = value else { throw error("must be a string, not \(value.kindName)") }
        if nonEmpty, text.isEmpty { throw error("must not be empty") }
        return text
    }

    public func bool() throws(ConfigError) -> Bool {
        guard case .bool(let flag) = value else { throw error("must be true or false, not \(value.kindName)") }
        return flag
    }

    public func integer(in range: ClosedRange<Int>) throws(ConfigError) -> Int {
        guard case .number(let number) = value, number == number.rounded(), number >= Double(range.lowerBound),
              number <= Double(range.upperBound) else {
            throw error("must be a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return Int(number)
    }

    public func number() throws(ConfigError) -> Double {
        guard case .number(let number) = value else { throw error("must be a number, not \(value.kindName)") }
        return number
    }

    public func strings() throws(ConfigError) -> [String] {
        var result: [String] = []
        for element in try elements() { result.append(try element.string()) }
        return result
    }

    /// A relative path that stays inside the repository: no leading `/`, no `..`, no trailing `/`.
    public func relativePath() throws(ConfigError) -> String {
        var text = try string()
        while text.count > 1, text.hasSuffix("/") { text.removeLast() }
        if text.hasPrefix("/") || text.hasPrefix("-") || text.split(separator: "/").contains("..") {
            throw error("'\(text)' must be a path inside the repository")
        }
        return text
    }

    /// A string that must be one of `choices`.
    public func choice(_ choices: [String]) throws(ConfigError) -> String {
        let text = try string()
        guard choices.contains(text) else {
            throw error("'\(text)' is not one of \(choices.joined(separator: ", "))")
        }
        return text
    }
}
