import Foundation

/// `pypiserver` (from PyPI, in the venv `.ci/run` makes) on 127.0.0.1 over a folder of distributions: a file
/// copied in is served at once.
final class PyPIServer: @unchecked Sendable {
    let server: TestServer
    var index: String { server.url + "/simple/" }
    var packages: String { server.folder + "/packages" }

    init() throws {
        let folder = try TestRepository.makeTemporaryFolder("pypi")
        try FileManager.default.createDirectory(atPath: folder + "/packages", withIntermediateDirectories: true)
        let port = TestServer.freePort()
        server = try TestServer(["pypi-server", "run", "-i", "127.0.0.1", "-p", String(port), "-a", ".", "-P", ".",
                                 "--disable-fallback", folder + "/packages"], port: port, folder: folder, readyPath: "/health")
    }

    /// Adds a distribution file (its bytes do not matter to the index).
    func add(_ filename: String, contents: String = "distribution bytes\n") throws {
        try Data(contents.utf8).write(to: URL(fileURLWithPath: packages + "/" + filename))
    }
}
