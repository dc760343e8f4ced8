import Foundation
import Testing
@testable import SlipwayKit

@Suite struct ManifestSetTests {
    @Test func detectsTheRootManifestsTheLockfileAndCharts() throws {
        let repository = try TestRepository()
        try repository.write("package.json", "{\"version\": \"1.0.0\"}\n")
        try repository.write("package-lock.json", "{\"version\": \"1.0.0\", \"packages\": {\"\": {\"version\": \"1.0.0\"}}}\n")
        try repository.write("charts/web/Chart.yaml", "version: 0.1.0\nappVersion: 1.0.0\n")
        try repository.write("docs/VERSION", "9.9.9\n")
        let set = ManifestSet.load(root: repository.root, config: SlipwayConfig())
        #expect(set.entries.map(\.file.path) == ["package.json", "package-lock.json", "charts/web/Chart.yaml"])
        #expect(set.entries.map(\.file.format) == [.packageJSON, .packageLock, .chart])
        #expect(set.distinctVersions == ["1.0.0"])
        #expect(set.disagreement == nil)
    }

    @Test func configuredFilesReplaceDetectionAndBringTheirLockfile() throws {
        let repository = try TestRepository()
        try repository.write("VERSION", "1.0.0\n")
        try repository.write("web/package.json", "{\"version\": \"1.0.0\"}\n")
        try repository.write("web/package-lock.json", "{\"version\": \"1.0.0\"}\n")
        try repository.write("src/acme/__init__.py", "__version__ = \"1.0.0\"\n")
        let config = try SlipwayConfig.parse(Data("""
        {"versionFiles": [{"path": "web/package.json"}, {"path": "src/acme/__init__.py", "pattern": "__version__ = \\"(.+)\\""}]}
        """.utf8))
        let set = ManifestSet.load(root: repository.root, config: config)
        #expect(set.entries.map(\.file.path) == ["web/package.json", "web/package-lock.json", "src/acme/__init__.py"])
        #expect(set.entries.map(\.file.format) == [.packageJSON, .packageLock, .pattern])
    }

    @Test func disagreeingManifestsAreNamed() throws {
        let repository = try TestRepository()
        try repository.write("package.json", "{\"version\": \"1.2.0\"}\n")
        try repository.write("VERSION", "1.3.0\n")
        let set = ManifestSet.load(root: repository.root, config: SlipwayConfig())
        #expect(set.disagreement == "the manifests disagree on the version: package.json 1.2.0, VERSION 1.3.0")
    }

    @Test func oneBadFileMeansNoEditIsPlanned() throws {
        let repository = try TestRepository()
        try repository.write("package.json", "{\"version\": \"1.0.0\"}\n")
        try repository.write("Cargo.toml", "[package]\nversion = \"1.0.0\"\nversion = \"1.0.0\"\n")
        let set = ManifestSet.load(root: repository.root, config: SlipwayConfig())
        #expect(throws: ManifestError(file: "Cargo.toml", line: 3,
                                      problem: "the key version appears twice in [package] (lines 2 and 3); keep one")) {
            try set.plan(version: try SemanticVersion(parsing: "1.1.0"))
        }
    }

    @Test func planSkipsInheritingFilesAndFilesAlreadyAtTheVersion() throws {
        let repository = try TestRepository()
        try repository.write("Cargo.toml", "[package]\nname = \"m\"\nversion.workspace = true\n")
        try repository.write("VERSION", "1.1.0\n")
        try repository.write("pom.xml", "<project><version>1.0.0</version></project>")
        let set = ManifestSet.load(root: repository.root, config: SlipwayConfig())
        let edits = try set.plan(version: try SemanticVersion(parsing: "1.1.0"))
        #expect(edits.map(\.path) == ["pom.xml"])
        #expect(edits.first.map { String(decoding: $0.after, as: UTF8.self) } == "<project><version>1.1.0</version></project>")
    }

    @Test func aConfiguredFileThatIsMissingOrOfUnknownFormatIsReported() throws {
        let repository = try TestRepository()
        let config = try SlipwayConfig.parse(Data(#"{"versionFiles": [{"path": "gone/package.json"}, {"path": "setup.cfg"}]}"#.utf8))
        let set = ManifestSet.load(root: repository.root, config: config)
        let problems = set.entries.compactMap { entry -> String? in
            if case .failure(let error) = entry.reading { return error.description } else { return nil }
        }
        #expect(problems == [
            "gone/package.json: does not exist; fix versionFiles in .slipway.json",
            "setup.cfg: its format cannot be told from its name; set \"format\" (or \"pattern\") for it in versionFiles",
        ])
    }
}
