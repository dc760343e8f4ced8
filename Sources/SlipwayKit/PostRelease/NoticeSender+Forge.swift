import Foundation

/// The forge's release object for the tag, with the notice as its notes — as release-please and semantic-release
/// make it: `gh release`, `glab release`; on the local forge the annotated tag's message already carries the notes.
extension NoticeSender {
    func forgeRelease(_ notice: ReleaseNotice) throws(NoticeError) -> String {
        switch config.forge.kind {
        case .local:
            let type = try run(["git", "cat-file", "-t", "refs/tags/\(notice.tag)"], timeout: 30, what: "git")
            guard type.trimmedText == "tag" else {
                throw NoticeError("\(notice.tag) is not an annotated tag, so the local forge has no release notes to show")
            }
            return "the local forge keeps the notes in the annotated tag \(notice.tag); nothing more to send"
        case .github:
            let existing = try run(["gh", "release", "view", notice.tag, "--json", "tagName,url"], timeout: 60, what: "gh")
            if existing.status.isSuccess, let url = Self.string(existing.stdout, "url") { return "the GitHub release exists: \(url)" }
            let created = try run(["gh", "release", "create", notice.tag, "--verify-tag", "--title", notice.subject, "--notes-file", "-"],
                                  input: Data(notice.text.utf8), timeout: 120, what: "gh")
            guard created.status.isSuccess else { throw NoticeError("gh release create \(notice.tag) failed: \(created.errorSummary)") }
            let check = try run(["gh", "release", "view", notice.tag, "--json", "tagName,url"], timeout: 60, what: "gh")
            guard check.status.isSuccess, let url = Self.string(check.stdout, "url") else {
                throw NoticeError("gh release create \(notice.tag) said it worked, but gh release view does not find it")
            }
            return "GitHub release \(url)"
        case .gitlab:
            let existing = try run(["glab", "release", "view", notice.tag], timeout: 60, what: "glab")
            if existing.status.isSuccess { return "the GitLab release for \(notice.tag) exists" }
            let notes = try privateFile(notice.text)
            defer { try? FileManager.default.removeItem(atPath: notes) }
            let created = try run(["glab", "release", "create", notice.tag, "--name", notice.subject, "--notes-file", notes], timeout: 120, what: "glab")
            guard created.status.isSuccess else { throw NoticeError("glab release create \(notice.tag) failed: \(created.errorSummary)") }
            let check = try run(["glab", "release", "view", notice.tag], timeout: 60, what: "glab")
            guard check.status.isSuccess else { throw NoticeError("glab release create \(notice.tag) said it worked, but glab release view does not find it") }
            return "GitLab release \(notice.tag)"
        }
    }

    static func string(_ data: Data, _ key: String) -> String? {
        guard case .string(let text)? = (try? JSONParser.parse(data))?[key] else { return nil }
        return text
    }
}
