import Testing
@testable import SlipwayKit

@Suite struct XMLScannerTests {
    @Test func findsElementsPastDeclarationsAttributesAndSelfClosingTags() throws {
        let text = """
        <?xml version="1.0"?>
        <!DOCTYPE project [ <!ENTITY x "y"> ]>
        <project a="1>2" b='<version>'>
          <empty/>
          <version>
            2.0.0
          </version>
        </project>
        """
        var scanner = POMScanner(bytes: Array(text.utf8), file: "pom.xml")
        let found = try scanner.elements(matching: { $0.count == 2 })
        #expect(found.map(\.path) == [["project", "empty"], ["project", "version"]])
        #expect(found[1].line == 5)
        #expect(found[1].content.map { String(decoding: Array(text.utf8)[$0], as: UTF8.self) } == "2.0.0")
    }

    @Test func refusesWhatIsNotWellFormed() {
        #expect(throws: ManifestError(file: "pom.xml", line: 2, problem: "a comment is never closed; this is not well-formed XML")) {
            var scanner = POMScanner(bytes: Array("<project>\n<!-- open\n</project>".utf8), file: "pom.xml")
            _ = try scanner.elements(matching: { _ in true })
        }
        #expect(throws: ManifestError(file: "pom.xml", line: 1, problem: "the root element is <settings>, not <project>; this is not well-formed XML")) {
            var scanner = POMScanner(bytes: Array("<settings></settings>".utf8), file: "pom.xml")
            _ = try scanner.elements(matching: { _ in true })
        }
        #expect(throws: ManifestError(file: "pom.xml", problem: "has no <project> element; this is not a Maven POM")) {
            var scanner = POMScanner(bytes: Array("just text".utf8), file: "pom.xml")
            _ = try scanner.elements(matching: { _ in true })
        }
    }
}
