import Testing
@testable import SlipwayKit

@Suite struct PyprojectManifestTests {
    @Test func pep621VersionInLiteralQuotesChangesAlone() throws {
        let before = """
        [build-system]
        requires = ["setuptools>=61", "wheel"]
        build-backend = "setuptools.build_meta"

        [project]
        name = "acme-web"
        version = '1.0.0'  # release version
        dependencies = [
          "requests==1.0.0",
          "version-parser>=1.0.0",
        ]

        [project.optional-dependencies]
        test = ["pytest"]

        """
        let after = try ManifestSample.edited(before, .pyproject, to: "1.1.0")
        #expect(ManifestSample.changedLines(before, after) == [7])
        #expect(after.contains("version = '1.1.0'  # release version\n"))
    }

    @Test func poetryVersionWithCRLF() throws {
        let before = [
            "[tool.poetry]", "name = \"acme\"", "version = \"0.3.0\"", "description = \"\"", "",
            "[tool.poetry.dependencies]", "python = \"^3.9\"", "version = \"0.3.0\"", "",
        ].joined(separator: "\r\n")
        let after = try ManifestSample.edited(before, .pyproject, to: "0.4.0")
        #expect(ManifestSample.changedLines(before, after) == [3])
        #expect(after.contains("version = \"0.4.0\"\r\n"))
    }

    @Test func dynamicVersionIsReportedWithWhereItLives() throws {
        let text = """
        [project]
        name = "acme"
        dynamic = ["version", "readme"]

        [tool.setuptools.dynamic]
        version = {attr = "acme.__version__"}

        """
        let reading = try VersionFile(path: "pyproject.toml", format: .pyproject).read(Array(text.utf8))
        guard case .dynamic(let source) = reading else {
            Issue.record("expected dynamic, got \(reading)")
            return
        }
        #expect(source.contains("acme.__version__"))
    }

    @Test func poetryTwoWithDynamicProjectEditsTheToolPoetryVersion() throws {
        let text = "[project]\nname = \"acme\"\ndynamic = [ \"version\" ]\n\n[tool.poetry]\nversion = \"1.2.3\"\n"
        let locations = try ManifestSample.locations(text, .pyproject)
        #expect(locations.map(\.field) == ["[tool.poetry] version"])
        #expect(locations.map(\.value) == ["1.2.3"])
    }

    @Test func noVersionAnywhereIsAnError() {
        let error = ManifestSample.error("[project]\nname = \"acme\"\n", .pyproject, path: "pyproject.toml")
        #expect(error?.description.hasPrefix("pyproject.toml: has no [project] version") == true)
    }
}
