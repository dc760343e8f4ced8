/// Reads a Maven POM: checks that it is well-formed XML with a `<project>` root (the only documents it is for)
/// and records the element paths a caller asks for, with the byte span of each one's text.
struct POMScanner {
    struct Element: Sendable {
        let path: [String]
        let line: Int
        /// `nil` when the content is empty or contains markup.
        let content: Range<Int>?
    }

    let bytes: [UInt8]
    let file: String
    private var index = 0

    init(bytes: [UInt8], file: String) {
        self.bytes = bytes
        self.file = file
    }

    private func fail(_ problem: String, at offset: Int) -> ManifestError {
        ManifestError(file: file, line: ByteText.line(of: offset, in: bytes), problem: problem + "; this is not well-formed XML")
    }

    private func starts(_ text: String) -> Bool { bytes[index...].starts(with: Array(text.utf8)) }

    private mutating func skip(past terminator: String, what: String) throws(ManifestError) {
        let start = index
        let needle = Array(terminator.utf8)
        while index < bytes.count {
            if bytes[index...].starts(with: needle) { index += needle.count; return }
            index += 1
        }
        throw fail("\(what) is never closed", at: start)
    }

    private func isNameByte(_ byte: UInt8) -> Bool {
        !(ByteText.isSpace(byte) || byte == ByteText.newline || byte == ByteText.carriageReturn
            || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "="))
    }

    // Long because it is the scanner's state machine over the XML grammar (tags, comments, CDATA, processing instructions).
    mutating func elements(matching wanted: ([String]) -> Bool) throws(ManifestError) -> [Element] {
        var stack: [(name: String, offset: Int, contentStart: Int, hasMarkup: Bool)] = []
        var result: [Element] = []
        var sawRoot = false
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "<") else { index += 1; continue }
            let tagStart = index
            if starts("<!--") {
                try skip(past: "-->", what: "a comment")
                if !stack.isEmpty { stack[stack.count - 1].hasMarkup = true }
            } else if starts("<![CDATA[") {
                try skip(past: "]]>", what: "a CDATA section")
                if !stack.isEmpty { stack[stack.count - 1].hasMarkup = true }
            } else if starts("<?") {
                try skip(past: "?>", what: "a processing instruction")
            } else if starts("<!") {
                var depth = 0
                while index < bytes.count {
                    if bytes[index] == UInt8(ascii: "[") { depth += 1 }
                    if bytes[index] == UInt8(ascii: "]") { depth -= 1 }
                    if bytes[index] == UInt8(ascii: ">"), depth <= 0 { break }
                    index += 1
                }
                guard index < bytes.count else { throw fail("a <! declaration is never closed", at: tagStart) }
                index += 1
            } else if starts("</") {
                index += 2
                let nameStart = index
                while index < bytes.count, isNameByte(bytes[index]) { index += 1 }
                let name = String(decoding: bytes[nameStart..<index], as: UTF8.self)
                while index < bytes.count, bytes[index] != UInt8(ascii: ">") { index += 1 }
                guard index < bytes.count else { throw fail("</\(name) is never closed", at: tagStart) }
                index += 1
                guard let open = stack.popLast() else { throw fail("</\(name)> closes nothing", at: tagStart) }
                guard open.name == name else {
                    let line = ByteText.line(of: open.offset, in: bytes)
                    throw fail("</\(name)> does not close <\(open.name)> opened on line \(line)", at: tagStart)
                }
                let path = stack.map(\.name) + [name]
                if wanted(path) {
                    var start = open.contentStart
                    var end = tagStart
                    while start < end, isWhitespace(bytes[start]) { start += 1 }
                    while end > start, isWhitespace(bytes[end - 1]) { end -= 1 }
                    let content: Range<Int>? = open.hasMarkup || start == end ? nil : start..<end
                    result.append(Element(path: path, line: ByteText.line(of: open.offset, in: bytes), content: content))
                }
                if !stack.isEmpty { stack[stack.count - 1].hasMarkup = true }
            } else {
                index += 1
                let nameStart = index
                while index < bytes.count, isNameByte(bytes[index]) { index += 1 }
                guard index > nameStart else { throw fail("'<' does not start a tag", at: tagStart) }
                let name = String(decoding: bytes[nameStart..<index], as: UTF8.self)
                var quote: UInt8?
                while index < bytes.count {
                    let byte = bytes[index]
                    if let open = quote {
                        if byte == open { quote = nil }
                    } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                        quote = byte
                    } else if byte == UInt8(ascii: ">") {
                        break
                    }
                    index += 1
                }
                guard index < bytes.count else { throw fail("<\(name) is never closed", at: tagStart) }
                let selfClosing = bytes[index - 1] == UInt8(ascii: "/")
                index += 1
                if stack.isEmpty {
                    if sawRoot { throw fail("a second root element <\(name)> follows the first", at: tagStart) }
                    sawRoot = true
                    if name != "project" { throw fail("the root element is <\(name)>, not <project>", at: tagStart) }
                }
                if !stack.isEmpty { stack[stack.count - 1].hasMarkup = true }
                if selfClosing {
                    let path = stack.map(\.name) + [name]
                    if wanted(path) { result.append(Element(path: path, line: ByteText.line(of: tagStart, in: bytes), content: nil)) }
                } else {
                    stack.append((name, tagStart, index, false))
                }
            }
        }
        if let open = stack.last {
            throw fail("<\(open.name)> is never closed", at: open.offset)
        }
        if !sawRoot { throw ManifestError(file: file, problem: "has no <project> element; this is not a Maven POM") }
        return result
    }

    private func isWhitespace(_ byte: UInt8) -> Bool {
        ByteText.isSpace(byte) || byte == ByteText.newline || byte == ByteText.carriageReturn
    }
}
