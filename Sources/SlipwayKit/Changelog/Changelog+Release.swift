import Foundation

extension Changelog {
    // Long because the release of a changelog is one edit: sections moved, drafted entries placed, links updated, line endings kept.
    /// Moves `[Unreleased]`'s entries under `## [version] - date`, leaving an empty `[Unreleased]` above it, and
    /// updates compare links when the file has them. When `[Unreleased]` has no entries, `drafted` entries fill
    /// the new section instead.
    /// - Parameters:
    ///   - tagPrefix: the tag prefix for compare links (`v` gives `v1.2.0`).
    public func release(version: SemanticVersion, date: ReleaseDate, tagPrefix: String = "v",
                        drafted: [DraftedEntry] = []) throws(ChangelogError) -> ChangelogRelease {
        let unreleased = unreleasedSections
        if unreleased.count > 1 {
            let numbers = unreleased.map { String($0.headingLine + 1) }.joined(separator: " and ")
            throw ChangelogError(file: file, line: unreleased[1].headingLine + 1,
                                 problem: "lines \(numbers) both start an Unreleased section; merge them into one and try again")
        }
        for section in releaseSections where Changelog.sameVersion(section.version ?? "", version) {
            throw ChangelogError(file: file, line: section.headingLine + 1,
                                 problem: "version \(version) already has a section; choose another version or remove that section")
        }
        let eol = lineEnding
        let heading = "## [\(version)] - \(date)"
        var out: [String]
        var section: [String]
        let isDrafted: Bool
        if let current = unreleased.first, hasEntries(current) {
            // Move the body: the heading stays, the new heading goes between it and the entries.
            let body = Array(lines[current.body])
            let leading = body.prefix(while: Changelog.isBlank)
            let trailing = body.reversed().prefix(while: Changelog.isBlank)
            let content = Array(body[leading.count..<(body.count - trailing.count)])
            out = Array(lines[...current.headingLine])
            Changelog.terminate(&out, eol)
            out.append(eol)
            out.append(heading + eol)
            out += leading.isEmpty ? [eol] : Array(leading)
            out += content
            if trailing.isEmpty, current.end < lines.count {
                Changelog.terminate(&out, eol)
                out.append(eol)
            } else {
                out += Array(trailing.reversed())
            }
            out += lines[current.end...]
            section = [heading + eol, eol] + content
            isDrafted = false
        } else {
            guard !drafted.isEmpty else {
                let line = unreleased.first.map { $0.headingLine + 1 }
                let problem = unreleased.isEmpty
                    ? "has no [Unreleased] section and no entries were drafted from commits; add an [Unreleased] section with entries"
                    : "[Unreleased] is empty and no entries were drafted from commits; add entries under [Unreleased] first"
                throw ChangelogError(file: file, line: line, problem: problem)
            }
            let draft = ChangelogDraft.render(drafted, lineEnding: eol)
            let insertAt: Int
            var opening: [String] = []
            if let current = unreleased.first {
                insertAt = current.end
            } else {
                insertAt = releaseSections.first?.headingLine ?? linkBlockStart
                opening = ["## [Unreleased]" + eol, eol]
            }
            var before = Array(lines[..<insertAt])
            while let last = before.last, Changelog.isBlank(last), insertAt == linkBlockStart, unreleased.isEmpty { before.removeLast() }
            if !before.isEmpty {
                Changelog.terminate(&before, eol)
                if let last = before.last, !Changelog.isBlank(last) { before.append(eol) }
            }
            out = before + opening + [heading + eol, eol] + draft
            if insertAt < lines.count { out.append(eol) }
            out += lines[insertAt...]
            section = [heading + eol, eol] + draft
            isDrafted = true
        }
        var warnings: [String] = []
        out = updateLinks(out, version: version, tagPrefix: tagPrefix, warnings: &warnings)
        let sectionText = section.map(Changelog.content).joined(separator: "\n") + "\n"
        return ChangelogRelease(version: version, date: date, text: out.joined(), section: sectionText,
                                drafted: isDrafted, warnings: warnings)
    }

    /// `true` when a section holds something besides blank lines and empty `###` headings.
    public func hasEntries(_ section: ChangelogSection) -> Bool {
        section.body.contains { index in
            let content = Changelog.content(lines[index]).trimmingCharacters(in: .whitespaces)
            return !content.isEmpty && !content.hasPrefix("###")
        }
    }

    static func sameVersion(_ written: String, _ version: SemanticVersion) -> Bool {
        if let parsed = SemanticVersion(written) { return parsed == version && parsed.description == version.description }
        return written == version.description
    }

