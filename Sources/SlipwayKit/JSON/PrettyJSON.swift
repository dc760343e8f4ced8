/// Indented JSON for people and for `--json` output, keys in the order they were built.
public enum PrettyJSON {
    public static func render(_ value: JSONValue, indent: String = "") -> String {
        var output = ""
        render(value, indent: indent, into: &output)
        return output
    }

    /// Appends to `output`: one growing string rather than a string per nested value.
    static func render(_ value: JSONValue, indent: String, into output: inout String) {
        switch value {
        case .array(let values):
            if values.isEmpty { output += "[]"; return }
            let inner = indent + "  "
            output += "[\n"
            for (index, element) in values.enumerated() {
                if index > 0 { output += ",\n" }
                output += inner
                render(element, indent: inner, into: &output)
            }
            output += "\n" + indent + "]"
        case .object(let members):
            if members.isEmpty { output += "{}"; return }
            let inner = indent + "  "
            output += "{\n"
            for (index, member) in members.enumerated() {
                if index > 0 { output += ",\n" }
                output += inner
                JSONValue.appendQuoted(member.key, to: &output)
                output += ": "
                render(member.value, indent: inner, into: &output)
            }
            output += "\n" + indent + "}"
        case .string(let text):
            JSONValue.appendQuoted(text, to: &output)
        default:
            output += value.jsonText
        }
    }
}
