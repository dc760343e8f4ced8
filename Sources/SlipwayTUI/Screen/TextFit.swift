/// Fitting text into columns.
public enum TextFit {
    /// `text` cut to `columns` display columns, ending in `…` when cut.
    public static func truncate(_ text: String, to columns: Int) -> String {
        guard columns > 0 else { return "" }
        if DisplayWidth.of(text) <= columns { return text }
        var result = ""
        var used = 0
        for character in text {
            let width = DisplayWidth.of(character)
            if used + width > columns - 1 { break }
            result.append(character)
            used += width
        }
        return result + "…"
    }

    /// `text` cut or padded with spaces to exactly `columns`.
    public static func pad(_ text: String, to columns: Int) -> String {
        let cut = truncate(text, to: columns)
        return cut + String(repeating: " ", count: max(0, columns - DisplayWidth.of(cut)))
    }

    /// Words wrapped into lines of at most `columns`.
    public static func wrap(_ text: String, to columns: Int) -> [String] {
        guard columns > 0 else { return [] }
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            for word in paragraph.split(separator: " ") {
                let candidate = line.isEmpty ? String(word) : line + " " + word
                if DisplayWidth.of(candidate) <= columns {
                    line = candidate
                } else {
                    if !line.isEmpty { lines.append(line) }
                    line = truncate(String(word), to: columns)
                }
            }
            lines.append(line)
        }
        return lines
    }
}
