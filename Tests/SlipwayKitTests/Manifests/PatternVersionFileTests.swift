import Testing
@testable import SlipwayKit

@Suite struct PatternVersionFileTests {
    @Test func theDefaultPatternFindsAPythonDunderVersion() throws {
        let before = "\"\"\"Acme.\"\"\"\n\n__version__ = \"1.0.0\"  # set by slipway\nVERSION_INFO = (1, 0, 0)\n"
        let after = try ManifestSample.edited(before, .pattern, to: "1.1.0")
        #expect(after == "\"\"\"Acme.\"\"\"\n\n__version__ = \"1.1.0\"  # set by slipway\nVERSION_INFO = (1, 0, 0)\n")
    }

    @Test func aConfiguredPatternWithNonASCIITextBeforeIt() throws {
        let before = "// Café ☕\nconst VERSION = \"1.0.0\";\n"
        let after = try ManifestSample.edited(before, .pattern, to: "1.2.0", pattern: #"const VERSION = "([^"]+)""#)
        #expect(after == "// Café ☕\nconst VERSION = \"1.2.0\";\n")
    }

    @Test func aPatternMatchingTwiceOrNeverIsRefused() {
        let twice = ManifestSample.error("__version__ = '1'\n__version__ = '2'\n", .pattern)
        #expect(twice?.problem.contains("lines 1, 2") == true)
        #expect(ManifestSample.error("nothing here\n", .pattern)?.problem.contains("matches nothing") == true)
    }
}
