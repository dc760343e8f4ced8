/// JSON text appended as bytes: for output too large to build as values first (100,000 commits).
/// Strings are escaped exactly as `JSONValue` escapes them, so the text is the same.
public struct JSONByteWriter: Sendable {
    public private(set) var bytes: [UInt8] = []

    public init() {}

    public mutating func removeAll() { bytes.removeAll(keepingCapacity: true) }

    public mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    public mutating func append(_ text: String) {
        appendUnescaped(text)
    }

    public mutating func append(bytes more: UnsafeBufferPointer<UInt8>) {
        bytes.append(contentsOf: more)
    }

    public mutating func appendQuoted(_ key: StaticString) {
        bytes.append(0x22)
        key.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(0x22)
    }

    /// A JSON string: `"`, `\`, and control characters (and DEL) escaped; everything else as its UTF-8 bytes.
    public mutating func appendQuoted<Text: StringProtocol>(_ text: Text) {
        let done: Void? = text.utf8.withContiguousStorageIfAvailable { appendQuoted(utf8: $0) }
        if done == nil { Array(text.utf8).withUnsafeBufferPointer { appendQuoted(utf8: $0) } }
    }

    /// A JSON string from UTF-8 bytes, escaped as `appendQuoted`.
    public mutating func appendQuoted(utf8 buffer: UnsafeBufferPointer<UInt8>) {
        bytes.append(0x22)
        appendEscaped(utf8: buffer)
        bytes.append(0x22)
    }

    /// Part of a JSON string (the quotes written by the caller), escaped as `appendQuoted`.
    public mutating func appendEscaped<Text: StringProtocol>(_ text: Text) {
        let done: Void? = text.utf8.withContiguousStorageIfAvailable { appendEscaped(utf8: $0) }
        if done == nil { Array(text.utf8).withUnsafeBufferPointer { appendEscaped(utf8: $0) } }
    }

    public mutating func appendEscaped(utf8 buffer: UnsafeBufferPointer<UInt8>) {
        var clean = buffer.startIndex
        for index in buffer.indices where Self.needsEscape(buffer[index]) {
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[clean..<index]))
            clean = index + 1
            switch buffer[index] {
            case 0x22: append("\\\"")
            case 0x5C: append("\\\\")
            case 0x0A: append("\\n")
            case 0x0D: append("\\r")
            case 0x09: append("\\t")
            default:
                let hex: StaticString = "0123456789abcdef"
                append("\\u00")
                hex.withUTF8Buffer { digits in
                    bytes.append(digits[Int(buffer[index] >> 4)])
                    bytes.append(digits[Int(buffer[index] & 0x0F)])
                }
            }
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[clean...]))
    }

    /// Text added as it is (JSON punctuation, or text known to need no escaping).
    mutating func appendUnescaped<Text: StringProtocol>(_ text: Text) {
        let done: Void? = text.utf8.withContiguousStorageIfAvailable { bytes.append(contentsOf: $0) }
        if done == nil { bytes.append(contentsOf: text.utf8) }
    }

    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x7F
    }
}
