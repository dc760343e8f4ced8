import Foundation
import Testing
@testable import SlipwayKit

/// `slipway manifest …`, run as the built binary on real repositories.
@Suite struct ManifestCommandTests {
    static let packageJSON = "{\r\n  \"name\": \"web\",\r\n  \"version\": \"1.0.0\",\r\n  \"dependencies\": { \"dep\": \"1.0.0\" }\r\n}"
    static let chart = "apiVersion: v2\nname: web\nversion: 0.1.0 # chart\nappVersion: \"1.0.0\"\n"

    static func repository() throws -> TestRepository {
        let repository = try TestRepository()
        try repository.write("package.json", packageJSON)
        try repository.write("charts/web/Chart.yaml", chart)
        try repository.git(["add", "-A"])
        try repository.commit("feat: start")
        return repository
    }

    @Test func showListsEachFileFieldAndVersion() throws {
        let repository = try Self.repository()
        let result = try SlipwayBinary.run(["manifest", "show", "--repo", repository.root], in: "/")
        #expect(result.code == 0)
        #expect(result.stdout == """
        package.json (package.json)
          version = 1.0.0  (line 3)
        charts/web/Chart.yaml (chart)
          appVersion = 1.0.0  (line 4)

        """)
        #expect(result.stderr.isEmpty)
    }

    @Test func showJSONAndADisagreementWarning() throws {
        let repository = try Self.repository()
        try repository.write("VERSION", "0.9.0\n")
        let result = try SlipwayBinary.run(["manifest", "show", "--json"], in: repository.root)
        #expect(result.code == 0)
        let json = try JSONParser.parse(Array(result.stdout.utf8))
        #expect(json["agree"] == .bool(false))
        #expect(json["versions"] == .array([.string("1.0.0"), .string("0.9.0")]))
        #expect(result.stderr == "warning: the manifests disagree on the version: package.json 1.0.0, VERSION 0.9.0, charts/web/Chart.yaml 1.0.0\n")
    }

    @Test func showReportsAnInheritingMemberAndFailsOnABrokenFile() throws {
        let repository = try TestRepository()
        try repository.write("Cargo.toml", "[package]\nname = \"m\"\nversion.workspace = true\n")
        let inheriting = try SlipwayBinary.run(["manifest", "show", "--repo", repository.root], in: "/")
        #expect(inheriting.code == 0)
        #expect(inheriting.stdout.contains("skipped, inherits: version.workspace = true"))
        let set = try SlipwayBinary.run(["manifest", "set-version", "--version", "2.0.0", "--repo", repository.root], in: "/")
        #expect(set.code == 0)
        #expect(set.stdout == "no version file holds a version of its own; nothing to change\n")
        #expect(set.stderr.hasPrefix("warning: Cargo.toml skipped, inherits: version.workspace = true"))
        try repository.write("pom.xml", "<project>\n  <version>1.0.0</version>\n")
        let broken = try SlipwayBinary.run(["manifest", "show", "--repo", repository.root], in: "/")
        #expect(broken.code == 2)
        #expect(broken.stderr == "slipway: pom.xml:1: <project> is never closed; this is not well-formed XML\n")
    }

    @Test func noVersionFileIsAFailedCheck() throws {
        let repository = try TestRepository()
        let result = try SlipwayBinary.run(["manifest", "show", "--repo", repository.root], in: "/")
        #expect(result.code == 1)
        #expect(result.stderr.hasPrefix("slipway: no version file found"))
    }

    @Test func setVersionDryRunPrintsTheDiffAndWritesNothing() throws {
        let repository = try Self.repository()
        let result = try SlipwayBinary.run(["manifest", "set-version", "--version", "1.1.0", "--dry-run", "--repo", repository.root], in: "/")
        #expect(result.code == 0)
        #expect(result.stdout == """
        --- a/package.json
        +++ b/package.json
        @@ -1,5 +1,5 @@
         {\r
           "name": "web",\r
        -  "version": "1.0.0",\r
        +  "version": "1.1.0",\r
           "dependencies": { "dep": "1.0.0" }\r
         }
        \\ No newline at end of file
        --- a/charts/web/Chart.yaml
        +++ b/charts/web/Chart.yaml
        @@ -1,4 +1,4 @@
         apiVersion: v2
         name: web
         version: 0.1.0 # chart
        -appVersion: "1.0.0"
        +appVersion: "1.1.0"

        """)
        #expect(try repository.read("package.json") == Self.packageJSON)
        #expect(try repository.read("charts/web/Chart.yaml") == Self.chart)
    }

    @Test func setVersionEditsOnlyTheVersionCharacters() throws {
        let repository = try Self.repository()
        let result = try SlipwayBinary.run(["manifest", "set-version", "--version", "1.1.0", "--repo", repository.root], in: "/")
        #expect(result.code == 0)
        #expect(result.stdout == "set 1.1.0 in package.json, charts/web/Chart.yaml\n")
        #expect(try repository.read("package.json") == Self.packageJSON.replacingOccurrences(of: "\"version\": \"1.0.0\"", with: "\"version\": \"1.1.0\""))
        #expect(try repository.read("charts/web/Chart.yaml") == Self.chart.replacingOccurrences(of: "appVersion: \"1.0.0\"", with: "appVersion: \"1.1.0\""))
        let again = try SlipwayBinary.run(["manifest", "set-version", "--version", "1.1.0", "--repo", repository.root], in: "/")
        #expect(again.stdout == "every version file is already at 1.1.0; nothing to change\n")
    }

    @Test func setVersionOnOneFile() throws {
        let repository = try Self.repository()
        let result = try SlipwayBinary.run(["manifest", "set-version", "--version", "2.0.0", "--file", "charts/web/Chart.yaml", "--repo", repository.root], in: "/")
        #expect(result.code == 0)
        #expect(try repository.read("package.json") == Self.packageJSON)
        #expect(try repository.read("charts/web/Chart.yaml").contains("appVersion: \"2.0.0\""))
    }

    @Test(arguments: [
        (["--version", "1.2"], "slipway: '1.2' is not a SemVer version: the patch number is missing (expected MAJOR.MINOR.PATCH)\n"),
        (["--version", "1.1.0", "--file", "../outside/package.json"], nil),
        ([], "slipway: manifest set-version needs --version X.Y.Z\n"),
    ] as [([String], String?)])
    func badInputExitsTwoAndChangesNothing(arguments: [String], message: String?) throws {
        let repository = try Self.repository()
        let result = try SlipwayBinary.run(["manifest", "set-version", "--repo", repository.root] + arguments, in: "/")
        #expect(result.code == 2)
        if let message { #expect(result.stderr == message) } else { #expect(result.stderr.contains("is outside the repository")) }
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(try repository.read("package.json") == Self.packageJSON)
        #expect(try repository.read("charts/web/Chart.yaml") == Self.chart)
    }

    @Test func aBrokenOrReadOnlyFileStopsEveryWrite() throws {
        let repository = try Self.repository()
        try repository.write("Cargo.toml", "[package]\nversion = \"1.0.0\"\nversion = \"1.0.0\"\n")
        let broken = try SlipwayBinary.run(["manifest", "set-version", "--version", "1.1.0", "--repo", repository.root], in: "/")
        #expect(broken.code == 2)
        #expect(broken.stderr == "slipway: Cargo.toml:3: the key version appears twice in [package] (lines 2 and 3); keep one\n")
        #expect(try repository.read("package.json") == Self.packageJSON)

        try repository.write("Cargo.toml", "[package]\nversion = \"1.0.0\"\n")
        chmod(repository.root + "/charts/web/Chart.yaml", 0o444)
        let readOnly = try SlipwayBinary.run(["manifest", "set-version", "--version", "1.1.0", "--repo", repository.root], in: "/")
        #expect(readOnly.code == 2)
        #expect(readOnly.stderr == "slipway: charts/web/Chart.yaml is read-only; make it writable (chmod u+w) and try again\n")
        #expect(try repository.read("package.json") == Self.packageJSON)
        #expect(try repository.read("Cargo.toml") == "[package]\nversion = \"1.0.0\"\n")
    }

    @Test func aBadVersionFilesSettingNamesItsKeyPath() throws {
        let repository = try Self.repository()
        try repository.write(".slipway.json", #"{"versionFiles": [{"path": "charts/web/Chart.yaml", "field": "tag"}]}"#)
        let result = try SlipwayBinary.run(["manifest", "show", "--repo", repository.root], in: "/")
        #expect(result.code == 2)
        #expect(result.stderr == "slipway: .slipway.json: versionFiles[0].field: 'tag' is not one of appVersion, version, both\n")
    }
}

extension ManifestCommandTests {
    @Test func aConfiguredFileOfUnknownFormatIsShownAsSuch() throws {
        let repository = try Self.repository()
        try repository.write(".slipway.json", #"{"versionFiles": [{"path": "setup.cfg"}, {"path": "package.json"}]}"#)
        let result = try SlipwayBinary.run(["manifest", "show", "--repo", repository.root], in: "/")
        #expect(result.code == 2)
        #expect(result.stdout == """
        setup.cfg (format unknown)
          error: setup.cfg: its format cannot be told from its name; set "format" (or "pattern") for it in versionFiles
        package.json (package.json)
          version = 1.0.0  (line 3)

        """)
    }

    /// uv itself, when it is installed (.ci/run installs it from PyPI): a project's uv.lock edited by
    /// `manifest set-version` passes `uv lock --check`, which fails when only pyproject.toml moves.
    static let uv = CommandRunner.resolve("uv", path: ProcessInfo.processInfo.environment["PATH"])

    @Test(.enabled(if: uv != nil, "uv is not installed here (pip install uv); the lockfile edit is still covered by ManifestSetTests"))
    func uvAcceptsTheEditedLockfile() throws {
        let uv = try #require(Self.uv)
        let repository = try TestRepository()
        let cache = try TestRepository.makeTemporaryFolder("uv-cache")
        defer { try? FileManager.default.removeItem(atPath: cache) }
        let environment = ["UV_OFFLINE": "1", "UV_PYTHON_DOWNLOADS": "never", "UV_PYTHON": "python3", "UV_CACHE_DIR": cache, "UV_NO_PROGRESS": "1"]
        func run(_ arguments: [String]) throws -> CommandOutput {
            try CommandRunner().runUnchecked(CommandInvocation([uv] + arguments, in: repository.root, environment: environment, timeout: 120))
        }
        let initialised = try run(["init", "-q", "--lib", "--name", "Acme_Web", "--vcs", "none", "."])
        #expect(initialised.status.isSuccess, "\(initialised.errorText)")
        #expect(try run(["lock"]).status.isSuccess)
        let lock = try String(contentsOfFile: repository.root + "/uv.lock", encoding: .utf8)
        #expect(lock.contains("name = \"acme-web\"\nversion = \"0.1.0\"\nsource = { editable = \".\" }"))

        let result = try SlipwayBinary.run(["manifest", "set-version", "--version", "0.2.0", "--repo", repository.root])
        #expect(result.code == 0, "\(result.stderr)")
        #expect(result.stdout.contains("pyproject.toml, uv.lock"))
        let check = try run(["lock", "--check"])
        #expect(check.status.isSuccess, "\(check.errorText)")

        // The check has teeth: pyproject.toml moved alone leaves the lock stale.
        let pyproject = repository.root + "/pyproject.toml"
        let text = try String(contentsOfFile: pyproject, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "version = \"0.2.0\"", with: "version = \"0.3.0\"").utf8).write(to: URL(fileURLWithPath: pyproject))
        #expect(!(try run(["lock", "--check"])).status.isSuccess)
    }

    /// cargo itself, when it is installed (this machine has it in ~/.cargo/bin): a workspace's Cargo.lock edited by
    /// `manifest set-version` passes `cargo metadata --locked`, which fails when only Cargo.toml moves.
    static let cargo = CommandRunner.resolve("cargo", path: (ProcessInfo.processInfo.environment["PATH"] ?? "") + ":"
                                             + NSHomeDirectory() + "/.cargo/bin")

    @Test(.enabled(if: cargo != nil, "cargo is not installed here; the lockfile edit is still covered by ManifestSetTests"))
    func cargoAcceptsTheEditedLockfile() throws {
        let cargo = try #require(Self.cargo)
        let repository = try TestRepository()
        try repository.write("Cargo.toml", "[workspace]\nmembers = [\"crates/*\"]\nresolver = \"2\"\n\n[workspace.package]\nversion = \"0.3.0\"\nedition = \"2021\"\n")
        for name in ["core", "cli"] {
            try repository.write("crates/\(name)/Cargo.toml", "[package]\nname = \"acme-\(name)\"\nversion.workspace = true\nedition.workspace = true\n")
            try repository.write("crates/\(name)/src/lib.rs", "")
        }
        func run(_ arguments: [String]) throws -> CommandOutput {
            try CommandRunner().runUnchecked(CommandInvocation([cargo] + arguments, in: repository.root,
                                                               environment: ["CARGO_TARGET_DIR": repository.root + "/target"], timeout: 120))
        }
        let generated = try run(["generate-lockfile", "--offline"])
        #expect(generated.status.isSuccess, "\(generated.errorText)")
        let result = try SlipwayBinary.run(["manifest", "set-version", "--version", "0.4.0", "--repo", repository.root])
        #expect(result.code == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Cargo.toml, Cargo.lock"))
        let locked = try run(["metadata", "--locked", "--offline", "--format-version", "1"])
        #expect(locked.status.isSuccess, "\(locked.errorText)")
        // The check has teeth: Cargo.toml moved alone leaves the lock stale.
        let manifest = repository.root + "/Cargo.toml"
        let text = try String(contentsOfFile: manifest, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "version = \"0.4.0\"", with: "version = \"0.5.0\"").utf8).write(to: URL(fileURLWithPath: manifest))
        #expect(!(try run(["metadata", "--locked", "--offline", "--format-version", "1"])).status.isSuccess)
    }
}
