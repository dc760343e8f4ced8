import Foundation

/// Sends a notice to one channel; returns what the channel said when it accepted it.
public struct NoticeSender: Sendable {
    public let repository: GitRepository
    public let config: SlipwayConfig
    public let runner: any CommandRunning
    public let environment: [String: String]

    public init(repository: GitRepository, config: SlipwayConfig, runner: (any CommandRunning)? = nil,
                environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.repository = repository
        self.config = config
        self.runner = runner ?? repository.runner
        self.environment = environment
    }

    /// Sends `notice`; throws `NoticeError` naming why the channel did not take it.
    public func send(_ notice: ReleaseNotice, to channel: NotifyChannel) throws(NoticeError) -> String {
        switch channel {
        case .webhook(let url, let headers, let timeout): return try webhook(notice, url: url, headers: headers, timeout: timeout)
        case .email(let email): return try mail(notice, email)
        case .command(let argv, let timeout):
            let output = try run(argv, input: Data(notice.text.utf8), timeout: timeout, what: "the notify command")
            guard output.status.isSuccess else {
                throw NoticeError("`\(CommandInvocation(argv).description)` failed (\(output.status)): \(output.errorSummary)")
            }
            return "`\(CommandInvocation(argv).description)` took it"
        case .file(let path): return try file(notice, path: path)
        case .forgeRelease: return try forgeRelease(notice)
        }
    }

    func run(_ arguments: [String], input: Data? = nil, timeout: Double, what: String) throws(NoticeError) -> CommandOutput {
        do { return try runner.runUnchecked(CommandInvocation(arguments, in: repository.root, timeout: timeout, input: input)) } catch {
            switch error.kind {
            case .notFound: throw NoticeError("\(arguments[0]) is not installed, so \(what) cannot run (\(ArtefactProblem.installHint(arguments[0])))")
            case .timedOut(let seconds): throw NoticeError("\(what) did not finish within \(Int(seconds)) s and was stopped")
            default: throw NoticeError(error.description)
            }
        }
    }

    /// A JSON POST: `text` for chat tools, and the notice's fields.
    func webhook(_ notice: ReleaseNotice, url: String, headers: [String: EnvironmentValue], timeout: Double) throws(NoticeError) -> String {
        guard case .object(var members) = notice.json else { throw NoticeError("the notice could not be encoded") }
        // `text` first, as chat tools read it: the subject, then the notice.
        members.removeAll { $0.key == "text" }
        members.insert(("text", .string(notice.subject + "\n\n" + notice.text)), at: 0)
        var arguments = ["curl", "--silent", "--show-error", "--max-time", String(Int(timeout)), "--request", "POST",
                         "--header", "Content-Type: application/json", "--data-binary", "@-",
                         "--output", "/dev/null", "--write-out", "%{http_code}"]
        let headerFile = try secretHeaders(headers)
        defer { if let headerFile { try? FileManager.default.removeItem(atPath: headerFile) } }
        if let headerFile { arguments += ["--header", "@" + headerFile] }
        arguments += ["--url", url]
        let output = try run(arguments, input: Data(JSONValue.object(members).jsonText.utf8), timeout: timeout + 5, what: "the webhook")
        let shown = SecretRedactor.redact(url)
        guard output.status.isSuccess else {
            if output.status == .exited(28) { throw NoticeError("the webhook \(shown) did not answer within \(Int(timeout)) s") }
            throw NoticeError("the webhook \(shown) could not be reached: \(output.errorSummary)")
        }
        let status = Int(output.trimmedText) ?? 0
        guard (200..<300).contains(status) else { throw NoticeError("the webhook \(shown) answered HTTP \(status)") }
        return "the webhook answered HTTP \(status)"
    }

    /// Headers whose values come from the environment, in a curl header file only this user can read.
    func secretHeaders(_ headers: [String: EnvironmentValue]) throws(NoticeError) -> String? {
        guard !headers.isEmpty else { return nil }
        var lines: [String] = []
        for (name, value) in headers.sorted(by: { $0.key < $1.key }) {
            guard let resolved = value.resolve(environment) else { throw NoticeError("the header \(name) comes from $\(value.variable), which is not set") }
            lines.append("\(name): \(resolved)")
        }
        return try privateFile(lines.joined(separator: "\n") + "\n")
    }

    func privateFile(_ text: String) throws(NoticeError) -> String {
        let path = NSTemporaryDirectory() + "/slipway-\(UUID().uuidString)"
        guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600]) else {
            throw NoticeError("a private file could not be written under \(NSTemporaryDirectory())")
        }
        return path
    }

    /// The notice added to a file (created when missing), written atomically.
    func file(_ notice: ReleaseNotice, path: String) throws(NoticeError) -> String {
        let absolute = path.hasPrefix("/") ? path : repository.root + "/" + path
        let existing = FileManager.default.contents(atPath: absolute) ?? Data()
        let entry = "## \(notice.subject)\n\n\(notice.text)\n"
        var text = String(decoding: existing, as: UTF8.self)
        if !text.isEmpty, !text.hasSuffix("\n\n") { text += text.hasSuffix("\n") ? "\n" : "\n\n" }
        do {
            try FileManager.default.createDirectory(atPath: (absolute as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try AtomicFile.write(Data((text + entry).utf8), to: absolute)
        } catch {
            throw NoticeError("\(path) could not be written: \(error)")
        }
        return "added to \(path)"
    }
}
