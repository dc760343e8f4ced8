import Foundation
import Testing
@testable import SlipwayKit

/// The schema, the loader and the README agree.
@Suite struct ConfigSchemaTests {
    static var root: String { SlipwayBinary.packageRoot }

    @Test func theCheckedInSchemaIsTheOneTheBinaryPrints() throws {
        let file = try String(contentsOfFile: Self.root + "/docs/slipway.schema.json", encoding: .utf8)
        #expect(file == PrettyJSON.render(ConfigSchema.json) + "\n", "run `slipway config schema > docs/slipway.schema.json`")
        let printed = try SlipwayBinary.run(["config", "schema"])
        #expect(printed.code == 0 && printed.stdout == file)
    }

    /// Every key any `members(allowed: [...])` of the loader accepts is a property somewhere in the schema.
    @Test func everyKeyTheLoaderKnowsIsInTheSchema() throws {
        var schemaKeys = Set<String>()
        func collect(_ value: JSONValue) {
            switch value {
            case .object(let members):
                if case .object(let properties)? = members.first(where: { $0.key == "properties" })?.value {
                    schemaKeys.formUnion(properties.map(\.key))
                }
                members.forEach { collect($0.value) }
            case .array(let items): items.forEach(collect)
            default: break
            }
        }
        collect(ConfigSchema.json)
        var loaderKeys = SlipwayConfig.topLevelKeys
        let pattern = try NSRegularExpression(pattern: #"allowed(?:: Set<String>)? ?[:=] ?\[([^\]]*)\]"#)
        let sources = FileManager.default.enumerator(atPath: Self.root + "/Sources/SlipwayKit")
        while let file = sources?.nextObject() as? String {
            guard file.hasSuffix(".swift"), let text = try? String(contentsOfFile: Self.root + "/Sources/SlipwayKit/" + file, encoding: .utf8) else { continue }
            for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                let list = text[Range(match.range(at: 1), in: text)!]
                loaderKeys.formUnion(list.split(separator: ",").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " \n\"")) }.filter { !$0.isEmpty })
            }
        }
        #expect(loaderKeys.count > 60, "the loader's keys were found (\(loaderKeys.count))")
        #expect(loaderKeys.subtracting(schemaKeys).isEmpty, "keys the loader accepts but the schema lacks: \(loaderKeys.subtracting(schemaKeys).sorted())")
    }

    /// Each ```json example in the README is valid for the loader and for the schema; a mistake is caught by both.
    @Test func theReadmesExamplesValidate() throws {
        let readme = try String(contentsOfFile: Self.root + "/README.md", encoding: .utf8)
        let blocks = readme.components(separatedBy: "```json\n").dropFirst().compactMap { $0.components(separatedBy: "\n```").first }
        #expect(!blocks.isEmpty)
        for block in blocks {
            _ = try SlipwayConfig.parse(Data(block.utf8))
            let value = try JSONParser.parse(Data(block.utf8))
            #expect(SchemaValidator.problems(value, ConfigSchema.json).isEmpty, "\(SchemaValidator.problems(value, ConfigSchema.json))")
        }
        let wrong = try JSONParser.parse(Data(#"{"forge": {"kind": "bitbucket"}, "tagprefix": "v"}"#.utf8))
        #expect(SchemaValidator.problems(wrong, ConfigSchema.json).count == 2)
        #expect(throws: ConfigError.self) { try SlipwayConfig.parse(Data(#"{"forge": {"kind": "bitbucket"}}"#.utf8)) }
    }
}
