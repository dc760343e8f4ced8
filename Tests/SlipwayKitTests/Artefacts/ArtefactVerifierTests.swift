import Foundation
import Testing
@testable import SlipwayKit

/// Artefacts looked up in real registries started for the test: Debian's docker-registry (images by umoci, a
/// chart as an OCI artifact, all pushed by skopeo), pypiserver, and HTTP servers over npm and crates files.
@Suite struct ArtefactVerifierTests {
    /// A repository whose v1.2.0 tag carries `charts/web/Chart.yaml` at chart version 0.3.0.
    static func releasedRepository() throws -> (TestRepository, ArtefactRelease) {
        let repository = try TestRepository()
        try repository.commitFile("charts/web/Chart.yaml", "apiVersion: v2\nname: web\n# the chart's own version\nversion: \"0.3.0\"\nappVersion: 1.2.0\n",
                                  message: "chore(release): 1.2.0")
        try repository.tag("v1.2.0", annotated: true)
        let release = try #require(ArtefactRelease.find(SemanticVersion(major: 1, minor: 2, patch: 0), in: try repository.repository(), tagPrefix: "v"))
        return (repository, release)
    }

    func verify(_ settings: [ArtefactSettings], _ repository: TestRepository, _ release: ArtefactRelease,
                runner: CommandRunner = TestServer.runner) throws -> [ArtefactCheck] {
        ArtefactVerifier(repository: try repository.repository(), artefacts: settings, runner: runner).verify(release)
    }

    static func image(_ registry: OCIRegistryServer, _ repository: String, tag: String = "{version}", timeout: Double = 15) -> ArtefactSettings {
        ArtefactSettings(kind: .ociImage, name: "\(registry.host)/\(repository)", tag: tag, tlsVerify: false, timeoutSeconds: timeout)
    }

    @Test func imagesAreJudgedByTheirOCILabels() throws {
        let registry = try OCIRegistryServer()
        let (repository, release) = try Self.releasedRepository()
        let right = ["org.opencontainers.image.version": "1.2.0", "org.opencontainers.image.revision": release.commit]
        try registry.pushImage("acme/right", tag: "1.2.0", labels: right)
        try registry.pushImage("acme/tagged", tag: "v1.2.0", labels: ["org.opencontainers.image.version": "v1.2.0",
                                                                       "org.opencontainers.image.revision": String(release.commit.prefix(7))])
        try registry.pushImage("acme/wrong-version", tag: "1.2.0", labels: ["org.opencontainers.image.version": "1.1.0"])
        try registry.pushImage("acme/wrong-commit", tag: "1.2.0", labels: ["org.opencontainers.image.revision": "0123456789abcdef"])
        try registry.pushImage("acme/bare", tag: "1.2.0", labels: [:])
        let checks = try verify([Self.image(registry, "acme/right"), Self.image(registry, "acme/tagged", tag: "v{version}"),
                                 Self.image(registry, "acme/wrong-version"), Self.image(registry, "acme/wrong-commit"),
                                 Self.image(registry, "acme/bare")], repository, release)
        #expect(checks.map(\.status) == [.verified, .verified, .mismatch, .mismatch, .verified])
        #expect(checks[0].ref == "\(registry.host)/acme/right:1.2.0")
        #expect(checks[0].digest == (try registry.reportedDigest("acme/right", tag: "1.2.0")))
        #expect(checks[0].warnings.isEmpty)
        #expect(checks[1].ref.hasSuffix("acme/tagged:v1.2.0"))
        #expect(checks[2].reason.contains("org.opencontainers.image.version=1.1.0, not 1.2.0"))
        #expect(checks[3].reason.contains("built from 0123456789ab"))
        #expect(checks[4].reason.contains("presence only"))
        #expect(checks[4].warnings == ["add the labels org.opencontainers.image.version=1.2.0 and org.opencontainers.image.revision=\(release.commit) when CI builds the image, so that it can be matched to the release"])
    }

