/// Scalars: plain (one line or folded over several), single- and double-quoted, and block scalars (`|`, `>`).
extension YAMLParser {
    mutating func scalar(parentIndent: Int) throws(YAMLError) -> YAMLNode {
        if current == UInt8(ascii: "\"") || current == UInt8(ascii: "'") { return try quotedScalar(parentIndent: parentIndent) }
        return try plainScalar(parentIndent: parentIndent, flow: false, singleLine: false)
    }

    /// A plain scalar: it ends at `: `, ` #` or the line's end (in flow, also at `,[]{}`); further lines more
    /// indented than `parentIndent` fold into it (a line break is a space, an empty line a newline).
    mutating func plainScalar(parentIndent: Int, flow: Bool, singleLine: Bool) throws(YAMLError) -> YAMLNode {
        let start = position
        guard let first = current else { return .empty(line: line(of: start), column: column(of: start) + 1, at: start) }
        if first == UInt8(ascii: "@") || first == UInt8(ascii: "`") {
            throw error("a plain value cannot start with '\(Character(Unicode.Scalar(first)))'; quote it")
        }
        var end = segmentEnd(flow: flow)
        var value = String(decoding: bytes[start..<end], as: UTF8.self)
        position = end
        guard !singleLine else { return plainNode(value, start: start, end: end) }
        while true {
            let save = position
            var newlines = 0
            while Self.isBlank(current) { position += 1 }
            guard Self.isBreak(current) else { position = save; break }
            while Self.isBreak(current) || Self.isBlank(current) {
                if Self.isBreak(current) { newlines += 1; skipBreak() } else { position += 1 }
            }
            guard let next = current, column(of: position) > parentIndent || flow, !isDocumentMarker(at: position),
                  next != UInt8(ascii: "#"), !(flow && (Self.isFlowIndicator(next) || next == UInt8(ascii: ":"))) else {
                position = save
                break
            }
            if !flow, hasImplicitKey() { position = save; break }
            let segmentStart = position
            end = segmentEnd(flow: flow)
            if end == segmentStart { position = save; break }
            value += (newlines > 1 ? String(repeating: "\n", count: newlines - 1) : " ")
                + String(decoding: bytes[segmentStart..<end], as: UTF8.self)
            position = end
        }
        return plainNode(value, start: start, end: end)
    }

    private func plainNode(_ value: String, start: Int, end: Int) -> YAMLNode {
        YAMLNode(kind: .scalar, style: .plain, value: value, line: line(of: start), column: column(of: start) + 1, range: start..<end)
    }

    /// Where the plain text from the cursor ends on this line, trailing blanks left out.
    func segmentEnd(flow: Bool) -> Int {
        var index = position
        var end = position
        while let byte = byte(index), !Self.isBreak(byte) {
            if byte == UInt8(ascii: ":") {
                let next = self.byte(index + 1)
                if Self.isSeparator(next) || (flow && next.map(Self.isFlowIndicator) == true) { break }
            }
            if byte == UInt8(ascii: "#"), index > position, Self.isBlank(self.byte(index - 1)) { break }
            if flow, Self.isFlowIndicator(byte) { break }
            index += 1
            if !Self.isBlank(byte) { end = index }
        }
        return end
    }

