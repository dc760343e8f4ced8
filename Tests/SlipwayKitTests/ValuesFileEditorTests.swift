import Foundation
import Testing
@testable import SlipwayKit

@Suite struct ValuesFileEditorTests {
    func edit(_ text: String, file: String = "values.yaml", key: String = "image.tag", to value: String = "2.0.0") throws -> String {
        let editor = ValuesFileEditor(file: file, key: key)
        return String(decoding: try editor.write(value, into: Data(text.utf8)), as: UTF8.self)
    }

    @Test func keepsEachYAMLQuotingAndEveryOtherByte() throws {
        #expect(try edit("image:\n  tag: \"1.0.0\"  # pinned\n") == "image:\n  tag: \"2.0.0\"  # pinned\n")
        #expect(try edit("image:\n  tag: '1.0.0'\n") == "image:\n  tag: '2.0.0'\n")
        #expect(try edit("image:\n    repository: web\n    tag: 1.0.0\r\nother: x\n") == "image:\n    repository: web\n    tag: 2.0.0\r\nother: x\n")
        #expect(try edit("# top\n---\nimage:\n  tag: 1.0.0 # c\n") == "# top\n---\nimage:\n  tag: 2.0.0 # c\n")
    }

    @Test func readsOnlyTheKeyAtThePathNotADeeperOrSiblingOne() throws {
        let text = "other:\n  tag: 9.9.9\nimage:\n  sub:\n    tag: 8.8.8\n  tag: \"1.0.0\"\n"
        #expect(try ValuesFileEditor(file: "v.yaml", key: "image.tag").read(Data(text.utf8)) == "1.0.0")
        #expect(try edit(text) == "other:\n  tag: 9.9.9\nimage:\n  sub:\n    tag: 8.8.8\n  tag: \"2.0.0\"\n")
    }

    @Test func aMissingOrNonScalarKeyIsNamed() {
        for text in ["image:\n  repository: web\n", "image:\n  tag:\n    nested: 1\n", "tag: 1.0.0\n"] {
            do {
                _ = try ValuesFileEditor(file: "staging/values.yaml", key: "image.tag").read(Data(text.utf8))
                Issue.record("expected an error for \(text)")
            } catch {
                #expect(error.description.contains("staging/values.yaml"))
                #expect(error.description.contains("image.tag"))
                #expect(error.kind == .input)
            }
        }
    }

    @Test func editsJSONInPlace() throws {
        let text = "{\n  \"image\": {\"repository\": \"a/b\", \"tag\": \"1.0.0\"},\n  \"tag\": \"keep\"\n}\n"
        #expect(try edit(text, file: "env.json") == "{\n  \"image\": {\"repository\": \"a/b\", \"tag\": \"2.0.0\"},\n  \"tag\": \"keep\"\n}\n")
        #expect(try ValuesFileEditor(file: "env.json", key: "image.tag").read(Data(text.utf8)) == "1.0.0")
        #expect(throws: DeploymentError.self) { try ValuesFileEditor(file: "env.json", key: "image.digest").read(Data(text.utf8)) }
        #expect(throws: DeploymentError.self) { try ValuesFileEditor(file: "env.json", key: "image.tag").read(Data("{\"image\": ".utf8)) }
    }
}
