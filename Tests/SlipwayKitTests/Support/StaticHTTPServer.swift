import Foundation

/// Python's `http.server` over a folder: a real HTTP server for registries whose protocol is files (npm
/// packuments, a crates sparse index), or — with `mode` — one that answers every request with 401, 403, 500,
/// a body that is not what was asked for, or not at all.
final class StaticHTTPServer: @unchecked Sendable {
    enum Mode: String { case files, unauthorized = "401", forbidden = "403", failing = "500", garbage, hang }

    let server: TestServer
    var url: String { server.url }
    var root: String { server.folder + "/root" }

    static let script = """
        import sys, time, http.server, functools
        port, mode, root = int(sys.argv[1]), sys.argv[2], sys.argv[3]
        class Handler(http.server.SimpleHTTPRequestHandler):
            def log_message(self, *args): pass
            def answer(self, code, body=b"", headers=()):
                self.send_response(code)
                for key, value in headers: self.send_header(key, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            def do_GET(self):
                if self.path == "/ready": return self.answer(200, b"ok")
                if mode == "files": return super().do_GET()
                if mode == "401": return self.answer(401, b"", [("WWW-Authenticate", 'Basic realm="registry"')])
                if mode == "403": return self.answer(403, b'{"errors":[{"code":"DENIED","message":"requested access to the resource is denied"}]}', [("Content-Type", "application/json")])
                if mode == "500": return self.answer(500, b"internal error")
                if mode == "garbage":
                    if self.path == "/v2/": return self.answer(200, b"{}", [("Content-Type", "application/json")])
                    return self.answer(200, b"<html><body>502 Bad Gateway</body></html>", [("Content-Type", "application/vnd.oci.image.manifest.v1+json")])
                if mode == "hang": time.sleep(60)
            do_HEAD = do_GET
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                if mode == "hang": time.sleep(60)
                if mode == "500": return self.answer(500, b"internal error")
                import os
                os.makedirs(root + "/posts", exist_ok=True)
                count = len(os.listdir(root + "/posts"))
                with open("%s/posts/%03d.json" % (root, count), "wb") as f: f.write(body)
                with open("%s/posts/%03d.headers" % (root, count), "w") as f: f.write(str(self.headers))
                return self.answer(200, b"ok")
        handler = functools.partial(Handler, directory=root)
        http.server.ThreadingHTTPServer(("127.0.0.1", port), handler).serve_forever()
        """

    init(mode: Mode = .files) throws {
        let folder = try TestRepository.makeTemporaryFolder("http")
        try FileManager.default.createDirectory(atPath: folder + "/root", withIntermediateDirectories: true)
        try Data(Self.script.utf8).write(to: URL(fileURLWithPath: folder + "/serve.py"))
        let port = TestServer.freePort()
        server = try TestServer(["python3", folder + "/serve.py", String(port), mode.rawValue, folder + "/root"],
                                port: port, folder: folder, readyPath: "/ready")
    }

    /// The bodies POSTed to it, oldest first.
    var posts: [String] {
        let folder = root + "/posts"
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".json") }.sorted()
        return names.compactMap { try? String(contentsOfFile: folder + "/" + $0, encoding: .utf8) }
    }

    /// Writes `text` at `path` under the served folder.
    func write(_ path: String, _ text: String) throws {
        let url = URL(fileURLWithPath: root + "/" + path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }
}
