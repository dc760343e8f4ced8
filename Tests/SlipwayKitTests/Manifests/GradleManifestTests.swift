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
}
