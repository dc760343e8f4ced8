import Foundation

extension Calibration {
    /// `calibrate --json`.
    public var json: JSONValue {
        .object([
            ("pairs", .number(Double(pairs.count))),
            ("agree", .number(Double(agree))),
            ("agreeWithSuggestions", .number(Double(agreeWithSuggestions))),
            ("suggestions", .array(suggestions.map { suggestion in
                .object([("key", .string(suggestion.configKey)), ("value", .string(suggestion.level.name)),
                         ("gain", .number(Double(suggestion.gain)))])
            })),
            ("misses", .array(misses.map { pair in
                .object([("from", .string(pair.from.name)), ("to", .string(pair.to.name)), ("released", .string(pair.actual.name)),
                         ("rulesSay", .string(pair.predicted.name)), ("commits", .number(Double(pair.commits.count))),
                         ("decidedBy", .array(pair.deciding.map { commit in
                             .object([("sha", .string(commit.sha)), ("subject", .string(commit.subject)), ("level", .string(commit.level.name))])
                         }))])
            })),
        ])
    }

    /// The report a person reads.
    public var text: String {
        let percent = pairs.isEmpty ? 0 : agree * 100 / pairs.count
        var text = "\(pairs.count) release(s) replayed (consecutive release tags on the first-parent line); the bump rules reproduce \(agree) (\(percent)%)\n"
        if !misses.isEmpty { text += "missed:\n" }
        for pair in misses {
            text += "  \(pair.from.name) → \(pair.to.name)  released as \(pair.actual), the rules say \(pair.predicted) (\(pair.commits.count) commit(s))\n"
            for commit in pair.deciding { text += "      \(commit.commit.shortSHA)  \(commit.subject)  → \(commit.level)\n" }
        }
        guard !suggestions.isEmpty else {
            if !misses.isEmpty { text += "no change to bump.types reproduces more of them\n" }
            return text
        }
        text += "suggestions (with all of them the rules reproduce \(agreeWithSuggestions) of \(pairs.count)):\n"
        for suggestion in suggestions { text += "  \(suggestion.configKey) = \(suggestion.level)   +\(suggestion.gain)\n" }
        return text
    }
}

/// Adds `bump.types` entries to `.slipway.json` with the smallest edit: the rest of the file keeps its bytes.
public enum CalibrationWriter {
    /// The file's new text with `entries` (key → level) added under `bump.types`; a key the file already sets is
    /// changed in place.
    public static func apply(_ entries: [(key: String, level: BumpLevel)], to original: String) throws -> String {
        var text = original.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? "{\n}\n" : original
        for (key, level) in entries { text = try set(key, level.name, in: text) }
        _ = try SlipwayConfig.parse(Data(text.utf8))
        return text
    }

    static func set(_ key: String, _ value: String, in text: String) throws -> String {
        let root = try JSONParser.parse(Data(text.utf8))
        let entry = "\(JSONValue.quote(key)): \(JSONValue.quote(value))"
        if case .string? = root["bump"]?["types"]?[key] {
            // Already set: replace its value.
            guard let range = text.range(of: "\(JSONValue.quote(key))\\s*:\\s*\"[a-z]*\"", options: .regularExpression) else {
                throw CalibrationError("cannot find \(key) in .slipway.json to change it; set bump.types.\(key) by hand")
            }
            return text.replacingCharacters(in: range, with: entry)
        }
        if root["bump"]?["types"] != nil {
            return try insert(entry, after: "\"types\"", in: text, within: "\"bump\"")
        }
        if root["bump"] != nil {
            return try insert("\"types\": {\(entry)}", after: "\"bump\"", in: text, within: nil)
        }
        return try insert("\"bump\": {\"types\": {\(entry)}}", after: nil, in: text, within: nil)
    }

    /// Puts `member` first in the object that follows `key` (after `within` when given), or the top-level object.
    static func insert(_ member: String, after key: String?, in text: String, within: String?) throws -> String {
        var start = text.startIndex
        if let within, let found = text.range(of: within) { start = found.upperBound }
        if let key {
            guard let found = text.range(of: key, range: start..<text.endIndex) else {
                throw CalibrationError("cannot find \(key) in .slipway.json; add the suggestions by hand")
            }
            start = found.upperBound
        }
        guard let brace = text[start...].firstIndex(of: "{") else { throw CalibrationError("cannot find where to add bump.types") }
        let rest = text[text.index(after: brace)...]
        let empty = rest.drop(while: \.isWhitespace).first == "}"
        let indent = key == nil ? "  " : (key == "\"bump\"" ? "    " : "      ")
        return String(text[...brace]) + "\n" + indent + member + (empty ? "" : ",") + (empty ? "\n" : "") + rest
    }
}
