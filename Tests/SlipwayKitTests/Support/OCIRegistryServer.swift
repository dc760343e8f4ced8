import Foundation
@testable import SlipwayKit

/// Debian's `docker-registry` on 127.0.0.1 (plain HTTP, its own storage), with images built by `umoci` and
/// charts laid out as OCI artifacts by hand, pushed with `skopeo copy`.
final class OCIRegistryServer: @unchecked Sendable {
    let server: TestServer
    let work: String
    var host: String { "127.0.0.1:\(server.port)" }

    init() throws {
        let folder = try TestRepository.makeTemporaryFolder("registry")
        let port = TestServer.freePort()
        let config = """
            version: 0.1
            log: {level: error}
            storage: {filesystem: {rootdirectory: \(folder)/data}, delete: {enabled: true}}
            http: {addr: 127.0.0.1:\(port), secret: slipway-tests}

            """
        try Data(config.utf8).write(to: URL(fileURLWithPath: folder + "/config.yml"))
        server = try TestServer(["docker-registry", "serve", folder + "/config.yml"], port: port, folder: folder, readyPath: "/v2/")
        work = try TestRepository.makeTemporaryFolder("oci-layouts")
    }

    deinit { try? FileManager.default.removeItem(atPath: work) }

    @discardableResult
    func run(_ arguments: [String]) throws -> CommandOutput {
        try TestServer.runner.run(CommandInvocation(arguments, in: work, timeout: 60))
    }

    /// An image with one file and `labels`, built for `architecture` in a new layout; returns the layout and tag.
    func buildImage(labels: [String: String], architecture: String = "amd64", layout: String? = nil, name: String = "image") throws -> String {
        let path = layout ?? work + "/layout-\(UUID().uuidString.prefix(6))"
        if layout == nil || !FileManager.default.fileExists(atPath: path + "/index.json") { try run(["umoci", "init", "--layout", path]) }
        let source = work + "/rootfs"
        try FileManager.default.createDirectory(atPath: source, withIntermediateDirectories: true)
        try Data("hello\n".utf8).write(to: URL(fileURLWithPath: source + "/hello.txt"))
        try run(["umoci", "new", "--image", "\(path):\(name)"])
        try run(["umoci", "insert", "--image", "\(path):\(name)", source, "/app"])
        var config = ["umoci", "config", "--image", "\(path):\(name)", "--os=linux", "--architecture=\(architecture)"]
        for (key, value) in labels.sorted(by: { $0.key < $1.key }) { config += ["--config.label", "\(key)=\(value)"] }
        try run(config)
        return path
    }

    /// Pushes an image with `labels` as `repository:tag`.
    func pushImage(_ repository: String, tag: String, labels: [String: String]) throws {
        let layout = try buildImage(labels: labels)
        try run(["skopeo", "copy", "--quiet", "--dest-tls-verify=false", "oci:\(layout):image", "docker://\(host)/\(repository):\(tag)"])
    }

    /// Pushes an OCI image index of one image per architecture, each with `labels`.
    func pushIndex(_ repository: String, tag: String, architectures: [String], labels: [String: String]) throws {
        let layout = work + "/index-\(UUID().uuidString.prefix(6))"
        for architecture in architectures { _ = try buildImage(labels: labels, architecture: architecture, layout: layout, name: architecture) }
        let indexURL = URL(fileURLWithPath: layout + "/index.json")
        guard let top = try JSONSerialization.jsonObject(with: Data(contentsOf: indexURL)) as? [String: Any],
              var entries = top["manifests"] as? [[String: Any]] else { throw TestServerError("umoci wrote no index.json") }
        let children: [[String: Any]] = entries.compactMap { entry in
            guard let annotations = entry["annotations"] as? [String: String],
                  let architecture = annotations["org.opencontainers.image.ref.name"] else { return nil }
            return ["mediaType": entry["mediaType"] ?? "", "digest": entry["digest"] ?? "", "size": entry["size"] ?? 0,
                    "platform": ["os": "linux", "architecture": architecture]]
        }
        let index: [String: Any] = ["schemaVersion": 2, "mediaType": "application/vnd.oci.image.index.v1+json", "manifests": children]
        let blob = try JSONSerialization.data(withJSONObject: index, options: [.sortedKeys])
        let digest = try writeBlob(blob, layout: layout)
        entries.append(["mediaType": "application/vnd.oci.image.index.v1+json", "digest": digest, "size": blob.count,
                        "annotations": ["org.opencontainers.image.ref.name": "multi"]])
        try JSONSerialization.data(withJSONObject: ["schemaVersion": 2, "manifests": entries]).write(to: indexURL)
        try run(["skopeo", "copy", "--quiet", "--all", "--dest-tls-verify=false", "oci:\(layout):multi", "docker://\(host)/\(repository):\(tag)"])
    }

