@testable import SlipwayKit

/// Enough of JSON Schema 2020-12 to check `.slipway.json` examples against `docs/slipway.schema.json`: `type`,
/// `properties`, `additionalProperties`, `required`, `items`, `enum`, `const`, `oneOf`, `minimum`, `maximum`.
enum SchemaValidator {
    /// The problems of `value` against `schema`, each with its path; empty when it validates.
    static func problems(_ value: JSONValue, _ schema: JSONValue, path: String = "$") -> [String] {
        if let choices = schema["oneOf"]?.arrayValue {
            let passing = choices.filter { problems(value, $0, path: path).isEmpty }
            return passing.count == 1 ? [] : ["\(path): matches \(passing.count) of the oneOf choices, not exactly one"]
        }
        if let allowed = schema["enum"]?.arrayValue, !allowed.contains(value) { return ["\(path): \(value) is not one of the allowed values"] }
        if let constant = schema["const"], constant != value { return ["\(path): must be \(constant)"] }
        var found: [String] = []
        if let type = schema["type"]?.stringValue, !matches(value, type) { return ["\(path): is not a \(type)"] }
        if case .number(let number) = value {
            if case .number(let low)? = schema["minimum"], number < low { found.append("\(path): below \(low)") }
            if case .number(let high)? = schema["maximum"], number > high { found.append("\(path): above \(high)") }
        }
        if case .object(let members) = value {
            for required in schema["required"]?.arrayValue.compactMap(\.stringValue) ?? [] where !members.contains(where: { $0.key == required }) {
                found.append("\(path): misses \(required)")
            }
            for member in members {
                if let property = schema["properties"]?[member.key] {
                    found += problems(member.value, property, path: "\(path).\(member.key)")
                } else if let additional = schema["additionalProperties"] {
                    if additional == .bool(false) { found.append("\(path).\(member.key): is not a known key") }
                    else if case .object = additional { found += problems(member.value, additional, path: "\(path).\(member.key)") }
                }
            }
        }
        if case .array(let items) = value, let itemSchema = schema["items"] {
            for (index, item) in items.enumerated() { found += problems(item, itemSchema, path: "\(path)[\(index)]") }
        }
        return found
    }

    static func matches(_ value: JSONValue, _ type: String) -> Bool {
        switch (type, value) {
        case ("object", .object), ("array", .array), ("string", .string), ("boolean", .bool), ("number", .number): return true
        case ("integer", .number(let number)): return number == number.rounded()
        default: return false
        }
    }
}
