import Foundation

/// An HTTP GET through `curl` (credentials from `~/.netrc` stay with curl): the status, the content type and the body.
struct HTTPFetch: Sendable {
    struct Response: Sendable {
        let status: Int
        let contentType: String
        let body: Data
    }

    let runner: any CommandRunning
    let timeout: Double

    static let marker = "\n#slipway-http "

    /// GETs `url`; a connection, TLS or server failure, a refusal of credentials or a timeout is `unreachable`.
    /// A 404 or 410 is returned for the caller to call missing.
    func get(_ url: String, accept: String? = nil, what: String) throws(ArtefactProblem) -> Response {
        var arguments = ["curl", "--silent", "--show-error", "--location", "--max-redirs", "5", "--netrc-optional",
                         "--max-time", String(Int(timeout)), "--write-out", Self.marker + "%{http_code} %{content_type}"]
        if let accept { arguments += ["--header", "Accept: " + accept] }
        arguments += ["--url", url]
        let output = try ArtefactProblem.run(arguments, runner: runner, timeout: timeout + 5, what: what)
        guard output.status.isSuccess else { throw problem(output, url: url, what: what) }
        guard let response = Self.split(output.stdout) else {
            throw ArtefactProblem(.unchecked, "curl printed no status for \(url)")
        }
        switch response.status {
        case 200..<300, 404, 410: return response
        case 401, 403, 407:
            throw ArtefactProblem(.unreachable, "\(what) refused the credentials (HTTP \(response.status) from \(url)); put them in ~/.netrc")
        case 500..<600:
            throw ArtefactProblem(.unreachable, "\(what) failed (HTTP \(response.status) from \(url))")
        default:
            throw ArtefactProblem(.unchecked, "\(what) answered HTTP \(response.status) from \(url)")
        }
    }

    /// The body and the `--write-out` line after the marker.
    static func split(_ data: Data) -> Response? {
        let bytes = [UInt8](data)
        let marker = Array(Self.marker.utf8)
        guard bytes.count >= marker.count else { return nil }
        var start = bytes.count - marker.count
        while start >= 0, !bytes[start...].starts(with: marker) { start -= 1 }
        guard start >= 0 else { return nil }
        let trailer = String(decoding: bytes[(start + marker.count)...], as: UTF8.self)
        let fields = trailer.split(separator: " ", maxSplits: 1).map(String.init)
        guard let status = fields.first.flatMap({ Int($0) }) else { return nil }
        return Response(status: status, contentType: fields.count > 1 ? fields[1].lowercased() : "", body: Data(bytes[..<start]))
    }

    func problem(_ output: CommandOutput, url: String, what: String) -> ArtefactProblem {
        let summary = output.errorSummary
        guard case .exited(let code) = output.status else {
            return ArtefactProblem(.unreachable, "\(what) did not answer: curl \(output.status)")
        }
        switch code {
        case 6: return ArtefactProblem(.unreachable, "\(what) is unreachable: the host of \(url) is unknown (\(summary))")
        case 7: return ArtefactProblem(.unreachable, "\(what) is unreachable: nothing answers at \(url) (\(summary))")
        case 28: return ArtefactProblem(.unreachable, "\(what) did not answer within \(Int(timeout)) s (\(url))")
        case 35, 51, 53, 54, 58, 59, 60, 77, 80, 83, 90, 91:
            return ArtefactProblem(.unreachable, "\(what) is unreachable: TLS failed for \(url) (\(summary))")
        case 1, 3:
            return ArtefactProblem(.unchecked, "\(url) is not a URL curl can fetch (\(summary))")
        default:
            return ArtefactProblem(.unreachable, "\(what) did not answer properly at \(url) (\(summary))")
        }
    }
}
