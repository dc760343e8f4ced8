/// The newest commits at once, for a screen to show while the full proposal is worked out. A range walk
/// (`vX..HEAD`) makes git mark the whole range before it prints a line (0.6 s at 100,000 commits); a walk from
/// HEAD alone prints at once, so the preview reads the newest `limit` commits that way and stops at the last
/// release's commit. On a history with merges it may show a commit of another line the range would not have:
/// it is a preview, replaced by the proposal.
extension VersionPlanner {
    /// Two git calls (the tags with their commits, then the log): the tag form is found from the same tags
    /// `SlipwayConfig.load(repository:)` would list again.
    public static func preview(_ repository: GitRepository, limit: Int = 60) throws -> (commits: [ClassifiedCommit], base: ReleaseTag?) {
        let tagCommits = try repository.tagCommits()
        var config = try SlipwayConfig.load(repositoryRoot: repository.root)
        if !config.tagPrefixConfigured, case .found(let form, _) = TagForm.detect(Array(tagCommits.keys)) {
            config.tagPrefix = form.prefix
        }
        let base = ReleaseTagScan(tagNames: Array(tagCommits.keys), prefix: config.tagPrefix).latest()
        let stop = base.flatMap { tagCommits[$0.name] }
        let classifier = CommitClassifier(rules: config.bump, majorIsZero: (base?.version ?? .zero).major == 0)
        var commits: [ClassifiedCommit] = []
        var stopped = false
        try GitLogReader.stream(repository, range: ["--max-count=\(limit)", "HEAD"], bodies: true) { commit in
            if commit.sha == stop { stopped = true }
            if !stopped { commits.append(classifier.classifyAlone(commit)) }
        }
        return (commits, base)
    }
}
