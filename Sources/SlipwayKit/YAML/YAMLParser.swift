/// A YAML 1.2 reader for the files charts are made of (Chart.yaml, values.yaml): block and flow collections,
/// compact sequences (`key:` then `- item` at the key's indentation), plain, quoted and block scalars with their
/// indicators, comments, anchors and aliases (with `<<` merges), several documents, CRLF. Every node keeps its line
/// and byte range, so a finding names its line and an edit replaces only a scalar's characters.
public struct YAMLParser {
    let bytes: [UInt8]
    let file: String
    var position = 0
    var anchors: [String: YAMLNode] = [:]
    var depth = 0
    /// The offset at which each line starts.
    let lineStarts: [Int]

    static let maximumDepth = 200

    /// Every document of `data`.
    public static func parse(_ data: some Collection<UInt8>, file: String) throws(YAMLError) -> [YAMLDocument] {
        var parser = YAMLParser(bytes: Array(data), file: file)
        return try parser.stream()
    }

    /// The first document's root, or `nil` when the text holds no document or an empty one.
    public static func parseFirst(_ data: some Collection<UInt8>, file: String) throws(YAMLError) -> YAMLNode? {
        try parse(data, file: file).first?.root
    }

    init(bytes: [UInt8], file: String) {
        self.bytes = bytes
        self.file = file
        var starts = [0]
        var index = 0
        while index < bytes.count {
            if bytes[index] == 0x0A {
                starts.append(index + 1)
            } else if bytes[index] == 0x0D {
                if index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
                starts.append(index + 1)
            }
            index += 1
        }
        lineStarts = starts
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
    }

    // MARK: Positions

    /// The 1-based line of `offset`.
    func line(of offset: Int) -> Int {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return low + 1
    }

    /// The 0-based column of `offset` (in bytes).
    func column(of offset: Int) -> Int { offset - lineStarts[line(of: offset) - 1] }

    func error(_ problem: String, at offset: Int? = nil) -> YAMLError {
        let at = min(offset ?? position, bytes.count)
        return YAMLError(file: file, line: line(of: at), column: column(of: at) + 1, problem: problem)
    }

    func byte(_ offset: Int) -> UInt8? { offset < bytes.count ? bytes[offset] : nil }
    var current: UInt8? { byte(position) }

    static func isBreak(_ byte: UInt8?) -> Bool { byte == 0x0A || byte == 0x0D }
    static func isBlank(_ byte: UInt8?) -> Bool { byte == 0x20 || byte == 0x09 }
    /// Blank, a line break or the end.
    static func isSeparator(_ byte: UInt8?) -> Bool { byte == nil || isBlank(byte) || isBreak(byte) }

    /// Past one line break (CRLF counts as one).
    mutating func skipBreak() {
        if current == 0x0D { position += 1 }
        if current == 0x0A { position += 1 }
    }

    mutating func skipBlanks() {
        while Self.isBlank(current) { position += 1 }
    }

    /// At the end of the line once blanks and a comment are passed over.
    func atLineEnd(from offset: Int? = nil) -> Bool {
        var index = offset ?? position
        while Self.isBlank(byte(index)) { index += 1 }
        return byte(index) == nil || Self.isBreak(byte(index)) || byte(index) == UInt8(ascii: "#")
    }

    /// Moves to the first character of the next line with content, past blank and comment-only lines; `false` at
    /// the end. A tab in the indentation is an error: YAML indents with spaces only.
    mutating func skipToContent() throws(YAMLError) -> Bool {
        while true {
            let startOfLine = column(of: position) == 0
            while current == 0x20 { position += 1 }
            if current == 0x09 {
                let onlyBlanks = (lineStarts[line(of: position) - 1]..<position).allSatisfy { bytes[$0] == 0x20 }
                if startOfLine || onlyBlanks, !atLineEnd() { throw error("a tab indents this line; YAML allows spaces only") }
                skipBlanks()
            }
            guard let byte = current else { return false }
            if byte == UInt8(ascii: "#") {
                while let next = current, !Self.isBreak(next) { position += 1 }
                continue
            }
            if Self.isBreak(byte) { skipBreak(); continue }
            if byte == UInt8(ascii: "%"), column(of: position) == 0 {
                while let next = current, !Self.isBreak(next) { position += 1 }
                continue
            }
            return true
        }
    }

