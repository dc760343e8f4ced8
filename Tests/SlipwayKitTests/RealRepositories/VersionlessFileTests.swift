import Foundation
import Testing
@testable import SlipwayKit

/// A version file whose version lives elsewhere: named with `--file`, set-version refuses (exit 1) saying where
/// the version lives and leaves the file byte-identical; found by autodetection, it is skipped with a warning.
@Suite struct VersionlessFileTests {
    static let files: [(path: String, text: String, says: String)] = [
        ("Cargo.toml", "[package]\nname = \"a\"\nversion.workspace = true # from the root\n", "[workspace.package] in the workspace root's Cargo.toml"),
        ("crates/b/Cargo.toml", "[package]\nname = \"b\"\nversion = { workspace = true }\nedition = \"2021\"\n", "[workspace.package]"),
        ("pyproject.toml", "[project]\nname = \"c\"\ndynamic = [\"version\"]\n\n[tool.hatch.version]\npath = \"c/__init__.py\"\n", "dynamic"),
        ("pom.xml", "<project>\n  <modelVersion>4.0.0</modelVersion>\n  <artifactId>d</artifactId>\n  <version>${revision}</version>\n</project>\n", "-Drevision=X.Y.Z on its command line or from .mvn/maven.config"),
    ]

    @Test(arguments: files.indices)
    func namedWithFileItIsRefusedAndLeftAsItWas(_ index: Int) throws {
        let (path, text, says) = Self.files[index]
        let box = try Sandbox()
        defer { box.remove() }
        let url = URL(fileURLWithPath: box.root + "/" + path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
        try box.git("add", ".")
        try box.commit("chore: init")
        let result = try SlipwayBinary.run(["manifest", "set-version", "--version", "2.0.0", "--file", path, "--repo", box.root])
        #expect(result.code == 1, "\(path): \(result.code) \(result.stderr)")
        #expect(result.stderr.contains("\(path) has no version of its own to set") && result.stderr.contains(says), "\(result.stderr)")
        #expect(result.stderr.contains("nothing was written"))
        #expect(try Data(contentsOf: url) == Data(text.utf8), "byte-identical")
        #expect(try box.git("status", "--porcelain").isEmpty)
    }

    @Test func autodetectionSkipsThemWithAWarning() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try Data(Self.files[0].text.utf8).write(to: URL(fileURLWithPath: box.root + "/Cargo.toml"))
        try Data("{\n  \"name\": \"web\",\n  \"version\": \"1.0.0\"\n}\n".utf8).write(to: URL(fileURLWithPath: box.root + "/package.json"))
        try box.git("add", ".")
        try box.commit("chore: init")
        let result = try SlipwayBinary.run(["manifest", "set-version", "--version", "2.0.0", "--repo", box.root])
        #expect(result.code == 0, "\(result.stderr)")
        #expect(result.stderr.contains("warning: Cargo.toml skipped, inherits"))
        #expect(result.stdout.contains("set 2.0.0 in package.json"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: box.root + "/Cargo.toml")) == Data(Self.files[0].text.utf8))
    }
}