    /// A single- or double-quoted scalar, possibly over several lines; `range` is what lies between the quotes.
    mutating func quotedScalar(parentIndent: Int) throws(YAMLError) -> YAMLNode {
        let start = position
        let quote = bytes[position]
        position += 1
        var value: [UInt8] = []
        var pendingBlanks: [UInt8] = []
        while true {
            guard let byte = current else {
                throw error("the \(quote == UInt8(ascii: "\"") ? "double" : "single") quote opened here is not closed", at: start)
            }
            if byte == quote {
                if quote == UInt8(ascii: "'"), self.byte(position + 1) == quote {
                    value += pendingBlanks + [quote]
                    pendingBlanks = []
                    position += 2
                    continue
                }
                value += pendingBlanks
                break
            }
            if Self.isBreak(byte) {
                try foldQuotedBreak(into: &value, start: start, quote: quote)
                pendingBlanks = []
                continue
            }
            if Self.isBlank(byte) {
                pendingBlanks.append(byte)
                position += 1
                continue
            }
            value += pendingBlanks
            pendingBlanks = []
            if quote == UInt8(ascii: "\""), byte == UInt8(ascii: "\\") {
                if Self.isBreak(self.byte(position + 1)) {
                    position += 1
                    skipBreak()
                    skipBlanks()
                    continue
                }
                try escape(into: &value)
                continue
            }
            value.append(byte)
            position += 1
        }
        let end = position
        position += 1
        return YAMLNode(kind: .scalar, style: quote == UInt8(ascii: "\"") ? .doubleQuoted : .singleQuoted,
                        value: String(decoding: value, as: UTF8.self), line: line(of: start), column: column(of: start) + 1,
                        range: (start + 1)..<end)
    }

    /// A line break inside quotes: one break is a space, each further empty line a newline; leading blanks go.
    private mutating func foldQuotedBreak(into value: inout [UInt8], start: Int, quote: UInt8) throws(YAMLError) {
        var newlines = 0
        while Self.isBreak(current) || Self.isBlank(current) {
            if Self.isBreak(current) { newlines += 1; skipBreak() } else { position += 1 }
        }
        if current == nil {
            throw error("the \(quote == UInt8(ascii: "\"") ? "double" : "single") quote opened here is not closed", at: start)
        }
        if isDocumentMarker(at: position) { throw error("a document marker inside a quoted value; close the quote", at: start) }
        value += newlines > 1 ? [UInt8](repeating: 0x0A, count: newlines - 1) : [0x20]
    }

    private mutating func escape(into value: inout [UInt8]) throws(YAMLError) {
        let at = position
        position += 1
        guard let code = current else { throw error("an escape at the end of the file", at: at) }
        position += 1
        let simple: [UInt8: [UInt8]] = [
            UInt8(ascii: "n"): [0x0A], UInt8(ascii: "t"): [0x09], UInt8(ascii: "\t"): [0x09], UInt8(ascii: "r"): [0x0D],
            UInt8(ascii: "\""): [0x22], UInt8(ascii: "\\"): [0x5C], UInt8(ascii: "/"): [0x2F], UInt8(ascii: "0"): [0x00],
            UInt8(ascii: "a"): [0x07], UInt8(ascii: "b"): [0x08], UInt8(ascii: "e"): [0x1B], UInt8(ascii: "f"): [0x0C],
            UInt8(ascii: "v"): [0x0B], UInt8(ascii: " "): [0x20], UInt8(ascii: "N"): Array("\u{85}".utf8),
            UInt8(ascii: "_"): Array("\u{A0}".utf8), UInt8(ascii: "L"): Array("\u{2028}".utf8), UInt8(ascii: "P"): Array("\u{2029}".utf8),
        ]
        if let replacement = simple[code] {
            value += replacement
            return
        }
        let digits: Int
        switch code {
        case UInt8(ascii: "x"): digits = 2
        case UInt8(ascii: "u"): digits = 4
        case UInt8(ascii: "U"): digits = 8
        default: throw error("'\\\(Character(Unicode.Scalar(code)))' is not a YAML escape", at: at)
        }
        guard position + digits <= bytes.count,
              let number = UInt32(String(decoding: bytes[position..<(position + digits)], as: UTF8.self), radix: 16),
              let scalar = Unicode.Scalar(number) else {
            throw error("'\\\(Character(Unicode.Scalar(code)))' needs \(digits) hex digits", at: at)
        }
        position += digits
        value += Array(String(Character(scalar)).utf8)
    }

    /// `|` (literal) or `>` (folded) with optional indentation (1–9) and chomping (`-`, `+`) indicators.
    mutating func blockScalar(parentIndent: Int) throws(YAMLError) -> YAMLNode {
        let start = position
        let literal = bytes[position] == UInt8(ascii: "|")
        position += 1
        var explicitIndent: Int?
        var chomping: UInt8?
        for _ in 0..<2 {
            if let byte = current, byte >= UInt8(ascii: "1"), byte <= UInt8(ascii: "9"), explicitIndent == nil {
                explicitIndent = Int(byte - UInt8(ascii: "0"))
                position += 1
            } else if let byte = current, byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+"), chomping == nil {
                chomping = byte
                position += 1
            }
        }
        guard atLineEnd() else { throw error("expected the end of the line after the block scalar's indicators") }
        while let byte = current, !Self.isBreak(byte) { position += 1 }
        skipBreak()
        let lines = blockLines(parentIndent: parentIndent, explicit: explicitIndent.map { max(0, parentIndent) + $0 })
        let value = Self.blockValue(lines.texts, literal: literal, chomping: chomping)
        return YAMLNode(kind: .scalar, style: literal ? .literal : .folded, value: value, line: line(of: start),
                        column: column(of: start) + 1, range: start..<lines.end)
    }

    /// The block scalar's lines with its indentation removed (`nil` for an empty line), and where they end.
    private mutating func blockLines(parentIndent: Int, explicit: Int?) -> (texts: [String?], end: Int) {
        var indent = explicit
        var texts: [String?] = []
        var end = position
        while position < bytes.count {
            let lineStart = position
            var spaces = 0
            while byte(position + spaces) == 0x20 { spaces += 1 }
            let after = byte(position + spaces)
            if after == nil || Self.isBreak(after) {
                texts.append(nil)
                position += spaces
                skipBreak()
                continue
            }
            if indent == nil { indent = spaces > parentIndent ? spaces : nil }
            guard let width = indent, spaces >= width, !isDocumentMarker(at: lineStart) else { position = lineStart; break }
            var stop = position + width
            while let byte = byte(stop), !Self.isBreak(byte) { stop += 1 }
            texts.append(String(decoding: bytes[(position + width)..<stop], as: UTF8.self))
            position = stop
            end = stop
            skipBreak()
        }
        // Trailing empty lines stay for `+`; the cursor goes back to the start of the next content line.
        while position > end, position > 0, !Self.isBreak(byte(position - 1)) { position -= 1 }
        return (texts, end)
    }

    static func blockValue(_ lines: [String?], literal: Bool, chomping: UInt8?) -> String {
        var lastContent = lines.count - 1
        while lastContent >= 0, lines[lastContent] == nil { lastContent -= 1 }
        let content = lines.prefix(lastContent + 1)
        var text = ""
        if literal {
            text = content.map { $0 ?? "" }.joined(separator: "\n")
        } else {
            var previousWasText = false
            var pendingEmpty = 0
            for line in content {
                guard let line else { pendingEmpty += 1; continue }
                let moreIndented = line.first == " " || line.first == "\t"
                if text.isEmpty && !previousWasText {
                    text += String(repeating: "\n", count: pendingEmpty)
                } else if pendingEmpty > 0 {
                    text += String(repeating: "\n", count: pendingEmpty + (moreIndented || !previousWasText ? 1 : 0))
                } else {
                    text += previousWasText && !moreIndented ? " " : "\n"
                }
                text += line
                previousWasText = !moreIndented
                pendingEmpty = 0
            }
        }
        guard lastContent >= 0 else { return chomping == UInt8(ascii: "+") ? String(repeating: "\n", count: lines.count) : "" }
        switch chomping {
        case UInt8(ascii: "-"): return text
        case UInt8(ascii: "+"): return text + "\n" + String(repeating: "\n", count: lines.count - 1 - lastContent)
        default: return text + "\n"
        }
    }
}
