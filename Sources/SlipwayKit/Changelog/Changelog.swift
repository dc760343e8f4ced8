import Foundation

/// A Keep a Changelog file held as its exact lines, so that releasing it changes only the lines it must.
/// Tolerant of what real files do: `## Unreleased` without brackets, an en dash before the date, `[YANKED]`,
/// prose between sections, no links at all, nested bullets, CRLF line breaks.
public struct Changelog: Sendable {
    /// The path shown in messages.
    public let file: String
    /// Every line with its own line break (the last may have none).
    public let lines: [String]
    public let sections: [ChangelogSection]
    /// The line break new lines get: the one the file uses most.
    public let lineEnding: String
    /// 0-based index of the first line of the trailing block of link reference definitions (or `lines.count`).
    public let linkBlockStart: Int

    /// Reads a changelog from its bytes.
    public static func parse(_ bytes: [UInt8], file: String) throws(ChangelogError) -> Changelog {
        guard let text = String(bytes: bytes, encoding: .utf8) else {
            throw ChangelogError(file: file, problem: "is not UTF-8 text; save it as UTF-8 and try again")
        }
        return Changelog(text: text, file: file)
    }

    /// Reads a changelog from text; any text reads (a file without sections has none).
    public init(text: String, file: String = "CHANGELOG.md") {
        self.file = file
        var lines: [String] = []
        var current = ""
        for scalar in text.unicodeScalars {
            current.unicodeScalars.append(scalar)
            if scalar == "\n" { lines.append(current); current = "" }
        }
        if !current.isEmpty { lines.append(current) }
        self.lines = lines
        let crlf = lines.filter(Changelog.endsWithCRLF).count
        lineEnding = crlf * 2 > lines.filter(Changelog.hasLineBreak).count ? "\r\n" : "\n"

        var linkStart = lines.count
        var index = lines.count - 1
        while index >= 0 {
            let content = Changelog.content(lines[index])
            if content.trimmingCharacters(in: .whitespaces).isEmpty { index -= 1; continue }
            guard Changelog.linkLabel(content) != nil else { break }
            linkStart = index
            index -= 1
        }
        linkBlockStart = linkStart

        var headings: [(Int, ChangelogSection.Kind)] = []
        var boundaries: [Int] = []
        var inFence = false
        for (number, line) in lines.enumerated() {
            let content = Changelog.content(line)
            let trimmed = content.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") { inFence.toggle(); continue }
            if inFence { continue }
            if let kind = Changelog.sectionKind(content) {
                headings.append((number, kind))
                boundaries.append(number)
            } else if content.hasPrefix("# ") {
                boundaries.append(number)
            }
        }
        var sections: [ChangelogSection] = []
        for (heading, kind) in headings {
            let next = boundaries.first(where: { $0 > heading }) ?? lines.count
            sections.append(ChangelogSection(kind: kind, headingLine: heading, end: min(next, max(linkStart, heading + 1))))
        }
        self.sections = sections
    }

    /// The file's text, byte for byte as read.
    public var text: String { lines.joined() }

    /// The Unreleased sections (a well-kept file has one).
    public var unreleasedSections: [ChangelogSection] { sections.filter(\.isUnreleased) }

    /// The sections that name a version, newest first as the file lists them.
    public var releaseSections: [ChangelogSection] { sections.filter { $0.version != nil } }

    /// The bullet lines (`-`, `*` or `+`, at any depth) of a section.
    public func entries(in section: ChangelogSection) -> [String] {
        section.body.compactMap { index in
            let content = Changelog.content(lines[index])
            return Changelog.isBullet(content) ? content : nil
        }
    }

    /// The `### ` groups of a section (Added, Changed, …) with their bullet lines, in file order; bullets before
    /// the first `### ` heading are grouped under an empty heading.
    public func groups(in section: ChangelogSection) -> [(heading: String, entries: [String])] {
        var groups: [(heading: String, entries: [String])] = []
        for index in section.body {
            let content = Changelog.content(lines[index])
            if content.hasPrefix("### ") {
                groups.append((content.dropFirst(4).trimmingCharacters(in: .whitespaces), []))
            } else if Changelog.isBullet(content) {
                if groups.isEmpty { groups.append(("", [])) }
                groups[groups.count - 1].entries.append(content)
            }
        }
        return groups
    }

