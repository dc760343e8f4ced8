import Foundation
import Testing
@testable import SlipwayKit

/// Step 8: the tag's CI state and the release's artefacts verified, shown for the release in progress and,
/// after the tag, for the last release until the next one starts.
@Suite struct ReleaseEnginePublishTests {
    @Test func afterTheTagStep8StaysInViewAndTurnsGreenOnceTheImageIsPublished() throws {
        let registry = try OCIRegistryServer()
        let (remote, clone) = try ReleaseEngineTests.project()
        defer { withExtendedLifetime(remote) {} }
        try clone.write(".slipway.json", """
            {"forge": {"kind": "local", "requiredApprovals": 1},
             "publish": {"command": ["sh", "-c", "test \\"$0\\" = v1.1.0", "{tag}"]},
             "artefacts": [{"kind": "oci-image", "ref": "\(registry.host)/acme/web", "tlsVerify": false}]}
            """)
        try clone.git(["add", ".slipway.json"])
        try clone.commit("chore: artefacts")
        try clone.git(["push", "-q", "origin", "main"])
        let engine = try Self.engine(clone)
        _ = try engine.prepare()
        _ = try Self.engine(clone, as: ReleaseEngineTests.lin).approve()
        _ = try engine.merge()
        _ = try engine.tag()

        var status = try engine.status()
        #expect(status.started == false)
        let last = try #require(status.lastRelease)
        #expect(last.tag == "v1.1.0" && last.tagPushed)
        #expect(last.publish == .failed(reason: "artefacts: 1 missing", fix: "publish them again from CI, then re-verify (slipway artefacts verify)"))
        #expect(last.artefacts.map(\.ref) == ["\(registry.host)/acme/web:1.1.0"])
        #expect(status.json["lastRelease"]?["publish"]?["state"] == .string("failed"))

        let commit = try clone.git(["rev-parse", "v1.1.0^{commit}"])
        try registry.pushImage("acme/web", tag: "1.1.0", labels: ["org.opencontainers.image.version": "1.1.0",
                                                                   "org.opencontainers.image.revision": commit])
        status = try engine.status()
        #expect(status.lastRelease?.publish == .done("1 artefact(s) verified; sh -c 'test \"$0\" = v1.1.0' v1.1.0 succeeded"))
        #expect(status.lastRelease?.artefacts.first?.status == .verified)
    }

    static func engine(_ clone: TestRepository, as identity: (name: String, email: String) = ReleaseEngineTests.ada) throws -> ReleaseEngine {
        let repository = try GitRepository.open(clone.root, runner: Self.runner(identity))
        var engine = ReleaseEngine(repository: repository, config: try SlipwayConfig.load(repositoryRoot: repository.root),
                                   files: ReleaseFileEditor())
        engine.today = { "2026-11-26" }
        return engine
    }

    static func runner(_ identity: (name: String, email: String)) -> CommandRunner {
        var environment = TestServer.runner.baseEnvironment
        for prefix in ["GIT_AUTHOR", "GIT_COMMITTER"] {
            environment[prefix + "_NAME"] = identity.name
            environment[prefix + "_EMAIL"] = identity.email
        }
        return CommandRunner(baseEnvironment: environment)
    }

    @Test func theCIRunAndTheArtefactsMakeOneStep() {
        let verified = ArtefactCheck(kind: .ociImage, ref: "r/a:1", status: .verified, reason: "ok")
        let missing = ArtefactCheck(kind: .pypi, ref: "a 1", status: .missing, reason: "not there")
        let down = ArtefactCheck(kind: .npm, ref: "a 1", status: .unreachable, reason: "down")
        let ciDone = StepState.done("2 CI run(s) succeeded")
        #expect(ReleaseEngine.combine(ci: ciDone, artefacts: [verified]) == .done("1 artefact(s) verified; 2 CI run(s) succeeded"))
        #expect(ReleaseEngine.combine(ci: .ready("no CI publish status"), artefacts: [verified]) == .done("1 artefact(s) verified"))
        #expect(ReleaseEngine.combine(ci: .running("1 CI run(s) in progress"), artefacts: [verified, missing])
                == .running("1 CI run(s) in progress; artefacts so far: 1 verified, 1 missing"))
        #expect(ReleaseEngine.combine(ci: .failed(reason: "build: failure", fix: "see CI"), artefacts: [verified]).name == "failed")
        #expect(ReleaseEngine.combine(ci: ciDone, artefacts: [verified, missing, down]).name == "failed")
        #expect(ReleaseEngine.combine(ci: ciDone, artefacts: [verified, down])
                == .blocked(reason: "artefacts: 1 verified, 1 unreachable",
                            fix: "reach the registry (or install the tool), then re-verify (slipway artefacts verify)"))
    }
}
