/// Git's rules for reference names (`git check-ref-format`), checked when a configured value becomes part of a
/// branch or tag name, plus one of Slipway's own: no name starts with `-`, so none can be read as an option.
public enum RefNameRules {
    /// Why `name` cannot be a branch or tag name, or `nil` when it can.
    public static func problem(_ name: String) -> String? {
        if name.isEmpty { return "it is empty" }
        if name.hasPrefix("-") { return "it starts with '-'" }
        if name == "@" { return "'@' alone is not a name" }
        if let scalar = name.unicodeScalars.first(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            return "it holds the control character U+\(String(scalar.value, radix: 16, uppercase: true))"
        }
        if let bad = name.first(where: { " ~^:?*[\\".contains($0) }) { return "it holds '\(bad)'" }
        if name.contains("..") { return "it holds '..'" }
        if name.contains("@{") { return "it holds '@{'" }
        if name.hasSuffix("/") || name.hasSuffix(".") { return "it ends with '\(name.last!)'" }
        for component in name.split(separator: "/", omittingEmptySubsequences: false) {
            if component.isEmpty { return "it holds '//' or starts with '/'" }
            if component.hasPrefix(".") { return "a part starts with '.'" }
            if component.hasSuffix(".lock") { return "a part ends with '.lock'" }
        }
        return nil
    }
}
