import Testing
@testable import SlipwayKit

@Suite struct VersionTextFileTests {
    @Test func oneLineWithOrWithoutALineBreak() throws {
        #expect(try ManifestSample.edited("1.0.0", .version, to: "1.0.1") == "1.0.1")
        #expect(try ManifestSample.edited("1.0.0\r\n", .version, to: "1.0.1") == "1.0.1\r\n")
        #expect(try ManifestSample.edited("1.0.0\n\n", .version, to: "1.0.1") == "1.0.1\n\n")
    }

    @Test func emptyOrSeveralLinesAreRefused() {
        #expect(ManifestSample.error("\n", .version, path: "VERSION")?.description == "VERSION: is empty; write the version on its first line")
        #expect(ManifestSample.error("1.0.0\nbuild 7\n", .version)?.line == 2)
    }
}
