/// Brings a hotfix's CHANGELOG section onto main exactly once: the `## [X.Y.Z]` section from the hotfix's release
/// commit goes in version order among main's releases, its compare link joins main's links, and entries that the
/// backported commits put under main's `[Unreleased]` with the same text are taken out again.
public enum BackportChangelog {
    /// Main's CHANGELOG with the hotfix section, or `nil` when main already has one or the hotfix has none.
    public static func merged(hotfix: Changelog, into target: Changelog, version: SemanticVersion) -> String? {
        guard let section = hotfix.releaseSections.first(where: { Changelog.sameVersion($0.version ?? "", version) }) else { return nil }
        if target.releaseSections.contains(where: { Changelog.sameVersion($0.version ?? "", version) }) { return nil }
        let eol = target.lineEnding
        var block = hotfix.lines[section.headingLine..<section.end].map { Changelog.content($0) + eol }
        while let last = block.last, Changelog.isBlank(last) { block.removeLast() }
        block.append(eol)
        let bullets = Set(hotfix.entries(in: section).map { $0.trimmingCharacters(in: .whitespaces) })

        // Where the section goes: before the first release that is older, else before the links (or at the end).
        let older = target.releaseSections.first { section in
            guard let written = section.version, let other = SemanticVersion(written) else { return false }
            return other < version
        }
        let insertAt = older?.headingLine ?? target.linkBlockStart
        let unreleased = target.unreleasedSections.first

        // The compare link, when both files keep links.
        let label = "[\(version)]"
        let link = hotfix.lines[hotfix.linkBlockStart...].first { Changelog.linkLabel(Changelog.content($0)).map { "[\($0)]" } == label }
        let hasLinks = target.linkBlockStart < target.lines.count
        var linkAt: Int?
        if link != nil, hasLinks, !target.lines[target.linkBlockStart...].contains(where: { Changelog.linkLabel(Changelog.content($0)).map { "[\($0)]" } == label }) {
            linkAt = target.lines.indices[target.linkBlockStart...].first { index in
                guard let name = Changelog.linkLabel(Changelog.content(target.lines[index])), let other = SemanticVersion(name) else { return false }
                return other < version
            } ?? target.lines.count
        }

        var out: [String] = []
        for (index, line) in target.lines.enumerated() {
            if index == insertAt {
                if let previous = out.last, !Changelog.isBlank(previous) { Changelog.terminate(&out, eol); out.append(eol) }
                out += block
            }
            if index == linkAt, let link { out.append(Changelog.content(link) + eol) }
            if let unreleased, unreleased.body.contains(index),
               bullets.contains(Changelog.content(line).trimmingCharacters(in: .whitespaces)) {
                continue
            }
            out.append(line)
        }
        if insertAt >= target.lines.count {
            Changelog.terminate(&out, eol)
            if let previous = out.last, !Changelog.isBlank(previous) { out.append(eol) }
            out += block
            while let last = out.last, Changelog.isBlank(last) { out.removeLast() }
        }
        if let linkAt, linkAt >= target.lines.count, let link {
            Changelog.terminate(&out, eol)
            out.append(Changelog.content(link) + eol)
        }
        return out.joined()
    }
}