    /// Pushes a Helm chart as helm does: config `application/vnd.cncf.helm.config.v1+json` (Chart.yaml as JSON),
    /// one `…chart.content.v1.tar+gzip` layer, tagged with the chart's version.
    func pushChart(_ repository: String, name: String = "web", version: String, appVersion: String) throws {
        let layout = work + "/chart-\(UUID().uuidString.prefix(6))"
        try FileManager.default.createDirectory(atPath: layout + "/blobs/sha256", withIntermediateDirectories: true)
        let config = try JSONSerialization.data(withJSONObject: ["apiVersion": "v2", "name": name, "version": version,
                                                                 "appVersion": appVersion, "type": "application"], options: [.sortedKeys])
        let configDigest = try writeBlob(config, layout: layout)
        let content = Data("a chart archive stands here; the registry does not open it\n".utf8)
        let contentDigest = try writeBlob(content, layout: layout)
        let manifest: [String: Any] = [
            "schemaVersion": 2,
            "config": ["mediaType": "application/vnd.cncf.helm.config.v1+json", "digest": configDigest, "size": config.count],
            "layers": [["mediaType": "application/vnd.cncf.helm.chart.content.v1.tar+gzip", "digest": contentDigest, "size": content.count]],
        ]
        let manifestData = try JSONSerialization.data(withJSONObject: manifest, options: [.sortedKeys])
        let manifestDigest = try writeBlob(manifestData, layout: layout)
        try Data(#"{"imageLayoutVersion":"1.0.0"}"#.utf8).write(to: URL(fileURLWithPath: layout + "/oci-layout"))
        let index: [String: Any] = ["schemaVersion": 2, "manifests": [[
            "mediaType": "application/vnd.oci.image.manifest.v1+json", "digest": manifestDigest, "size": manifestData.count,
            "annotations": ["org.opencontainers.image.ref.name": "chart"],
        ]]]
        try JSONSerialization.data(withJSONObject: index).write(to: URL(fileURLWithPath: layout + "/index.json"))
        let tag = version.replacingOccurrences(of: "+", with: "_")
        try run(["skopeo", "copy", "--quiet", "--dest-tls-verify=false", "oci:\(layout):chart", "docker://\(host)/\(repository):\(tag)"])
    }

    private func writeBlob(_ data: Data, layout: String) throws -> String {
        try FileManager.default.createDirectory(atPath: layout + "/blobs/sha256", withIntermediateDirectories: true)
        let hex = SHA256Digest.hex(data)
        try data.write(to: URL(fileURLWithPath: layout + "/blobs/sha256/" + hex))
        return "sha256:" + hex
    }

    /// The digest `skopeo inspect` reports for `repository:tag`, to compare with Slipway's own.
    func reportedDigest(_ repository: String, tag: String) throws -> String {
        let output = try run(["skopeo", "inspect", "--tls-verify=false", "docker://\(host)/\(repository):\(tag)"])
        guard case .string(let digest)? = try JSONParser.parse(output.stdout)["Digest"] else { throw TestServerError("no Digest") }
        return digest
    }
}