    @Test func aMultiPlatformIndexIsVerifiedAndItsPlatformsNamed() throws {
        let registry = try OCIRegistryServer()
        let (repository, release) = try Self.releasedRepository()
        try registry.pushIndex("acme/multi", tag: "1.2.0", architectures: ["amd64", "arm64"],
                               labels: ["org.opencontainers.image.version": "1.2.0", "org.opencontainers.image.revision": release.commit])
        let check = try #require(try verify([Self.image(registry, "acme/multi")], repository, release).first)
        #expect(check.status == .verified, "\(check.reason)")
        #expect(check.platforms == ["linux/amd64", "linux/arm64"])
        #expect(check.digest == (try registry.reportedDigest("acme/multi", tag: "1.2.0")))
        #expect(check.reason.contains("an index of 2 platform(s): linux/amd64, linux/arm64"))
    }

    @Test func aMissingTagOrRepositoryIsMissing() throws {
        let registry = try OCIRegistryServer()
        let (repository, release) = try Self.releasedRepository()
        try registry.pushImage("acme/web", tag: "1.1.0", labels: [:])
        let checks = try verify([Self.image(registry, "acme/web"), Self.image(registry, "acme/nothing-here")], repository, release)
        #expect(checks.map(\.status) == [.missing, .missing])
        #expect(checks[0].reason.hasPrefix("\(registry.host)/acme/web:1.2.0 is not in the registry"))
    }