    /// `---` or `...` at the start of a line, followed by a blank, a break or the end.
    func isDocumentMarker(at offset: Int) -> Bool {
        guard column(of: offset) == 0, offset + 3 <= bytes.count else { return false }
        let three = bytes[offset..<(offset + 3)]
        guard three.elementsEqual("---".utf8) || three.elementsEqual("...".utf8) else { return false }
        return Self.isSeparator(byte(offset + 3))
    }

    // MARK: The stream

    mutating func stream() throws(YAMLError) -> [YAMLDocument] {
        var documents: [YAMLDocument] = []
        while try skipToContent() {
            anchors = [:]
            let line = line(of: position)
            var explicit = false
            if isDocumentMarker(at: position), bytes[position] == UInt8(ascii: ".") {
                position += 3
                continue
            }
            if isDocumentMarker(at: position) {
                position += 3
                explicit = true
            }
            var root: YAMLNode?
            if explicit, !atLineEnd() {
                skipBlanks()
                root = try nodeHere(parentIndent: -1, inline: false)
            } else if try skipToContent(), !isDocumentMarker(at: position) {
                root = try nodeHere(parentIndent: -1, inline: false)
            }
            documents.append(YAMLDocument(root: root, line: line))
            guard try skipToContent() else { break }
            if isDocumentMarker(at: position) {
                if bytes[position] == UInt8(ascii: ".") { position += 3 }
                continue
            }
            throw error("expected a new document (---) or the end of the file; is this line indented wrongly?")
        }
        return documents
    }

    // MARK: Block structure

    /// The node on the lines below (indented more than `parentIndent`), or an empty value.
    mutating func blockNode(parentIndent: Int) throws(YAMLError) -> YAMLNode {
        let here = position
        guard try skipToContent(), !isDocumentMarker(at: position), column(of: position) > parentIndent else {
            position = max(here, position)
            return .empty(line: line(of: here), column: column(of: here) + 1, at: here)
        }
        return try nodeHere(parentIndent: parentIndent, inline: false)
    }

    /// The node starting at the cursor. `inline` is a value on its key's line, where a block mapping or
    /// sequence cannot start.
    mutating func nodeHere(parentIndent: Int, inline: Bool) throws(YAMLError) -> YAMLNode {
        depth += 1
        defer { depth -= 1 }
        if depth > Self.maximumDepth { throw error("nested deeper than \(Self.maximumDepth) levels") }
        let start = position
        var (anchor, tag) = try properties()
        var node: YAMLNode
        if anchor != nil || tag != nil, atLineEnd() {
            node = try blockNode(parentIndent: parentIndent)
        } else {
            node = try content(parentIndent: parentIndent, inline: inline, start: start)
        }
        if let tag { node.tag = tag }
        if let anchor {
            node.anchor = anchor
            anchors[anchor] = node
        }
        (anchor, tag) = (nil, nil)
        return node
    }

    mutating func content(parentIndent: Int, inline: Bool, start: Int) throws(YAMLError) -> YAMLNode {
        guard let byte = current else { return .empty(line: line(of: position), column: column(of: position) + 1, at: position) }
        let column = column(of: position)
        switch byte {
        case UInt8(ascii: "-") where Self.isSeparator(self.byte(position + 1)):
            if inline { throw error("a sequence cannot start on its key's line; put '- ' items on the lines below") }
            return try blockSequence(indent: column)
        case UInt8(ascii: "?") where Self.isSeparator(self.byte(position + 1)):
            if inline { throw error("a mapping cannot start on its key's line") }
            return try blockMapping(indent: column)
        case UInt8(ascii: "|"), UInt8(ascii: ">"):
            return try blockScalar(parentIndent: parentIndent)
        case UInt8(ascii: "["), UInt8(ascii: "{"):
            let node = try flowCollection()
            if !inline, implicitKeyFollows() { throw error("a flow collection as a mapping key is not supported", at: start) }
            return node
        default:
            if hasImplicitKey() {
                if inline { throw error("a mapping cannot start on its key's line; is a ': ' inside a value that needs quotes?") }
                return try blockMapping(indent: column)
            }
            if byte == UInt8(ascii: "*") { return try alias() }
            return try scalar(parentIndent: parentIndent)
        }
    }

