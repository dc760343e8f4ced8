/// Durations as `.slipway.json` and `--watch` write them: `90s`, `5m`, `1h30m`, `2h`.
public enum DurationText {
    /// Seconds, or `nil` when `text` is not a duration.
    public static func seconds(_ text: String) -> Double? {
        var total = 0.0
        var number = ""
        var sawUnit = false
        for character in text {
            if character.isNumber || character == "." { number.append(character); continue }
            guard let value = Double(number) else { return nil }
            switch character {
            case "s": total += value
            case "m": total += value * 60
            case "h": total += value * 3600
            default: return nil
            }
            number = ""
            sawUnit = true
        }
        guard number.isEmpty, sawUnit, total > 0 else { return nil }
        return total
    }

    /// `5m`, `1h30m`, `45s`.
    public static func format(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded())
        var text = ""
        if whole >= 3600 { text += "\(whole / 3600)h" }
        if whole % 3600 >= 60 { text += "\(whole % 3600 / 60)m" }
        if whole % 60 > 0 || text.isEmpty { text += "\(whole % 60)s" }
        return text
    }
}

extension ConfigNode {
    /// A duration such as `30s` or `5m` within `range` seconds.
    func duration(in range: ClosedRange<Double>) throws(ConfigError) -> Double {
        let text = try string()
        guard let seconds = DurationText.seconds(text), range.contains(seconds) else {
            throw error("'\(text)' is not a duration from \(DurationText.format(range.lowerBound)) to \(DurationText.format(range.upperBound)) (like 30s, 5m, 1h)")
        }
        return seconds
    }

    /// An http(s) URL.
    func httpURL() throws(ConfigError) -> String {
        let text = try string()
        guard text.hasPrefix("http://") || text.hasPrefix("https://"), !text.contains(where: { $0.isWhitespace }),
              text.split(separator: "/").count >= 2 else {
            throw error("'\(text)' must be an http(s) URL")
        }
        return text
    }

    /// A value taken from the environment: `{"env": "NAME", "prefix": "Bearer "}`; never written in the file.
    func environmentValue() throws(ConfigError) -> EnvironmentValue {
        let members = try members(allowed: ["env", "prefix"])
        guard let name = members["env"] else { throw error("needs \"env\": the environment variable that holds the value") }
        let variable = try name.string()
        guard variable.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }), variable.first?.isNumber == false else {
            throw name.error("'\(variable)' is not an environment variable name")
        }
        return EnvironmentValue(variable: variable, prefix: try members["prefix"]?.string(nonEmpty: false) ?? "")
    }
}

/// A secret read from the environment when it is used: the config names the variable, never the value.
public struct EnvironmentValue: Sendable, Hashable {
    public var variable: String
    public var prefix: String

    /// The value now, or `nil` when the variable is not set.
    public func resolve(_ environment: [String: String]) -> String? {
        environment[variable].map { prefix + $0 }
    }
}
