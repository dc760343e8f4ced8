import SlipwayKit
import Testing

/// The forge's web pages from a remote's address, as `O` in the console opens them.
@Suite struct WebLinksTests {
    @Test(arguments: [
        ("git@github.com:acme/web.git", ForgeSettings.Kind.github, "https://github.com/acme/web"),
        ("https://github.com/acme/web.git", .github, "https://github.com/acme/web"),
        ("https://ci-bot@github.com/acme/web", .local, "https://github.com/acme/web"),
        ("ssh://git@gitlab.example.com:2222/group/sub/api.git", .gitlab, "https://gitlab.example.com/group/sub/api"),
        ("git+ssh://git@codeberg.org/acme/web.git/", .local, "https://codeberg.org/acme/web"),
    ])
    func theBaseComesFromTheRemote(remote: String, kind: ForgeSettings.Kind, base: String) throws {
        let links = try #require(WebLinks(remoteURL: remote, forge: kind))
        #expect(links.base == base)
    }

    @Test(arguments: ["/srv/git/acme.git", "../origin.git", "file:///srv/git/acme.git", "origin", "", "https://localhost/x",
                      "ftp://example.com/a/b"])
    func aLocalRemoteHasNoPages(remote: String) {
        #expect(WebLinks(remoteURL: remote, forge: .local) == nil)
    }

    @Test func eachForgeWritesItsOwnCommitAndCompareAddresses() throws {
        let github = try #require(WebLinks(remoteURL: "git@github.com:acme/web.git", forge: .github))
        #expect(github.commit("abc123") == "https://github.com/acme/web/commit/abc123")
        #expect(github.compare("v1.1.0", "v1.2.0") == "https://github.com/acme/web/compare/v1.1.0...v1.2.0")
        let gitlab = try #require(WebLinks(remoteURL: "https://gitlab.example.com/acme/web.git", forge: .local))
        #expect(gitlab.flavour == .gitlab)
        #expect(gitlab.commit("abc123") == "https://gitlab.example.com/acme/web/-/commit/abc123")
        #expect(gitlab.compare("v1.1.0", "v1.2.0") == "https://gitlab.example.com/acme/web/-/compare/v1.1.0...v1.2.0")
        let bitbucket = try #require(WebLinks(remoteURL: "git@bitbucket.org:acme/web.git", forge: .local))
        #expect(bitbucket.commit("abc123") == "https://bitbucket.org/acme/web/commits/abc123")
        #expect(bitbucket.compare("v1.1.0", "v1.2.0") == "https://bitbucket.org/acme/web/branches/compare/v1.2.0%0Dv1.1.0")
        let gitea = try #require(WebLinks(remoteURL: "https://git.acme.example/acme/web.git", forge: .local))
        #expect(gitea.flavour == .gitea)
        #expect(gitea.compare("1.1.0", "1.2.0") == "https://git.acme.example/acme/web/compare/1.1.0...1.2.0")
    }
}
