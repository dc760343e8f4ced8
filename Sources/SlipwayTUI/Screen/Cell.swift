/// One column of the screen: a grapheme (or nothing, for the second column of a wide one) and its role.
public struct Cell: Sendable, Hashable {
    /// The grapheme drawn here; `""` in the column a double-width grapheme to the left also covers.
    public var text: String
    /// Columns the grapheme takes: 1 or 2 (0 for a continuation column).
    public var width: UInt8
    public var role: StyleRole

    public init(text: String = " ", width: UInt8 = 1, role: StyleRole = .text) {
        self.text = text
        self.width = width
        self.role = role
    }

    public static let blank = Cell()

    /// `true` for the right half of a double-width grapheme.
    public var isContinuation: Bool { width == 0 }
}
