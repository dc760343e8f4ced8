/// A line of text in pieces, each with its role: what presentation functions return and panels draw.
public struct StyledLine: Sendable, Hashable {
    public var segments: [(text: String, role: StyleRole)]

    public init(_ segments: [(String, StyleRole)] = []) {
        self.segments = segments.map { (text: $0.0, role: $0.1) }
    }

    public init(_ text: String, _ role: StyleRole = .text) {
        segments = [(text: text, role: role)]
    }

    public static func == (lhs: StyledLine, rhs: StyledLine) -> Bool { lhs.plainText == rhs.plainText && lhs.roles == rhs.roles }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(plainText)
        hasher.combine(roles)
    }

    private var roles: [StyleRole] { segments.map(\.role) }

    public var plainText: String { segments.map(\.text).joined() }

    public mutating func append(_ text: String, _ role: StyleRole = .text) {
        segments.append((text: text, role: role))
    }
}

extension ScreenBuffer {
    /// Draws `line` from column `x` of row `y`, clipped at `limit`.
    @discardableResult
    public mutating func draw(_ line: StyledLine, x: Int, y: Int, limit: Int? = nil) -> Int {
        var column = x
        for segment in line.segments {
            column = write(segment.text, x: column, y: y, role: segment.role, limit: limit)
        }
        return column
    }
}

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
