/// JSON text appended as bytes: for output too large to build as values first (100,000 commits).
/// Strings are escaped exactly as `JSONValue` escapes them, so the text is the same.
public struct JSONByteWriter: @unchecked Sendable {
    /// The bytes, in memory of our own: appending is a capacity check and a copy (an array's append costs several
    /// times that, and 100,000 commits make millions of appends). Copied on write, so values stay values; that is
    /// also why the type may cross threads.
    private final class Buffer {
        var base: UnsafeMutablePointer<UInt8>
        var count = 0
        var capacity: Int

        init(capacity: Int) {
            self.capacity = capacity
            base = .allocate(capacity: capacity)
        }

        deinit { base.deallocate() }

        func copy() -> Buffer {
            let copy = Buffer(capacity: capacity)
            copy.base.update(from: base, count: count)
            copy.count = count
            return copy
        }

        @inline(__always)
        func reserve(_ extra: Int) {
            if count + extra > capacity { grow(extra) }
        }

        private func grow(_ extra: Int) {
            var grown = capacity * 2
            while grown < count + extra { grown *= 2 }
            let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
            larger.update(from: base, count: count)
            base.deallocate()
            base = larger
            capacity = grown
        }
    }

    private var buffer = Buffer(capacity: 1 << 12)

    public init() {}

    /// The text written so far.
    public var bytes: [UInt8] { Array(UnsafeBufferPointer(start: buffer.base, count: buffer.count)) }

    public var count: Int { buffer.count }

    public func withUnsafeBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        try body(UnsafeRawBufferPointer(start: buffer.base, count: buffer.count))
    }

    public mutating func removeAll() {
        if isKnownUniquelyReferenced(&buffer) { buffer.count = 0 } else { buffer = Buffer(capacity: buffer.capacity) }
    }

    @inline(__always)
    private mutating func write(_ source: UnsafePointer<UInt8>?, _ length: Int) {
        guard length > 0, let source else { return }
        if !isKnownUniquelyReferenced(&buffer) { buffer = buffer.copy() }
        buffer.reserve(length)
        (buffer.base + buffer.count).update(from: source, count: length)
        buffer.count += length
    }

    @inline(__always)
    private mutating func write(_ byte: UInt8) {
        withUnsafePointer(to: byte) { write($0, 1) }
    }

    public mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { write($0.baseAddress, $0.count) }
    }

    public mutating func append(_ text: String) {
        appendUnescaped(text)
    }

    public mutating func append(bytes more: UnsafeBufferPointer<UInt8>) {
        write(more.baseAddress, more.count)
    }

    public mutating func appendQuoted(_ key: StaticString) {
        write(0x22)
        append(key)
        write(0x22)
    }

    /// A JSON string: `"`, `\`, and control characters (and DEL) escaped; everything else as its UTF-8 bytes.
    public mutating func appendQuoted<Text: StringProtocol>(_ text: Text) {
        let done: Void? = text.utf8.withContiguousStorageIfAvailable { appendQuoted(utf8: $0) }
        if done == nil { Array(text.utf8).withUnsafeBufferPointer { appendQuoted(utf8: $0) } }
    }

    /// A JSON string from UTF-8 bytes, escaped as `appendQuoted`.
    public mutating func appendQuoted(utf8 buffer: UnsafeBufferPointer<UInt8>) {
        write(0x22)
        appendEscaped(utf8: buffer)
        write(0x22)
    }

    /// Part of a JSON string (the quotes written by the caller), escaped as `appendQuoted`.
    public mutating func appendEscaped<Text: StringProtocol>(_ text: Text) {
        let done: Void? = text.utf8.withContiguousStorageIfAvailable { appendEscaped(utf8: $0) }
        if done == nil { Array(text.utf8).withUnsafeBufferPointer { appendEscaped(utf8: $0) } }
    }

    public mutating func appendEscaped(utf8 buffer: UnsafeBufferPointer<UInt8>) {
        var clean = buffer.startIndex
        for index in buffer.indices where Self.needsEscape(buffer[index]) {
            write(buffer.baseAddress.map { $0 + clean }, index - clean)
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
                    write(digits[Int(buffer[index] >> 4)])
                    write(digits[Int(buffer[index] & 0x0F)])
                }
            }
        }
        write(buffer.baseAddress.map { $0 + clean }, buffer.count - clean)
    }

    /// Text added as it is (JSON punctuation, or text known to need no escaping).
    mutating func appendUnescaped<Text: StringProtocol>(_ text: Text) {
        let done: Void? = text.utf8.withContiguousStorageIfAvailable { write($0.baseAddress, $0.count) }
        if done == nil { Array(text.utf8).withUnsafeBufferPointer { write($0.baseAddress, $0.count) } }
    }

    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x7F
    }
}