    /// `&anchor` and `!tag` before a node, in either order.
    mutating func properties() throws(YAMLError) -> (anchor: String?, tag: String?) {
        var anchor: String?
        var tag: String?
        while let byte = current, byte == UInt8(ascii: "&") || byte == UInt8(ascii: "!") {
            let start = position
            position += 1
            if byte == UInt8(ascii: "!"), current == UInt8(ascii: "<") {
                // A verbatim tag, `!<tag:example.com,2002:invoice>`, may hold any character but '>'.
                while let next = current, next != UInt8(ascii: ">"), !Self.isBreak(next) { position += 1 }
                if current == UInt8(ascii: ">") { position += 1 }
            }
            while let next = current, !Self.isSeparator(next), !Self.isFlowIndicator(next) { position += 1 }
            let name = String(decoding: bytes[(start + 1)..<position], as: UTF8.self)
            if byte == UInt8(ascii: "&") {
                if name.isEmpty { throw error("an anchor needs a name after '&'", at: start) }
                anchor = name
            } else {
                tag = "!" + name
            }
            skipBlanks()
        }
        return (anchor, tag)
    }

    mutating func alias() throws(YAMLError) -> YAMLNode {
        let start = position
        position += 1
        while let next = current, !Self.isSeparator(next), !Self.isFlowIndicator(next) { position += 1 }
        let name = String(decoding: bytes[(start + 1)..<position], as: UTF8.self)
        guard var node = anchors[name] else { throw error("the alias *\(name) names no anchor defined above it", at: start) }
        node.anchor = nil
        return node
    }

