/// JSON text appended as bytes: for output too large to build as values first (100,000 commits).
/// Strings are escaped exactly as `JSONValue` escapes them, so the text is the same.
public struct JSONByteWriter: @unchecked Sendable {
    /// The bytes, in memory of our own: appending is a capacity check and a copy (an array's append costs several
    /// times that, and 100,000 commits make millions of appends). The pointer, count and capacity live in the
    /// value itself (no run-time exclusivity checks on a class's fields in the hot path); the object only owns
    /// the memory. Copied on write, so values stay values; that is also why the type may cross threads.
    private final class Owner {
        private(set) var base: UnsafeMutablePointer<UInt8>

        init(capacity: Int) { base = .allocate(capacity: capacity) }

        deinit { base.deallocate() }

        /// New memory of `capacity` bytes holding the first `count` bytes of the old; the old is freed.
        func replace(capacity: Int, keeping count: Int) -> UnsafeMutablePointer<UInt8> {
            let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
            larger.update(from: base, count: count)
            base.deallocate()
            base = larger
            return larger
        }
    }

    private var owner: Owner
    private var base: UnsafeMutablePointer<UInt8>
    public private(set) var count = 0
    private var capacity: Int

    public init() {
        capacity = 1 << 12
        owner = Owner(capacity: capacity)
        base = owner.base
    }

    /// The text written so far.
    public var bytes: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }

    public func withUnsafeBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        try withExtendedLifetime(owner) { try body(UnsafeRawBufferPointer(start: base, count: count)) }
    }

    public mutating func removeAll() {
        if !isKnownUniquelyReferenced(&owner) {
            owner = Owner(capacity: capacity)
            base = owner.base
        }
        count = 0
    }

    @inline(__always)
    private mutating func write(_ source: UnsafePointer<UInt8>?, _ length: Int) {
        guard length > 0, let source else { return }
        if !isKnownUniquelyReferenced(&owner) || count + length > capacity { makeRoom(length) }
        (base + count).update(from: source, count: length)
        count += length
    }

    /// Own memory (a copy, when the bytes are shared with another value) with room for `length` more bytes.
    private mutating func makeRoom(_ length: Int) {
        var grown = capacity
        while grown < count + length { grown *= 2 }
        if isKnownUniquelyReferenced(&owner) {
            base = owner.replace(capacity: grown, keeping: count)
        } else {
            let copy = Owner(capacity: grown)
            copy.base.update(from: base, count: count)
            owner = copy
            base = copy.base
        }
        capacity = grown
    }

    /// Lets `body` write up to `maximum` bytes straight into the buffer; it returns how many it wrote. One
    /// capacity check for a run of small pieces (a member's `,\n` + indent + `"key": `).
    @inline(__always)
    mutating func withSpace(_ maximum: Int, _ body: (UnsafeMutablePointer<UInt8>) -> Int) {
        if !isKnownUniquelyReferenced(&owner) || count + maximum > capacity { makeRoom(maximum) }
        count += body(base + count)
    }

    /// A member's start in one write: `,\n` (or `\n` for the first), `indent` spaces, `"key": `.
    public mutating func appendMemberStart(first: Bool, indent: Int, key: StaticString) {
        let keyLength = key.utf8CodeUnitCount
        withSpace(2 + indent + keyLength + 4) { out in
            var at = 0
            if !first { out[at] = UInt8(ascii: ","); at += 1 }
            out[at] = 0x0A
            at += 1
            (out + at).initialize(repeating: 0x20, count: indent)
            at += indent
            out[at] = 0x22
            at += 1
            (out + at).update(from: key.utf8Start, count: keyLength)
            at += keyLength
            out[at] = 0x22
            out[at + 1] = UInt8(ascii: ":")
            out[at + 2] = 0x20
            return at + 3
        }
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
        if let source = buffer.baseAddress, !Self.anyNeedsEscape(buffer) {
            // Nothing to escape (the common case): the quotes and the text in one write.
            withSpace(buffer.count + 2) { out in
                out[0] = 0x22
                (out + 1).update(from: source, count: buffer.count)
                out[buffer.count + 1] = 0x22
                return buffer.count + 2
            }
            return
        }
        write(0x22)
        appendEscaped(utf8: buffer)
        write(0x22)
    }

    /// Whether any byte of `buffer` needs escaping.
    static func anyNeedsEscape(_ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let source = buffer.baseAddress else { return false }
        var index = 0
        while index + 8 <= buffer.count {
            if anyNeedsEscape(UnsafeRawPointer(source + index).loadUnaligned(as: UInt64.self)) { return true }
            index += 8
        }
        while index < buffer.count {
            if needsEscape(source[index]) { return true }
            index += 1
        }
        return false
    }

    /// Part of a JSON string (the quotes written by the caller), escaped as `appendQuoted`.
    public mutating func appendEscaped<Text: StringProtocol>(_ text: Text) {
        let done: Void? = text.utf8.withContiguousStorageIfAvailable { appendEscaped(utf8: $0) }
        if done == nil { Array(text.utf8).withUnsafeBufferPointer { appendEscaped(utf8: $0) } }
    }

    public mutating func appendEscaped(utf8 buffer: UnsafeBufferPointer<UInt8>) {
        guard let source = buffer.baseAddress else { return }
        let length = buffer.count
        var clean = 0
        var index = 0
        while index < length {
            // Eight bytes at a time while none of them needs escaping: most text has nothing to escape.
            if index + 8 <= length, !Self.anyNeedsEscape(UnsafeRawPointer(source + index).loadUnaligned(as: UInt64.self)) {
                index += 8
                continue
            }
            let byte = source[index]
            guard Self.needsEscape(byte) else { index += 1; continue }
            write(source + clean, index - clean)
            clean = index + 1
            switch byte {
            case 0x22: append("\\\"")
            case 0x5C: append("\\\\")
            case 0x0A: append("\\n")
            case 0x0D: append("\\r")
            case 0x09: append("\\t")
            default:
                let hex: StaticString = "0123456789abcdef"
                append("\\u00")
                hex.withUTF8Buffer { digits in
                    write(digits[Int(byte >> 4)])
                    write(digits[Int(byte & 0x0F)])
                }
            }
            index += 1
        }
        write(source + clean, length - clean)
    }

    /// Whether any of the eight bytes in `word` is below 0x20, `"`, `\` or DEL (exact, by the usual bit tricks).
    @inline(__always)
    static func anyNeedsEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        func hasZeroByte(_ value: UInt64) -> Bool { (value &- ones) & ~value & highs != 0 }
        let below20 = (word &- ones &* 0x20) & ~word & highs != 0
        return below20 || hasZeroByte(word ^ (ones &* 0x22)) || hasZeroByte(word ^ (ones &* 0x5C)) || hasZeroByte(word ^ (ones &* 0x7F))
    }

    /// `count` spaces (JSON indentation).
    public mutating func appendSpaces(_ count: Int) {
        let spaces: StaticString = "                                                                "
        var left = count
        while left > 0 {
            let now = min(left, spaces.utf8CodeUnitCount)
            write(spaces.utf8Start, now)
            left -= now
        }
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
