/// A SemVer numeric identifier of any length: SemVer sets no limit, so `1.0.123456789012345678901234567890` is a
/// version. Kept as its decimal digits (no leading zero), compared by length and then digit by digit.
public struct VersionNumber: Sendable, Hashable, Comparable, CustomStringConvertible, ExpressibleByIntegerLiteral {
    /// The decimal digits, `"0"` or starting with 1–9.
    public let digits: String

    public init(_ value: UInt64) { digits = String(value) }

    public init(integerLiteral value: UInt64) { self.init(value) }

    /// `text` when it is a number as SemVer writes one (digits, no leading zero), else `nil`.
    public init?(digits text: some StringProtocol) {
        guard !text.isEmpty, text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), text.count == 1 || text.first != "0" else { return nil }
        digits = String(text)
    }

    public var description: String { digits }

    /// The value when it fits in 64 bits.
    public var uint64: UInt64? { UInt64(digits) }

    public static func < (lhs: VersionNumber, rhs: VersionNumber) -> Bool {
        let (left, right) = (lhs.digits.utf8, rhs.digits.utf8)
        if left.count != right.count { return left.count < right.count }
        return left.lexicographicallyPrecedes(right)
    }

    /// This number plus one, at any length.
    public var successor: VersionNumber {
        var bytes = Array(digits.utf8)
        var index = bytes.count - 1
        while index >= 0, bytes[index] == UInt8(ascii: "9") {
            bytes[index] = UInt8(ascii: "0")
            index -= 1
        }
        if index >= 0 { bytes[index] += 1 } else { bytes.insert(UInt8(ascii: "1"), at: 0) }
        return VersionNumber(unchecked: String(decoding: bytes, as: UTF8.self))
    }

    private init(unchecked digits: String) { self.digits = digits }

    public static func + (lhs: VersionNumber, rhs: Int) -> VersionNumber {
        precondition(rhs >= 0, "version numbers only grow")
        var result = lhs
        for _ in 0..<rhs { result = result.successor }
        return result
    }
}