    /// A line without its line break.
    static func content(_ line: String) -> String {
        var scalars = line.unicodeScalars
        guard scalars.last == "\n" else { return line }
        scalars.removeLast()
        if scalars.last == "\r" { scalars.removeLast() }
        return String(scalars)
    }

    /// `true` when the line ends with `\n` (alone or after `\r`). Character-based `hasSuffix("\n")` misses CRLF,
    /// which Swift reads as one character.
    static func hasLineBreak(_ line: String) -> Bool { line.unicodeScalars.last == "\n" }

    static func endsWithCRLF(_ line: String) -> Bool {
        let scalars = line.unicodeScalars
        return scalars.last == "\n" && scalars.dropLast().last == "\r"
    }

    static func isBullet(_ content: String) -> Bool {
        let trimmed = content.drop(while: { $0 == " " || $0 == "\t" })
        guard let first = trimmed.first, "-*+".contains(first) else { return false }
        let rest = trimmed.dropFirst()
        return rest.first == " " || rest.first == "\t"
    }

    static func isBlank(_ line: String) -> Bool {
        content(line).trimmingCharacters(in: .whitespaces).isEmpty
    }

    /// The label of a link reference definition (`[1.2.0]: https://…`), lower-cased; `nil` for other lines.
    static func linkLabel(_ content: String) -> String? {
        let indent = content.prefix(while: { $0 == " " })
        guard indent.count <= 3 else { return nil }
        let rest = content.dropFirst(indent.count)
        guard rest.first == "[", let close = rest.range(of: "]:") else { return nil }
        let label = rest[rest.index(after: rest.startIndex)..<close.lowerBound]
        guard !label.isEmpty, !label.contains("]"), !rest[close.upperBound...].trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        return label.lowercased()
    }

    /// What a `## ` heading names, or `nil` when the line is not a level-2 heading.
    static func sectionKind(_ content: String) -> ChangelogSection.Kind? {
        guard content.hasPrefix("##"), !content.hasPrefix("###") else { return nil }
        let afterHashes = content.dropFirst(2)
        guard let first = afterHashes.first, first == " " || first == "\t" else { return nil }
        var title = afterHashes.trimmingCharacters(in: .whitespaces)
        while title.hasSuffix("#") { title = String(title.dropLast()).trimmingCharacters(in: .whitespaces) }
        let name: Substring
        var rest: Substring
        if title.hasPrefix("["), let close = title.firstIndex(of: "]") {
            name = title[title.index(after: title.startIndex)..<close]
            rest = title[title.index(after: close)...]
            if rest.hasPrefix("("), let paren = rest.firstIndex(of: ")") { rest = rest[rest.index(after: paren)...] }
        } else {
            let word = title.prefix(while: { $0 != " " && $0 != "\t" })
            name = word
            rest = title[word.endIndex...]
        }
        let trimmedName = name.trimmingCharacters(in: .whitespaces)
        if trimmedName.lowercased() == "unreleased" { return .unreleased }
        var versionText = trimmedName
        if versionText.hasPrefix("v") || versionText.hasPrefix("V") { versionText.removeFirst() }
        guard let firstCharacter = versionText.first, firstCharacter.isNumber, versionText.contains("."),
              versionText.allSatisfy({ $0.isLetter || $0.isNumber || ".-+".contains($0) }) else {
            return .other(title)
        }
        let yanked = rest.uppercased().contains("[YANKED]")
        let remainder = rest.replacingOccurrences(of: "[YANKED]", with: "", options: .caseInsensitive)
            .trimmingCharacters(in: CharacterSet(charactersIn: " \t-–—:()"))
        let dateWord = remainder.prefix(while: { !$0.isWhitespace && $0 != ")" })
        return .release(version: versionText, date: dateWord.isEmpty ? nil : String(dateWord), yanked: yanked)
    }
}
