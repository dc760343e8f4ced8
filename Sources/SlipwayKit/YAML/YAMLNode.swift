/// One node of a YAML document with where it stands in the file: enough to read a chart's values and to edit a
/// scalar in place, byte for byte.
public struct YAMLNode: Sendable, Hashable {
    public enum Kind: Sendable, Hashable { case scalar, mapping, sequence }

    /// How the node was written: it decides what an edit may replace and how a value is typed.
    public enum Style: Sendable, Hashable { case plain, singleQuoted, doubleQuoted, literal, folded, flow, block }

    public var kind: Kind
    public var style: Style
    /// A scalar's value (escapes resolved, lines folded); empty for collections.
    public var value: String
    public var items: [YAMLNode]
    public var pairs: [YAMLPair]
    /// 1-based line and column where the node starts.
    public var line: Int
    public var column: Int
    /// Bytes of the node in the file; for a quoted scalar, what lies between the quotes.
    public var range: Range<Int>
    public var anchor: String?
    public var tag: String?

    public init(kind: Kind, style: Style, value: String = "", items: [YAMLNode] = [], pairs: [YAMLPair] = [],
                line: Int, column: Int, range: Range<Int>) {
        self.kind = kind
        self.style = style
        self.value = value
        self.items = items
        self.pairs = pairs
        self.line = line
        self.column = column
        self.range = range
    }

    /// An empty value (`key:` with nothing after it).
    static func empty(line: Int, column: Int, at offset: Int) -> YAMLNode {
        YAMLNode(kind: .scalar, style: .plain, line: line, column: column, range: offset..<offset)
    }

    /// `null`, `~` or nothing, written plain.
    public var isNull: Bool { kind == .scalar && style == .plain && ["", "~", "null", "Null", "NULL"].contains(value) }

    /// A plain scalar that YAML 1.1 (as Helm reads values) takes as a boolean or a number, not as text.
    public var isBooleanOrNumber: Bool {
        guard kind == .scalar, style == .plain else { return false }
        if ["true", "false", "yes", "no", "on", "off", "True", "False", "Yes", "No", "On", "Off", "TRUE", "FALSE"].contains(value) { return true }
        return Double(value.replacingOccurrences(of: "_", with: "")) != nil
    }

    /// The value of `key` in a mapping (a `<<` merge key's mappings are looked in too); `nil` when absent.
    public subscript(key: String) -> YAMLNode? {
        guard kind == .mapping else { return nil }
        if let pair = pairs.first(where: { $0.key.kind == .scalar && $0.key.value == key }) { return pair.value }
        for merge in pairs where merge.key.kind == .scalar && merge.key.value == "<<" {
            let sources = merge.value.kind == .sequence ? merge.value.items : [merge.value]
            for source in sources { if let found = source[key] { return found } }
        }
        return nil
    }

    /// The pair whose key is `key`, for its key's line.
    public func pair(_ key: String) -> YAMLPair? {
        pairs.first { $0.key.kind == .scalar && $0.key.value == key }
    }
}

/// One `key: value` of a mapping.
public struct YAMLPair: Sendable, Hashable {
    public var key: YAMLNode
    public var value: YAMLNode

    public init(key: YAMLNode, value: YAMLNode) {
        self.key = key
        self.value = value
    }
}

/// One document of a YAML stream; `root` is `nil` for an empty document.
public struct YAMLDocument: Sendable, Hashable {
    public var root: YAMLNode?
    public var line: Int
}

/// Why a YAML text cannot be read: the file, the line and column, and what was expected there.
public struct YAMLError: Error, Sendable, Hashable, CustomStringConvertible {
    public let file: String
    public let line: Int
    public let column: Int
    public let problem: String

    public var description: String { "\(file):\(line):\(column): \(problem)" }
}
