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
            ("date", .string(ISO8601DateFormatter.string(from: Date(timeIntervalSince1970: TimeInterval(commit.authorTime)),
                                                         timeZone: TimeZone(identifier: "UTC") ?? .current,
                                                         formatOptions: [.withInternetDateTime]))),
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
}

extension VersionProposal {
    /// `next-version --json`.
    public var json: JSONValue {
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
            ("commits", .array(commits.map(\.json))),
        ]
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
