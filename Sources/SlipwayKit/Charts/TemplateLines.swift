import Foundation

/// A Helm template read line by line as YAML with Go template actions in it: `{{ … }}` is opaque, and a line is
/// judged only when it reads as `key: value` (a construct it does not know is skipped, never guessed).
struct TemplateLines {
    struct Line {
        let number: Int
        let text: Substring
        /// Columns before the first character (after a `- ` item marker too).
        let indent: Int
        let key: String?
        /// What follows `key:`, trimmed, without a trailing comment.
        let value: String
        var hasAction: Bool { text.contains("{{") }
        /// A value that is written out rather than taken from values: not empty, no action.
        var isLiteral: Bool { !value.isEmpty && !value.contains("{{") }
    }

    let lines: [Line]
    /// Set when `{{` and `}}` do not pair up: the template cannot be judged.
    let unbalanced: String?

    init(_ text: String) {
        var lines: [Line] = []
        var number = 0
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            lines.append(Self.read(line, number: number))
        }
        self.lines = lines
        let opening = text.components(separatedBy: "{{").count - 1
        let closing = text.components(separatedBy: "}}").count - 1
        unbalanced = opening == closing ? nil : "\(opening) '{{' but \(closing) '}}'"
    }

    static func read(_ text: Substring, number: Int) -> Line {
        var rest = text.drop(while: { $0 == " " })
        var indent = text.count - rest.count
        if rest.hasPrefix("- ") {
            rest = rest.dropFirst(2).drop(while: { $0 == " " })
            indent = text.count - rest.count
        }
        guard !rest.hasPrefix("#"), !rest.hasPrefix("{{"), let colon = keyColon(rest) else {
            return Line(number: number, text: text, indent: indent, key: nil, value: "")
        }
        let key = rest[..<colon].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
        var value = rest[rest.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        if !value.contains("{{"), let comment = value.range(of: " #") {
            value = String(value[..<comment.lowerBound]).trimmingCharacters(in: .whitespaces)
        }
        if value.hasPrefix("#") { value = "" }
        return Line(number: number, text: text, indent: indent, key: key, value: value)
    }

    /// The colon ending a plain key: followed by a blank or the end, before any action or quote.
    static func keyColon(_ text: Substring) -> Substring.Index? {
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character == "{" || character == "\"" || character == "'" { return nil }
            if character == ":" {
                let next = text.index(after: index)
                if next == text.endIndex || text[next] == " " { return index }
            }
            if character == " ", text[index...].hasPrefix(" #") { return nil }
            index = text.index(after: index)
        }
        return nil
    }

    /// The lines after `index` that are more indented than it (its children), stopping at the first that is not.
    func children(of index: Int) -> ArraySlice<Line> {
        let parent = lines[index]
        var end = index + 1
        while end < lines.count {
            let line = lines[end]
            let blank = line.text.allSatisfy { $0 == " " }
            if !blank, line.indent <= parent.indent, !line.text.drop(while: { $0 == " " }).hasPrefix("{{") { break }
            end += 1
        }
        return lines[(index + 1)..<end]
    }
}
