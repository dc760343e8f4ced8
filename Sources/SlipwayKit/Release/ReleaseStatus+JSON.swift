extension ReleaseStatus {
    /// `release status --json`: every step with its state, reason and fix.
    public var json: JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("version", version.map { .string($0.description) } ?? .null),
            ("tag", tagName.map(JSONValue.string) ?? .null),
            ("branch", branch.map(JSONValue.string) ?? .null),
            ("base", .string(base)),
            ("started", .bool(started)),
            ("nextStep", nextStep.map { .string($0.key) } ?? .null),
            ("requiredApprovals", .number(Double(requiredApprovals))),
            ("steps", .array(steps.map { Self.stepJSON($0.step, $0.state) })),
            ("warnings", .array(warnings.map(JSONValue.string))),
            ("artefacts", .array(artefacts.map(\.json))),
        ]
        if let lastRelease { members.append(("lastRelease", lastRelease.json)) }
        if let pullRequest {
            members.append(("pullRequest", .object([
                ("number", pullRequest.number.map { .number(Double($0)) } ?? .null),
                ("url", pullRequest.url.map(JSONValue.string) ?? .null),
                ("state", .string(pullRequest.state.rawValue)),
                ("head", .string(pullRequest.headSHA)),
                ("author", .string(pullRequest.author)),
                ("approvals", .number(Double(pullRequest.countingApprovals))),
                ("reviews", .array(pullRequest.reviews.map { review in
                    .object([("reviewer", .string(review.reviewer)), ("name", .string(review.name)),
                             ("state", .string(review.state.rawValue)), ("stale", .bool(review.stale)),
                             ("isAuthor", .bool(review.isAuthor)), ("counts", .bool(review.counts))])
                })),
                ("checks", .array(pullRequest.checks.map { check in
                    .object([("name", .string(check.name)), ("status", .string(check.status)), ("conclusion", .string(check.conclusion))])
                })),
            ])))
        }
        return .object(members)
    }

    static func stepJSON(_ step: ReleaseStep, _ state: StepState) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("number", .number(Double(step.rawValue))), ("key", .string(step.key)),
            ("title", .string(step.title)), ("state", .string(state.name)), ("detail", .string(state.detail)),
        ]
        if let fix = state.fix { members.append(("fix", .string(fix))) }
        return .object(members)
    }
}

extension PublishedRelease {
    /// `lastRelease` in `release status --json`.
    public var json: JSONValue {
        .object([
            ("version", .string(version.description)), ("tag", .string(tag)), ("tagPushed", .bool(tagPushed)),
            ("publish", ReleaseStatus.stepJSON(.publish, publish)), ("artefacts", .array(artefacts.map(\.json))),
            ("postRelease", .array(postRelease.map { item in
                var members: [(key: String, value: JSONValue)] = [
                    ("number", .number(Double(item.step.rawValue))), ("key", .string(item.step.key)), ("title", .string(item.step.title)),
                    ("state", .string(item.state.name)), ("detail", .string(item.state.detail)),
                ]
                if let fix = item.state.fix { members.append(("fix", .string(fix))) }
                return .object(members)
            })),
            ("finished", .bool(isFinished)),
        ])
    }
}
