import Foundation

/// The forge's web pages for a remote: a commit, a compare between two refs. Built from the remote's URL
/// (`git@host:owner/repo.git`, `ssh://git@host/owner/repo`, `https://host/owner/repo.git`); a remote that is
/// a local path or `file://` has no web pages.
public struct WebLinks: Sendable, Hashable {
    public enum Flavour: String, Sendable { case github, gitlab, gitea, bitbucket }

    /// `https://host/owner/repo`.
    public let base: String
    public let flavour: Flavour

    /// `nil` when `remoteURL` is not a web forge's (a path, `file://`, something unparseable).
    public init?(remoteURL: String, forge: ForgeSettings.Kind) {
        let url = remoteURL.trimmingCharacters(in: .whitespacesAndNewlines)
        var hostAndPath: String
        if let scheme = url.range(of: "://") {
            let name = url[..<scheme.lowerBound].lowercased()
            guard ["https", "http", "ssh", "git", "git+ssh"].contains(name) else { return nil }
            hostAndPath = String(url[scheme.upperBound...])
            if let at = hostAndPath.firstIndex(of: "@"), at < (hostAndPath.firstIndex(of: "/") ?? hostAndPath.endIndex) {
                hostAndPath = String(hostAndPath[hostAndPath.index(after: at)...])
            }
            // ssh://host:2222/owner/repo: the port is not the web's.
            if let colon = hostAndPath.firstIndex(of: ":"), let slash = hostAndPath.firstIndex(of: "/"), colon < slash {
                hostAndPath.removeSubrange(colon..<slash)
            }
        } else if let colon = url.firstIndex(of: ":"), url.contains("@") || !url.hasPrefix("/"),
                  !url[..<colon].contains("/") {
            // scp-like: git@host:owner/repo.git
            let user = url[..<colon]
            let host = user.split(separator: "@").last.map(String.init) ?? String(user)
            hostAndPath = host + "/" + url[url.index(after: colon)...]
        } else {
            return nil
        }
        while hostAndPath.hasSuffix("/") { hostAndPath.removeLast() }
        if hostAndPath.hasSuffix(".git") { hostAndPath.removeLast(4) }
        let parts = hostAndPath.split(separator: "/")
        guard parts.count >= 3, parts[0].contains("."), !parts.contains(where: { $0 == ".." }) else { return nil }
        base = "https://" + hostAndPath
        let host = parts[0].lowercased()
        switch forge {
        case .github: flavour = .github
        case .gitlab: flavour = .gitlab
        case .local: flavour = host.contains("gitlab") ? .gitlab : host.contains("bitbucket") ? .bitbucket
            : host.contains("github") ? .github : .gitea
        }
    }

    public func commit(_ sha: String) -> String {
        switch flavour {
        case .github, .gitea: return base + "/commit/" + sha
        case .gitlab: return base + "/-/commit/" + sha
        case .bitbucket: return base + "/commits/" + sha
        }
    }

    /// What `newer` has that `older` has not.
    public func compare(_ older: String, _ newer: String) -> String {
        switch flavour {
        case .github, .gitea: return base + "/compare/" + older + "..." + newer
        case .gitlab: return base + "/-/compare/" + older + "..." + newer
        case .bitbucket: return base + "/branches/compare/" + newer + "%0D" + older
        }
    }
}
