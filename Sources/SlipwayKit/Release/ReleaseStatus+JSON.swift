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
            ("steps", .array(steps.map { item in
                var step: [(key: String, value: JSONValue)] = [
                    ("number", .number(Double(item.step.rawValue))), ("key", .string(item.step.key)),
                    ("title", .string(item.step.title)), ("state", .string(item.state.name)),
                    ("detail", .string(item.state.detail)),
                ]
                if let fix = item.state.fix { step.append(("fix", .string(fix))) }
                return .object(step)
            })),
            ("warnings", .array(warnings.map(JSONValue.string))),
        ]
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
}
