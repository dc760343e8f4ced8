import Foundation
import Testing
@testable import SlipwayKit

/// The registry tools themselves misbehaving: missing from PATH, hanging, printing garbage. Each gives one line
/// naming the artefact, and the other artefacts are still checked.
@Suite struct ArtefactToolFaultTests {
    /// A folder on PATH holding `tools` (name → shell script body), and nothing else but the basics.
    static func runner(with tools: [String: String]) throws -> (CommandRunner, String) {
        let folder = try TestRepository.makeTemporaryFolder("fake-tools")
        for (name, body) in tools {
            try Data("#!/bin/sh\n\(body)\n".utf8).write(to: URL(fileURLWithPath: folder + "/" + name))
            chmod(folder + "/" + name, 0o755)
        }
        for basic in ["git", "sh", "sleep", "cat", "printf"] {
            if let path = CommandRunner.resolve(basic, path: "/usr/bin:/bin") { symlink(path, folder + "/" + basic) }
        }
        var environment = ProcessInfo.processInfo.environment.merging(TestRepository.environment) { $1 }
        environment["PATH"] = folder
        return (CommandRunner(baseEnvironment: environment), folder)
    }

    static let settings = [
        ArtefactSettings(kind: .ociImage, name: "registry.example.com/acme/web", timeoutSeconds: 1),
        ArtefactSettings(kind: .pypi, name: "acme-web", index: "https://pypi.example.com/simple/", timeoutSeconds: 1),
        ArtefactSettings(kind: .npm, name: "@acme/web", index: "https://npm.example.com/", timeoutSeconds: 1),
        ArtefactSettings(kind: .crate, name: "acme-web", index: "https://crates.example.com/index/", timeoutSeconds: 1),
    ]

    func checks(_ tools: [String: String]) throws -> [ArtefactCheck] {
        let (repository, release) = try ArtefactVerifierTests.releasedRepository()
        let (runner, _) = try Self.runner(with: tools)
        return ArtefactVerifier(repository: try repository.repository(as: repository.identity), artefacts: Self.settings, runner: runner)
            .verify(release)
    }

    @Test func missingToolsAreNamedWithTheirInstallCommand() throws {
        let checks = try checks([:])
        #expect(checks.map(\.status) == [.unchecked, .unchecked, .unchecked, .unchecked])
        #expect(checks[0].reason == "skopeo is not installed, so the registry of registry.example.com/acme/web:1.2.0 cannot be asked (apt-get install skopeo)")
        #expect(checks[1].reason.contains("curl is not installed") && checks[1].reason.contains("apt-get install curl"))
        #expect(checks[2].reason.contains("npm is not installed") && checks[2].reason.contains("apt-get install npm"))
        #expect(checks[0].ref == "registry.example.com/acme/web:1.2.0")
    }

    @Test func garbageFromAToolIsUncheckedNotMissing() throws {
        let garbage = "echo '<html><body>proxy error</body></html>'"
        let checks = try checks(["skopeo": garbage, "npm": garbage, "curl": garbage])
        #expect(checks.map(\.status) == [.unchecked, .unchecked, .unchecked, .unchecked])
        #expect(checks[0].reason.contains("not a manifest: '<html><body>proxy error</body></html>'"))
        #expect(checks[2].reason.contains("npm view printed something that is not JSON"))
        #expect(checks[1].reason == "curl printed no status for https://pypi.example.com/simple/acme-web/")
    }

    @Test func hungToolsAreStoppedAtTheTimeout() throws {
        let started = Date()
        let checks = try checks(["skopeo": "exec sleep 60", "npm": "exec sleep 60", "curl": "exec sleep 60"])
        let seconds = Date().timeIntervalSince(started)
        #expect(checks.map(\.status) == [.unreachable, .unreachable, .unreachable, .unreachable])
        #expect(checks[0].reason.contains("did not answer within 6 s"), "\(checks[0].reason)")
        // All four run at once: the slowest (npm, 1 s + 10 s of grace) bounds the whole.
        #expect(seconds < 20, "took \(seconds) s")
    }

    @Test func skopeoMessagesAreReadOffItsFatalLine() {
        let stderr = #"time="2026-12-07T13:41:02Z" level=fatal msg="Error parsing image name \"docker://r.example/acme/web:9.9.9\": reading manifest 9.9.9 in r.example/acme/web: manifest unknown: manifest unknown""#
        #expect(OCIRegistryCheck.fatalMessage(stderr) == #"Error parsing image name "docker://r.example/acme/web:9.9.9": reading manifest 9.9.9 in r.example/acme/web: manifest unknown: manifest unknown"#)
        let missing = OCIRegistryCheck.problem(fromSkopeo: stderr, ref: "r.example/acme/web:9.9.9", registry: "r.example")
        #expect(missing.status == .missing)
        #expect(missing.reason == "r.example/acme/web:9.9.9 is not in the registry (reading manifest 9.9.9 in r.example/acme/web: manifest unknown: manifest unknown)")
        let refused = OCIRegistryCheck.problem(fromSkopeo: #"level=fatal msg="pinging container registry r.example: Get \"https://r.example/v2/\": dial tcp 10.0.0.1:443: connect: connection refused""#,
                                               ref: "r.example/acme/web:1.0.0", registry: "r.example")
        #expect(refused.status == .unreachable)
        #expect(refused.reason == "r.example did not answer for r.example/acme/web:1.0.0: dial tcp 10.0.0.1:443: connect: connection refused")
        let certificate = OCIRegistryCheck.problem(fromSkopeo: #"level=fatal msg="x509: certificate signed by unknown authority""#, ref: "r/a:1", registry: "r")
        #expect(certificate.status == .unreachable && certificate.reason.contains("not trusted"))
        // A port that contains 401 is not a 401 (CI once drew port 37401 and called plain HTTP "credentials").
        let plain = OCIRegistryCheck.problem(fromSkopeo: #"level=fatal msg="pinging container registry 127.0.0.1:37401: Get \"https://127.0.0.1:37401/v2/\": http: server gave HTTP response to HTTPS client""#,
                                             ref: "127.0.0.1:37401/acme/web:1.2.0", registry: "127.0.0.1:37401")
        #expect(plain.reason == "127.0.0.1:37401 speaks plain HTTP; set \"tlsVerify\": false for it if that is expected")
        let missingOnPort = OCIRegistryCheck.problem(fromSkopeo: #"level=fatal msg="reading manifest 1.0.0 in 127.0.0.1:40301/acme/web: manifest unknown""#,
                                                     ref: "127.0.0.1:40301/acme/web:1.0.0", registry: "127.0.0.1:40301")
        #expect(missingOnPort.status == .missing)
        let unauthorized = OCIRegistryCheck.problem(fromSkopeo: #"level=fatal msg="reading manifest 1.0.0 in 127.0.0.1:5000/acme/web: received unexpected HTTP status: 401 Unauthorized""#,
                                                    ref: "127.0.0.1:5000/acme/web:1.0.0", registry: "127.0.0.1:5000")
        #expect(unauthorized.reason.contains("refused the credentials"))
    }
}