    @Test func chartsAreLookedUpByTheirOwnVersionAndCarryTheRelease() throws {
        let registry = try OCIRegistryServer()
        let (repository, release) = try Self.releasedRepository()
        try registry.pushChart("charts/web", version: "0.3.0", appVersion: "1.2.0")
        try registry.pushChart("charts/stale", version: "0.3.0", appVersion: "1.1.0")
        try registry.pushImage("charts/image", tag: "0.3.0", labels: [:])
        func chart(_ repository: String, folder: String = "charts/web") -> ArtefactSettings {
            ArtefactSettings(kind: .helmOCI, name: "\(registry.host)/\(repository)", tlsVerify: false, chart: folder)
        }
        let checks = try verify([chart("charts/web"), chart("charts/stale"), chart("charts/image"), chart("charts/web", folder: "charts/api"),
                                 Self.image(registry, "charts/web", tag: "0.3.0")], repository, release)
        #expect(checks.map(\.status) == [.verified, .mismatch, .mismatch, .unchecked, .mismatch])
        #expect(checks[0].ref == "oci://\(registry.host)/charts/web:0.3.0")
        #expect(checks[0].digest == SHA256Digest.oci(try registry.run(["skopeo", "inspect", "--raw", "--tls-verify=false",
                                                                       "docker://\(registry.host)/charts/web:0.3.0"]).stdout))
        #expect(checks[1].reason.contains("has appVersion 1.1.0, not the release 1.2.0"))
        #expect(checks[2].reason.contains("is not a Helm chart"))
        #expect(checks[3].reason == "charts/api/Chart.yaml does not exist at v1.2.0; check artefacts.chart")
        #expect(checks[4].reason.contains("is a Helm chart, not an image"))
    }

    @Test func aRegistryStoppedMidTestIsUnreachableNeverMissing() throws {
        let registry = try OCIRegistryServer()
        let (repository, release) = try Self.releasedRepository()
        try registry.pushImage("acme/web", tag: "1.2.0", labels: [:])
        let settings = [Self.image(registry, "acme/web")]
        #expect(try verify(settings, repository, release).map(\.status) == [.verified])
        registry.server.stop()
        let check = try #require(try verify(settings, repository, release).first)
        #expect(check.status == .unreachable)
        #expect(check.reason.contains("connection refused"), "\(check.reason)")
    }

    @Test func registriesThatRefuseFailOrAnswerGarbage() throws {
        let (repository, release) = try Self.releasedRepository()
        var results: [StaticHTTPServer.Mode: ArtefactCheck] = [:]
        for mode in [StaticHTTPServer.Mode.unauthorized, .forbidden, .failing, .garbage] {
            let server = try StaticHTTPServer(mode: mode)
            let settings = ArtefactSettings(kind: .ociImage, name: "127.0.0.1:\(server.server.port)/acme/web", tlsVerify: false)
            results[mode] = try verify([settings], repository, release).first
        }
        #expect(results[.unauthorized]?.status == .unreachable)
        #expect(results[.unauthorized]?.reason.contains("refused the credentials") == true)
        #expect(results[.unauthorized]?.reason.contains("skopeo login 127.0.0.1:") == true)
        #expect(results[.forbidden]?.status == .unreachable)
        #expect(results[.failing]?.status == .unreachable)
        #expect(results[.failing]?.reason.contains("500") == true)
        #expect(results[.garbage]?.status == .unchecked)
        #expect(results[.garbage]?.reason.contains("not a manifest: '<html><body>502 Bad Gateway</body></html>'") == true)
    }

    @Test func aHungRegistryTimesOutInSecondsAndTheOthersAreStillChecked() throws {
        let hung = try StaticHTTPServer(mode: .hang)
        let registry = try OCIRegistryServer()
        let (repository, release) = try Self.releasedRepository()
        try registry.pushImage("acme/web", tag: "1.2.0", labels: [:])
        let slow = ArtefactSettings(kind: .ociImage, name: "127.0.0.1:\(hung.server.port)/acme/web", tlsVerify: false, timeoutSeconds: 2)
        let started = Date()
        let checks = try verify([slow, Self.image(registry, "acme/web")], repository, release)
        let seconds = Date().timeIntervalSince(started)
        #expect(checks.map(\.status) == [.unreachable, .verified])
        #expect(seconds < 10, "took \(seconds) s")
    }

    @Test func tlsVerificationAgainstAPlainHTTPRegistryNamesTheSetting() throws {
        let registry = try OCIRegistryServer()
        let (repository, release) = try Self.releasedRepository()
        let settings = ArtefactSettings(kind: .ociImage, name: "\(registry.host)/acme/web", tlsVerify: true)
        let check = try #require(try verify([settings], repository, release).first)
        #expect(check.status == .unreachable)
        #expect(check.reason == "\(registry.host) speaks plain HTTP; set \"tlsVerify\": false for it if that is expected")
    }

    @Test func pythonPackagesOnPypiserver() throws {
        let index = try PyPIServer()
        let (repository, release) = try Self.releasedRepository()
        try index.add("acme_web-1.2.0-py3-none-any.whl", contents: "wheel 1.2.0\n")
        try index.add("acme-web-1.2.0.tar.gz")
        try index.add("acme_web-1.1.0-py3-none-any.whl")
        try index.add("other-1.2.0.tar.gz")
        func package(_ name: String) -> ArtefactSettings { ArtefactSettings(kind: .pypi, name: name, index: index.index) }
        let checks = try verify([package("Acme.Web"), package("other"), package("nothing")], repository, release)
        #expect(checks.map(\.status) == [.verified, .verified, .missing])
        #expect(checks[0].digest == SHA256Digest.oci(Array("wheel 1.2.0\n".utf8)))
        #expect(checks[0].reason.contains("acme_web-1.2.0-py3-none-any.whl, acme-web-1.2.0.tar.gz") || checks[0].reason.contains("acme-web-1.2.0.tar.gz, acme_web-1.2.0-py3-none-any.whl"))
        try FileManager.default.removeItem(atPath: index.packages + "/other-1.2.0.tar.gz")
        try index.add("other-1.1.0.tar.gz")
        let gone = try #require(try verify([package("other")], repository, release).first)
        #expect(gone.status == .missing)
        #expect(gone.reason.contains("(it has 1.1.0)"), "\(gone.reason)")
        index.server.stop()
        #expect(try verify([package("Acme.Web")], repository, release).first?.status == .unreachable)
    }

    @Test func npmPackagesFromTheirPackument() throws {
        let registry = try StaticHTTPServer()
        let (repository, release) = try Self.releasedRepository()
        func packument(_ name: String, gitHead: String?) -> String {
            let head = gitHead.map { #""gitHead":"\#($0)","# } ?? ""
            return """
            {"_id":"\(name)","name":"\(name)","dist-tags":{"latest":"1.2.0"},"versions":{"1.1.0":{"name":"\(name)","version":"1.1.0","dist":{"integrity":"sha512-old=="}},"1.2.0":{"name":"\(name)","version":"1.2.0",\(head)"dist":{"integrity":"sha512-new==","tarball":"\(registry.url)/\(name)/-/web-1.2.0.tgz"}}},"time":{"1.2.0":"2026-01-01T00:00:00.000Z"}}
            """
        }
        try registry.write("@acme/web", packument("@acme/web", gitHead: release.commit))
        try registry.write("@acme/forked", packument("@acme/forked", gitHead: "deadbeefcafe"))
        try registry.write("acme-old", packument("acme-old", gitHead: nil).replacingOccurrences(of: #""1.2.0":{"#, with: #""1.0.0":{"#))
        func package(_ name: String) -> ArtefactSettings { ArtefactSettings(kind: .npm, name: name, index: registry.url + "/") }
        let checks = try verify([package("@acme/web"), package("@acme/forked"), package("acme-old"), package("@acme/absent")], repository, release)
        #expect(checks.map(\.status) == [.verified, .mismatch, .missing, .missing])
        #expect(checks[0].digest == "sha512-new==")
        #expect(checks[0].reason.contains("published from v1.2.0"))
        #expect(checks[1].reason.contains("published from deadbeefcafe (gitHead)"))
        registry.server.stop()
        #expect(try verify([package("@acme/web")], repository, release).first?.status == .unreachable)
    }

    @Test func cratesOnASparseIndex() throws {
        let index = try StaticHTTPServer()
        let (repository, release) = try Self.releasedRepository()
        try index.write("config.json", #"{"dl": "\#(index.url)/api/v1/crates", "api": "\#(index.url)"}"#)
        try index.write("ac/me/acme-web", """
            {"name":"acme-web","vers":"1.1.0","deps":[],"cksum":"\(String(repeating: "a", count: 64))","features":{},"yanked":false}
            {"name":"acme-web","vers":"1.2.0","deps":[],"cksum":"\(String(repeating: "b", count: 64))","features":{},"yanked":false}

            """)
        try index.write("3/a/abc", #"{"name":"abc","vers":"1.2.0","deps":[],"cksum":"00","features":{},"yanked":true}"# + "\n")
        try index.write("2/xy", #"{"name":"xy","vers":"1.0.0","deps":[],"cksum":"00","features":{},"yanked":false}"# + "\n")
        func crate(_ name: String, index url: String? = nil) -> ArtefactSettings {
            ArtefactSettings(kind: .crate, name: name, index: (url ?? index.url) + "/")
        }
        let checks = try verify([crate("acme-web"), crate("abc"), crate("xy"), crate("nothing"), crate("acme-web", index: index.url + "/api")],
                                repository, release)
        #expect(checks.map(\.status) == [.verified, .mismatch, .missing, .missing, .unchecked])
        #expect(checks[0].digest == "sha256:" + String(repeating: "b", count: 64))
        #expect(checks[1].reason.contains("was yanked"))
        #expect(checks[2].reason.contains("(it has 1.0.0)"))
        #expect(checks[4].reason.contains("is not a sparse crate index"))
    }

    @Test func smokeTestsRunAfterTheRegistryWithTheirPlaceholdersFilled() throws {
        let registry = try OCIRegistryServer()
        let (repository, release) = try Self.releasedRepository()
        try registry.pushImage("acme/web", tag: "1.2.0", labels: [:])
        let record = try TestRepository.makeTemporaryFolder("smoke") + "/argv"
        var passing = Self.image(registry, "acme/web")
        passing.smoke = ["sh", "-c", "printf '%s\\n' \"$@\" > \"$0\"", record, "{ref}", "{version}", "{tag}", "{digest}", "--literal"]
        var failing = Self.image(registry, "acme/web")
        failing.smoke = ["sh", "-c", "echo 'GET /healthz: 503' >&2; exit 3"]
        var missingTool = Self.image(registry, "acme/web")
        missingTool.smoke = ["no-such-smoke-tool"]
        let checks = try verify([passing, failing, missingTool], repository, release)
        #expect(checks.map(\.status) == [.verified, .mismatch, .unchecked])
        let digest = try registry.reportedDigest("acme/web", tag: "1.2.0")
        #expect(try String(contentsOfFile: record, encoding: .utf8) == "\(registry.host)/acme/web:1.2.0\n1.2.0\n1.2.0\n\(digest)\n--literal\n")
        #expect(checks[0].reason.contains("smoke test passed"))
        #expect(checks[1].reason.contains("smoke test failed"))
        #expect(checks[1].reason.contains("(exit 3): GET /healthz: 503"))
        #expect(checks[2].reason.contains("no-such-smoke-tool is not installed"))
    }
}
