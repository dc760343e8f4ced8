import Foundation
import SlipwayKit

/// `O`: a forge page for the selection, from the remote's address, opened with the desktop's opener.
extension EffectRunner {
    /// The openers tried, in order: the freedesktop one, then macOS's.
    static let openers = ["xdg-open", "open"]

    func open(_ target: LinkTarget) -> StatusMessage {
        let url: String
        switch address(of: target) {
        case .success(let found): url = found
        case .failure(let problem): return StatusMessage(problem.description, .warn)
        }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        guard let opener = Self.openers.first(where: { CommandRunner.resolve($0, path: path) != nil }) else {
            return StatusMessage("no browser opener here (xdg-open, open): \(url)", .info)
        }
        // The address is one argument; it starts with https:// (or is the forge's own), never with '-'.
        let output = try? runner.runUnchecked(CommandInvocation([opener, url], timeout: 10))
        guard let output, output.status.isSuccess else {
            let why = output.map { String($0.errorSummary.prefix(120)) } ?? "it did not start"
            return StatusMessage("\(opener) could not open \(url)\(why.isEmpty ? "" : ": " + why)", .warn)
        }
        return StatusMessage("opened \(url)", .ok)
    }

    /// The web address of `target` on the remote's forge, or why there is none.
    func address(of target: LinkTarget) -> Result<String, ConsoleProblem> {
        if case .page(let url) = target { return .success(url) }
        do {
            let repository = try GitRepository.open(repositoryPath, runner: runner)
            let config = try SlipwayConfig.load(repository: repository)
            let remote = config.forge.remote
            // The URL as configured: `remote get-url` applies url.*.insteadOf rewrites (a mirror, a local copy).
            let answer = try repository.gitUnchecked(["config", "--get", "remote.\(remote).url"], timeout: 10)
            let remoteURL = answer.text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard answer.status.isSuccess, !remoteURL.isEmpty else {
                return .failure(ConsoleProblem("no remote '\(remote)' to find the forge's pages from; \(target.description) has no address"))
            }
            guard let links = WebLinks(remoteURL: remoteURL, forge: config.forge.kind) else {
                return .failure(ConsoleProblem("\(remote) is \(remoteURL), not a forge with web pages: \(target.description) has no address"))
            }
            switch target {
            case .page(let url): return .success(url)
            case .commit(let sha): return .success(links.commit(sha))
            case .compare(let older, let newer): return .success(links.compare(older, newer))
            }
        } catch {
            return .failure(ConsoleProblem(Self.oneLine(error)))
        }
    }
}
