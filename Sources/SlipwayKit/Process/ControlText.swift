/// Control characters (ESC, BEL, CR, DEL, the C1 range) that a tool, a commit or a file may carry: stripped
/// from what Slipway writes to files and prints, shown escaped where the raw output matters (the command log).
public enum ControlText {
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return (value < 0x20 && scalar != "\n" && scalar != "\t") || (value >= 0x7F && value < 0xA0)
    }

    /// `text` without control characters (newlines and tabs stay).
    public static func stripped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var result = String.UnicodeScalarView()
        result.append(contentsOf: text.unicodeScalars.lazy.filter { !isControl($0) })
        return String(result)
    }

    /// `text` with each control character written as `\x1B`.
    public static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            if isControl(scalar) {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                result += "\\x" + (hex.count < 2 ? "0" + hex : hex)
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
