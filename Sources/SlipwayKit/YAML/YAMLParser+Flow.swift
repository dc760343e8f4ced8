/// Flow collections: `[a, b]` and `{a: 1, b: [x]}`, over as many lines as they take.
extension YAMLParser {
    mutating func flowCollection() throws(YAMLError) -> YAMLNode {
        depth += 1
        defer { depth -= 1 }
        if depth > Self.maximumDepth { throw error("nested deeper than \(Self.maximumDepth) levels") }
        let start = position
        let isSequence = bytes[position] == UInt8(ascii: "[")
        let close = isSequence ? UInt8(ascii: "]") : UInt8(ascii: "}")
        position += 1
        var items: [YAMLNode] = []
        var pairs: [YAMLPair] = []
        while true {
            try skipFlowSpace(openedAt: start)
            if current == close { position += 1; break }
            let entry = try flowEntry(openedAt: start, isSequence: isSequence)
            if isSequence {
                if let value = entry.value { items.append(YAMLNode(kind: .mapping, style: .flow, pairs: [YAMLPair(key: entry.key, value: value)],
                                                                   line: entry.key.line, column: entry.key.column, range: entry.key.range)) } else { items.append(entry.key) }
            } else {
                pairs.append(YAMLPair(key: entry.key, value: entry.value ?? .empty(line: entry.key.line, column: entry.key.column, at: position)))
            }
            try skipFlowSpace(openedAt: start)
            if current == UInt8(ascii: ",") { position += 1; continue }
            if current == close { position += 1; break }
            throw error("expected ',' or '\(Character(Unicode.Scalar(close)))' in the flow collection opened at line \(line(of: start))")
        }
        return YAMLNode(kind: isSequence ? .sequence : .mapping, style: .flow, items: items, pairs: pairs, line: line(of: start),
                        column: column(of: start) + 1, range: start..<position)
    }

    /// One entry: a node, and the value after ':' when there is one.
    private mutating func flowEntry(openedAt start: Int, isSequence: Bool) throws(YAMLError) -> (key: YAMLNode, value: YAMLNode?) {
        if current == UInt8(ascii: "?"), Self.isSeparator(byte(position + 1)) {
            position += 1
            try skipFlowSpace(openedAt: start)
        }
        let key = try flowNode(openedAt: start)
        try skipFlowSpace(openedAt: start)
        let adjacent = key.style == .doubleQuoted || key.style == .singleQuoted || key.style == .flow
        guard current == UInt8(ascii: ":"), adjacent || Self.isSeparator(byte(position + 1)) || byte(position + 1).map(Self.isFlowIndicator) == true else {
            return (key, nil)
        }
        position += 1
        try skipFlowSpace(openedAt: start)
        if current == UInt8(ascii: ",") || current == UInt8(ascii: isSequence ? "]" : "}") {
            return (key, .empty(line: line(of: position), column: column(of: position) + 1, at: position))
        }
        return (key, try flowNode(openedAt: start))
    }

    private mutating func flowNode(openedAt start: Int) throws(YAMLError) -> YAMLNode {
        let (anchor, tag) = try properties()
        try skipFlowSpace(openedAt: start)
        var node: YAMLNode
        switch current {
        case UInt8(ascii: "[")?, UInt8(ascii: "{")?: node = try flowCollection()
        case UInt8(ascii: "\"")?, UInt8(ascii: "'")?: node = try quotedScalar(parentIndent: -1)
        case UInt8(ascii: "*")?: node = try alias()
        case nil: throw error("the flow collection opened here is not closed", at: start)
        default: node = try plainScalar(parentIndent: -1, flow: true, singleLine: false)
        }
        if let tag { node.tag = tag }
        if let anchor {
            node.anchor = anchor
            anchors[anchor] = node
        }
        return node
    }

    /// Blanks, line breaks and comments between flow entries.
    private mutating func skipFlowSpace(openedAt start: Int) throws(YAMLError) {
        while let byte = current {
            if Self.isBlank(byte) { position += 1; continue }
            if Self.isBreak(byte) { skipBreak(); continue }
            if byte == UInt8(ascii: "#"), position == 0 || Self.isSeparator(self.byte(position - 1)) {
                while let next = current, !Self.isBreak(next) { position += 1 }
                continue
            }
            if isDocumentMarker(at: position) { throw error("the flow collection opened here is not closed", at: start) }
            return
        }
        throw error("the flow collection opened here is not closed", at: start)
    }
}
