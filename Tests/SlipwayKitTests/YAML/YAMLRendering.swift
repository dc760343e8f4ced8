@testable import SlipwayKit

/// A YAML node as compact JSON-like text, to compare parses with what the YAML spec says they are.
enum YAMLRendering {
    static func render(_ node: YAMLNode?) -> String {
        guard let node else { return "null" }
        switch node.kind {
        case .scalar:
            if node.isNull { return "null" }
            return JSONValue.quote(node.value)
        case .sequence:
            return "[" + node.items.map(render).joined(separator: ", ") + "]"
        case .mapping:
            return "{" + node.pairs.map { render($0.key) + ": " + render($0.value) }.joined(separator: ", ") + "}"
        }
    }

    static func documents(_ text: String) throws -> [String] {
        try YAMLParser.parse(Array(text.utf8), file: "test.yaml").map { render($0.root) }
    }
}
