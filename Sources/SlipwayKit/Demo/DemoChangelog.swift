/// The demo's Keep-a-Changelog CHANGELOG.md as it stands at one point of its history.
struct DemoChangelog {
    /// One release section (or `[Unreleased]`): headings such as `Added`, each with its entries.
    struct Section {
        var version: String
        var date: String
        var groups: [(heading: String, entries: [String])]
    }

    var unreleased: [(heading: String, entries: [String])] = []
    /// Newest first.
    var releases: [Section] = []

    mutating func release(_ version: String, date: String) {
        releases.insert(Section(version: version, date: date, groups: unreleased), at: 0)
        unreleased = []
    }

    mutating func addUnreleased(_ heading: String, _ entry: String) {
        if let index = unreleased.firstIndex(where: { $0.heading == heading }) {
            unreleased[index].entries.append(entry)
        } else {
            unreleased.append((heading, [entry]))
        }
    }

    var text: String {
        var text = """
            # Changelog

            All notable changes to this project are documented in this file.

            The format is based on [Keep a Changelog](https://keepachangelog.com/en/1.1.0/),
            and this project adheres to [Semantic Versioning](https://semver.org/spec/v2.0.0.html).

            ## [Unreleased]


            """
        text += Self.render(unreleased)
        for section in releases {
            text += "## [\(section.version)] - \(section.date)\n\n" + Self.render(section.groups)
        }
        if let latest = releases.first {
            text += "[Unreleased]: \(DemoFiles.compareBase)/v\(latest.version)...HEAD\n"
        }
        for (index, section) in releases.enumerated() {
            if index + 1 < releases.count {
                text += "[\(section.version)]: \(DemoFiles.compareBase)/v\(releases[index + 1].version)...v\(section.version)\n"
            } else {
                text += "[\(section.version)]: https://git.acme.example/acme/web/releases/tag/v\(section.version)\n"
            }
        }
        return text
    }

    private static func render(_ groups: [(heading: String, entries: [String])]) -> String {
        var text = ""
        for group in groups {
            text += "### \(group.heading)\n\n"
            for entry in group.entries { text += "- \(entry)\n" }
            text += "\n"
        }
        return text
    }
}
