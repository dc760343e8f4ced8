import Foundation

extension ClassifiedCommit {
    /// The commit as `next-version --json` and `changes --json` report it.
    public var json: JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("sha", .string(sha)),
            ("shortSha", .string(commit.shortSHA)),
            ("subject", .string(subject)),
            ("kind", .string(kind.rawValue)),
            ("type", type.map(JSONValue.string) ?? .null),
            ("scope", scope.map(JSONValue.string) ?? .null),
            ("breaking", .bool(breaking)),
            ("level", .string(level.name)),
            ("reason", .string(reason)),
            ("group", .string(group.rawValue)),
            ("author", .string(commit.authorName)),
            ("email", .string(commit.authorEmail)),
            ("date", .string(Self.internetDateTime(commit.authorTime))),
        ]
        if let cancelledBy { members.append(("cancelledBy", .string(cancelledBy))) }
        if !commit.message.revertedSHAs.isEmpty {
            members.append(("reverts", .array(commit.message.revertedSHAs.map(JSONValue.string))))
        }
        if let notes = conventional?.breakingNotes, !notes.isEmpty {
            members.append(("breakingNotes", .array(notes.map(JSONValue.string))))
        }
        if let override {
            members.append(("override", .object([("level", .string(override.level.name)),
                                                 ("type", override.type.map(JSONValue.string) ?? .null),
                                                 ("reason", .string(override.reason))])))
        }
        return .object(members)
    }

    /// `2026-01-05T09:00:00Z`: RFC 3339 in UTC, as `ISO8601DateFormatter` with `.withInternetDateTime` writes it,
    /// computed directly (a formatter per commit costs more than the whole `git log` on a long history).
    static func internetDateTime(_ seconds: Int) -> String {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        func two(_ value: Int) -> String { value < 10 ? "0" + String(value) : String(value) }
        var yearText = String(year)
        while yearText.count < 4 { yearText = "0" + yearText }
        return yearText + "-" + two(month) + "-" + two(day) + "T" + two(secondOfDay / 3_600) + ":"
            + two(secondOfDay / 60 % 60) + ":" + two(secondOfDay % 60) + "Z"
    }
}

extension VersionProposal {
    /// `next-version --json`.
    public var json: JSONValue { json(includingCommits: true) }

    /// `next-version --json`, optionally without the `commits` array (for writing it out commit by commit).
    public func json(includingCommits: Bool) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("current", .string(current.description)),
            ("currentTag", baseTag.map { .string($0.name) } ?? .null),
            ("next", .string(next.description)),
            ("nextTag", .string(nextTagName)),
            ("bump", .string(bump.name)),
            ("releaseNeeded", .bool(isReleaseNeeded)),
            ("range", .string(range)),
            ("breakingWhileZero", breakingWhileZero.map { .string($0.name) } ?? .null),
            ("prerelease", prereleaseIdentifier.map(JSONValue.string) ?? .null),
            ("warnings", .array(warnings.map(JSONValue.string))),
            ("decidedBy", .array(decidingCommits.map { .string($0.sha) })),
        ]
        if includingCommits { members.append(("commits", .array(commits.map(\.json)))) }
        if let versionOverride {
            members.insert(("override", .object([("computed", .string(computedNext.description)),
                                                 ("reason", .string(versionOverride.reason))])), at: 5)
        }
        return .object(members)
    }

    /// `changes --json`: the commits grouped.
    public var changesJSON: JSONValue {
        let groups = ChangeGroup.allCases.map { group in
            (key: group.rawValue, value: JSONValue.array(commits(in: group).map(\.json)))
        }
        let counts = ChangeGroup.allCases.map { (key: $0.rawValue, value: JSONValue.number(Double(commits(in: $0).count))) }
        return .object([
            ("range", .string(range)),
            ("current", .string(current.description)),
            ("total", .number(Double(commits.count))),
            ("counts", .object(counts)),
            ("groups", .object(groups)),
            ("warnings", .array(warnings.map(JSONValue.string))),
        ])
    }
}