    static func isFlowIndicator(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ",") || byte == UInt8(ascii: "[") || byte == UInt8(ascii: "]")
            || byte == UInt8(ascii: "{") || byte == UInt8(ascii: "}")
    }

    /// Whether the line from the cursor reads as `key: …` (a quoted or plain key, or an alias, then ':' and a blank).
    func hasImplicitKey() -> Bool {
        var index = position
        guard let first = byte(index) else { return false }
        if first == UInt8(ascii: "\"") || first == UInt8(ascii: "'") {
            index += 1
            while let next = byte(index), !Self.isBreak(next) {
                if first == UInt8(ascii: "\"") && next == UInt8(ascii: "\\") { index += 2; continue }
                if next == first {
                    if first == UInt8(ascii: "'"), byte(index + 1) == first { index += 2; continue }
                    break
                }
                index += 1
            }
            guard byte(index) == first else { return false }
            index += 1
            while Self.isBlank(byte(index)) { index += 1 }
            return byte(index) == UInt8(ascii: ":") && Self.isSeparator(byte(index + 1))
        }
        if Self.isFlowIndicator(first) || first == UInt8(ascii: "#") { return false }
        while let next = byte(index), !Self.isBreak(next) {
            if next == UInt8(ascii: ":"), Self.isSeparator(byte(index + 1)) { return true }
            if next == UInt8(ascii: "#"), index > position, Self.isBlank(byte(index - 1)) { return false }
            index += 1
        }
        return false
    }

    /// After a flow collection: whether ':' and a blank follow (the collection would be a key).
    func implicitKeyFollows() -> Bool {
        var index = position
        while Self.isBlank(byte(index)) { index += 1 }
        return byte(index) == UInt8(ascii: ":") && Self.isSeparator(byte(index + 1))
    }

    mutating func blockMapping(indent: Int) throws(YAMLError) -> YAMLNode {
        let start = position
        var pairs: [YAMLPair] = []
        var seen: [String: Int] = [:]
        var end = position
        while true {
            let explicitKey = current == UInt8(ascii: "?") && Self.isSeparator(byte(position + 1))
            let key = try mappingKey(indent: indent)
            if key.kind == .scalar, key.value != "<<" {
                if let earlier = seen[key.value] {
                    throw error("the key \(key.value) appears twice (lines \(earlier) and \(key.line)); keep one", at: key.range.lowerBound)
                }
                seen[key.value] = key.line
            }
            skipBlanks()
            if current == UInt8(ascii: ":") {
                position += 1
                pairs.append(YAMLPair(key: key, value: try mappingValue(indent: indent)))
            } else if explicitKey {
                pairs.append(YAMLPair(key: key, value: .empty(line: key.line, column: key.column, at: position)))
            } else {
                throw error("expected ':' after the key \(key.value)")
            }
            end = max(end, position)
            guard try skipToContent(), !isDocumentMarker(at: position) else { break }
            let column = column(of: position)
            if column < indent { break }
            if column > indent {
                throw error("this line is indented more than the keys above it (column \(column + 1), the keys are at \(indent + 1))")
            }
            if current == UInt8(ascii: "-"), Self.isSeparator(byte(position + 1)) {
                throw error("a '- ' item at the indentation of the keys above; indent it under its key or give it a key")
            }
        }
        return YAMLNode(kind: .mapping, style: .block, pairs: pairs, line: line(of: start), column: column(of: start) + 1,
                        range: start..<end)
    }

    mutating func mappingKey(indent: Int) throws(YAMLError) -> YAMLNode {
        if current == UInt8(ascii: "?"), Self.isSeparator(byte(position + 1)) {
            position += 1
            skipBlanks()
            let key = atLineEnd() ? try blockNode(parentIndent: indent) : try nodeHere(parentIndent: indent, inline: false)
            // `? key` with no ':' after it has an empty value (a set's member).
            let after = position
            if try skipToContent(), column(of: position) == indent, current == UInt8(ascii: ":") { return key }
            position = after
            return key
        }
        if current == UInt8(ascii: "*") { return try alias() }
        if current == UInt8(ascii: "\"") || current == UInt8(ascii: "'") { return try quotedScalar(parentIndent: indent) }
        return try plainScalar(parentIndent: indent, flow: false, singleLine: true)
    }

    mutating func mappingValue(indent: Int) throws(YAMLError) -> YAMLNode {
        skipBlanks()
        guard atLineEnd() else { return try nodeHere(parentIndent: indent, inline: true) }
        let here = position
        guard try skipToContent(), !isDocumentMarker(at: position) else {
            return .empty(line: line(of: here), column: column(of: here) + 1, at: here)
        }
        let column = column(of: position)
        if column > indent { return try nodeHere(parentIndent: indent, inline: false) }
        if column == indent, current == UInt8(ascii: "-"), Self.isSeparator(byte(position + 1)) {
            return try blockSequence(indent: indent)
        }
        return .empty(line: line(of: here), column: self.column(of: here) + 1, at: here)
    }

    mutating func blockSequence(indent: Int) throws(YAMLError) -> YAMLNode {
        let start = position
        var items: [YAMLNode] = []
        var end = position
        while true {
            position += 1
            skipBlanks()
            items.append(atLineEnd() ? try blockNode(parentIndent: indent) : try nodeHere(parentIndent: indent, inline: false))
            end = max(end, position)
            guard try skipToContent(), !isDocumentMarker(at: position) else { break }
            let column = column(of: position)
            if column < indent { break }
            let isItem = current == UInt8(ascii: "-") && Self.isSeparator(byte(position + 1))
            if column == indent, isItem { continue }
            if column == indent { break }
            throw error("this line is indented more than the '- ' items above it (column \(column + 1), the items are at \(indent + 1))")
        }
        return YAMLNode(kind: .sequence, style: .block, items: items, line: line(of: start), column: column(of: start) + 1,
                        range: start..<end)
    }
}
