import Testing
@testable import SlipwayKit

@Suite struct GradleManifestTests {
    @Test func groovyVersionWithoutEqualsIgnoresCommentsAndDependencies() throws {
        let before = """
        plugins {
            id 'java'
        }

        group 'com.acme'
        // version '0.0.1' was the first
        /*
        version '0.0.2'
        */
        version '1.0.0'

        dependencies {
            implementation 'com.acme:core:1.0.0'
        }
        """
        let after = try ManifestSample.edited(before, .gradle, to: "1.1.0")
        #expect(ManifestSample.changedLines(before, after) == [10])
        #expect(after.contains("\nversion '1.1.0'\n"))
    }

    @Test func kotlinDSLAssignmentWithCRLF() throws {
        let before = "group = \"com.acme\"\r\nversion = \"1.0.0\" // release\r\n"
        #expect(try ManifestSample.edited(before, .gradle, to: "2.0.0") == "group = \"com.acme\"\r\nversion = \"2.0.0\" // release\r\n")
    }

    @Test func twoVersionLinesOrAComputedVersionAreRefused() {
        let twice = ManifestSample.error("version = \"1.0.0\"\nversion = \"1.0.1\"\n", .gradle, path: "build.gradle.kts")
        #expect(twice?.description.hasPrefix("build.gradle.kts:2: sets version on lines 1 and 2") == true)
        let computed = ManifestSample.error("group = 'x'\nversion = file('VERSION').text.trim()\n", .gradle)
        #expect(computed?.line == 2)
        #expect(computed?.problem.contains("computed") == true)
    }

    /// gradle.properties: `version` in each separator style, the last definition winning as in Java's
    /// Properties; keys that merely start with "version", comments and continued lines are left alone.
    @Test(arguments: [
        ("version=1.4.2\n", "1.4.2", 1),
        ("version = 1.4.2   \r\n", "1.4.2", 1),
        ("  version: 1.4.2\n", "1.4.2", 1),
        ("version 1.4.2", "1.4.2", 1),
        ("# version=0.0.1\nversionCode=7\nversion=1.4.2\nkotlin.code.style=official\n", "1.4.2", 3),
        ("version=1.0.0\nversion=1.4.2\n", "1.4.2", 2),
    ])
    func propertiesVersion(text: String, version: String, line: Int) throws {
        let bytes = Array(text.utf8)
        guard case .versions(let locations) = try GradleProperties.read(bytes, file: "gradle.properties") else {
            Issue.record("no version read"); return
        }
        #expect(locations.map(\.value) == [version])
        #expect(locations.first?.line == line)
        let edited = String(decoding: VersionFile.replacing(locations, with: "2.0.0", in: bytes), as: UTF8.self)
        #expect(edited == text.replacingOccurrences(of: version, with: "2.0.0"))
    }

    @Test func propertiesWithoutAPlainVersionAreNamed() {
        for text in ["org.gradle.jvmargs=-Xmx2g\nversionCode=7\n", "version=\n", "version=1.0.\\\n  0\n"] {
            #expect(throws: ManifestError.self, "\(text)") { try GradleProperties.read(Array(text.utf8), file: "gradle.properties") }
        }
    }
}