    /// Gives the last line a line break if it has none.
    static func terminate(_ lines: inout [String], _ eol: String) {
        if let last = lines.last, !Changelog.hasLineBreak(last) { lines[lines.count - 1] = last + eol }
    }

    /// `[Unreleased]: …/compare/vPREV...HEAD` becomes `…/compare/vNEW...HEAD`, and `[NEW]: …/compare/vPREV...vNEW`
    /// is added below it (GitHub, Gitea/Forgejo `/compare/`, GitLab `/-/compare/`, Bitbucket `/branches/compare/`).
    func updateLinks(_ lines: [String], version: SemanticVersion, tagPrefix: String, warnings: inout [String]) -> [String] {
        var lines = lines
        let labels = lines.map { Changelog.linkLabel(Changelog.content($0)) }
        guard let index = labels.firstIndex(where: { $0 == "unreleased" }) else {
            if labels.contains(where: { $0.map { SemanticVersion($0.hasPrefix("v") ? String($0.dropFirst()) : $0) != nil } ?? false }) {
                warnings.append("\(file) has version links but no [Unreleased] link; add the [\(version)] link by hand")
            }
            return lines
        }
        let eol = Changelog.endsWithCRLF(lines[index]) ? "\r\n" : lineEnding
        let content = Changelog.content(lines[index])
        guard let colon = content.range(of: "]:") else { return lines }
        let label = content[..<colon.upperBound]
        let url = content[colon.upperBound...].trimmingCharacters(in: .whitespaces)
        let spacing = content[colon.upperBound...].prefix(while: { $0 == " " || $0 == "\t" })
        var newTag = tagPrefix + version.description
        let newLine: String
        if let compare = url.range(of: "/branches/compare/"), let separator = url.range(of: "%0D", range: compare.upperBound..<url.endIndex) {
            // Bitbucket: …/branches/compare/NEWER%0DOLDER.
            let base = url[..<compare.upperBound]
            let head = url[compare.upperBound..<separator.lowerBound]
            let previous = url[separator.upperBound...]
            newTag = (TagForm.split(String(previous))?.prefix ?? tagPrefix) + version.description
            lines[index] = label + spacing + base + head + "%0D" + newTag + (Changelog.hasLineBreak(lines[index]) ? eol : "")
            newLine = "[\(version)]:" + spacing + base + newTag + "%0D" + previous
        } else if let compare = url.range(of: "/compare/"), let dots = url.range(of: "...", range: compare.upperBound..<url.endIndex) {
            // GitHub, Gitea/Forgejo …/compare/OLDER...NEWER; GitLab …/-/compare/OLDER...NEWER. The new tag is written
            // the way the link writes the last one (`crate-v0.2.0`, `1.5.1`), whatever the configured prefix.
            let base = url[..<compare.upperBound]
            let previous = url[compare.upperBound..<dots.lowerBound]
            let head = url[dots.upperBound...]
            newTag = (TagForm.split(String(previous))?.prefix ?? tagPrefix) + version.description
            lines[index] = label + spacing + base + newTag + "..." + head + (Changelog.hasLineBreak(lines[index]) ? eol : "")
            newLine = "[\(version)]:" + spacing + base + previous + "..." + newTag
        } else if let repository = Changelog.repositoryURL(url) {
            let gitlab = url.contains("/-/")
            lines[index] = label + spacing + repository + (gitlab ? "/-/compare/" : "/compare/") + newTag + "...HEAD"
                + (Changelog.hasLineBreak(lines[index]) ? eol : "")
            newLine = "[\(version)]:" + spacing + repository + (gitlab ? "/-/tags/" : "/releases/tag/") + newTag
        } else {
            warnings.append("the [Unreleased] link in \(file) is not a compare link; update it and add the [\(version)] link by hand")
            return lines
        }
        if labels.contains(where: { $0 == version.description.lowercased() }) {
            warnings.append("\(file) already has a [\(version)] link; check that it points at \(newTag)")
            return lines
        }
        if Changelog.hasLineBreak(lines[index]) {
            lines.insert(newLine + eol, at: index + 1)
        } else {
            // The [Unreleased] link was the last line, without a line break: the new last line goes without one too.
            lines[index] += eol
            lines.insert(newLine, at: index + 1)
        }
        return lines
    }

    /// `https://github.com/o/r` from a link to its commits or tree (the link a first release starts with).
    static func repositoryURL(_ url: String) -> String? {
        for marker in ["/-/commits/", "/-/tree/", "/commits/", "/tree/"] {
            if let range = url.range(of: marker) { return String(url[..<range.lowerBound]) }
        }
        return nil
    }
}
