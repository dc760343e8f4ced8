/// Works out the next version from the repository: finds the last release, reads the commits since in one
/// `git log` pass, classifies them and applies the bump.
public struct VersionPlanner: Sendable {
    public let repository: GitRepository
    public let config: SlipwayConfig
    /// `nil`: use the overrides stored for the release in progress (`.git/slipway/overrides.json`).
    public var overrides: ReleaseOverrides?
    /// `false`: commit messages keep only what the bump needs (`GitLogReader` without bodies), for commands that
    /// report versions, not messages.
    public var readsBodies = true

    public init(repository: GitRepository, config: SlipwayConfig, overrides: ReleaseOverrides? = nil) {
        self.repository = repository
        self.config = config
        self.overrides = overrides
    }

    // Long because the one-walk fast path (boundary on the highest tag), its slow fallback and the first-release rule share the range and classifier state; splitting them would pass that state through five parameters.
    /// - Parameters:
    ///   - from: where the range starts; by default the last release reachable from `to`.
    ///   - to: where it ends (`HEAD`).
    ///   - prerelease: an identifier such as `rc` for the next pre-release.
    public func propose(from: String? = nil, to: String = "HEAD", prerelease: String? = nil) throws(VersionPlanningError) -> VersionProposal {
        if let problem = config.tagPrefixProblem { throw .tagForm(problem) }
        if let prerelease, !SemanticVersion.isValidPrereleaseIdentifier(prerelease) {
            throw .invalidPrereleaseIdentifier(prerelease)
        }
        let head: String
        do { head = try repository.resolveCommit(to) } catch { throw .git(error) }
        var scan: ReleaseTagScan
        var base: ReleaseTag?
        var rangeStart: String?
        // Commits are classified as they stream in, so the work overlaps git's own.
        var classified: [ClassifiedCommit]?
        var stored = ReleaseOverrides()
        var classifier = CommitClassifier()
        func prepareClassifier(for base: ReleaseTag?) throws(VersionPlanningError) {
            if let overrides {
                stored = overrides
            } else {
                do { stored = try ReleaseOverrides.load(from: repository, base: base?.name ?? "", remote: config.forge.remote) } catch { throw .state(error) }
            }
            classifier = CommitClassifier(rules: config.bump, majorIsZero: (base?.version ?? .zero).major == 0, overrides: stored.commits)
        }
        if let from {
            do {
                _ = try repository.resolveCommit(from)
                scan = ReleaseTagScan(tagNames: try repository.tags(mergedInto: from), prefix: config.tagPrefix)
            } catch { throw .git(error) }
            base = scan.latest()
            rangeStart = from
        } else {
            // One walk: read the log from the highest release tag with --boundary; the tag is reachable exactly
            // when it comes back as a boundary commit. Only when it does not (a higher tag on another line)
            // are the reachable tags worked out the slow way (`git tag --merged`).
            let tagCommits: [String: String]
            do { tagCommits = try repository.tagCommits() } catch { throw .git(error) }
            scan = ReleaseTagScan(tagNames: Array(tagCommits.keys), prefix: config.tagPrefix)
            // (Limited to a package's paths, git's history simplification may drop the boundary: the slow way then.)
            if config.packagePaths.isEmpty, let candidate = scan.latest(), let commit = tagCommits[candidate.name] {
                try prepareClassifier(for: candidate)
                if commit == head {
                    (base, rangeStart, classified) = (candidate, candidate.name, [])
                } else {
                    var boundary = Set<String>()
                    var read: [ClassifiedCommit] = []
                    let streaming = classifier
                    do {
                        try GitLogReader.stream(repository, range: ["\(commit)..\(head)"], bodies: readsBodies,
                                               boundary: { boundary.insert($0) }) {
                            read.append(streaming.classifyAlone($0))
                        }
                    } catch { throw .git(error) }
                    if boundary.contains(commit) { (base, rangeStart, classified) = (candidate, candidate.name, read) }
                }
            }
            if classified == nil {
                do {
                    let merged = ReleaseTagScan(tagNames: try repository.tags(mergedInto: head), prefix: config.tagPrefix)
                    scan = ReleaseTagScan(tagNames: Array(tagCommits.keys), prefix: config.tagPrefix, reachable: merged)
                } catch { throw .git(error) }
                base = scan.latest()
                rangeStart = base?.name
            }
        }
        var warnings = scan.warnings
        if base == nil, from == nil {
            // A monorepo's package tags (`web@1.2.0`) are not the repository's own releases.
            let others = scan.otherReleaseLikeTags.filter { TagForm.split($0).map { !TagForm.isPackageForm($0.prefix) } ?? true }
            if !others.isEmpty || (config.tagPrefixConfigured && !scan.warnings.isEmpty) {
                throw .prefixMatchesNothing(prefix: config.tagPrefix, examples: Array(others.prefix(3)))
            }
            if config.tagPrefixConfigured {
                let allTags: [String]
                do { allTags = try repository.tags(mergedInto: nil) } catch { throw .git(error) }
                if !allTags.isEmpty, !allTags.contains(where: { $0.hasPrefix(config.tagPrefix) }) {
                    throw .prefixMatchesNothing(prefix: config.tagPrefix, examples: Array(allTags.prefix(3)))
                }
            }
            warnings.append("no release tag with the prefix '\(config.tagPrefix)' yet: counting from 0.0.0 (first-release rule)")
        }

        let current = base?.version ?? .zero
        let range = rangeStart.map { "\($0)..\(to)" } ?? to
        var commits: [ClassifiedCommit]
        if let classified {
            commits = classified
        } else {
            try prepareClassifier(for: base)
            let arguments = rangeStart.map { ["\($0)..\(head)"] } ?? [head]
            var read: [ClassifiedCommit] = []
            let streaming = classifier
            do {
                try GitLogReader.stream(repository, range: arguments, bodies: readsBodies, paths: config.packagePaths) {
                    read.append(streaming.classifyAlone($0))
                }
            } catch { throw .git(error) }
            commits = read
        }
        classifier.pairReverts(&commits)
        let bump = CommitClassifier.bump(of: commits)
        var next = current.core.bumped(bump)
        if bump == .none { next = current }

        if let prerelease, bump != .none {
            next = nextPrerelease(core: next, identifier: prerelease, tags: scan)
        }
        let computed = next
        var versionOverride: VersionOverride?
        if let chosen = stored.version {
            versionOverride = chosen
            switch chosen.choice {
            case .level(let level): next = current.core.bumped(level)
            case .prerelease(let identifier): next = nextPrerelease(core: current.core.bumped(max(bump, .patch)), identifier: identifier, tags: scan)
            case .exact(let version): next = version
            }
            if !(next > current) {
                warnings.append("the overridden version \(next) is not above the last release \(current)")
            }
        }
        var proposal = VersionProposal(tagPrefix: config.tagPrefix, baseTag: base, current: current, next: next, bump: bump,
                                       commits: commits, warnings: warnings, range: range, head: head,
                                       breakingWhileZero: current.major == 0 ? config.bump.breakingWhileZero : nil,
                                       prereleaseIdentifier: prerelease, versionOverride: versionOverride, computedNext: computed)
        proposal.tagPrefixSource = config.tagPrefixSource
        return proposal
    }

    /// `core-identifier.N`, one past the highest such pre-release tag anywhere in the repository.
    private func nextPrerelease(core: SemanticVersion, identifier: String, tags: ReleaseTagScan) -> SemanticVersion {
        let allTags = (try? repository.tags(mergedInto: nil)) ?? []
        let scan = ReleaseTagScan(tagNames: allTags, prefix: config.tagPrefix)
        let stem = identifier.split(separator: ".").map { PrereleaseIdentifier.alphanumeric(String($0)) }
        var highest: VersionNumber = 0
        for tag in scan.releases where tag.version.core == core.core && tag.version.prerelease.count == stem.count + 1 {
            guard Array(tag.version.prerelease.prefix(stem.count)) == stem,
                  case .numeric(let number)? = tag.version.prerelease.last else { continue }
            highest = max(highest, number)
        }
        return SemanticVersion(major: core.major, minor: core.minor, patch: core.patch,
                               prerelease: stem + [.numeric(highest + 1)])
    }
}

/// Why the next version could not be worked out.
public enum VersionPlanningError: Error, Sendable, CustomStringConvertible {
    case git(GitError)
    case prefixMatchesNothing(prefix: String, examples: [String])
    case invalidPrereleaseIdentifier(String)
    case state(StateFileError)
    case tagForm(ConfigError)

    public var description: String {
        switch self {
        case .git(let error): return error.description
        case .state(let error): return error.description
        case .tagForm(let error): return error.description
        case .prefixMatchesNothing(let prefix, let examples):
            let seen = examples.isEmpty ? "" : " (tags seen: \(examples.joined(separator: ", ")))"
            if prefix.isEmpty {
                return "no tag is a bare version X.Y.Z, as tagPrefix \"\" in .slipway.json says release tags are\(seen); set \"tagPrefix\" to what your release tags start with (such as \"v\")"
            }
            return "no release tag starts with the tag prefix '\(prefix)'\(seen); set \"tagPrefix\" in .slipway.json"
        case .invalidPrereleaseIdentifier(let identifier):
            return "'\(identifier)' is not a valid pre-release identifier (ASCII letters, digits, hyphens, dot-separated)"
        }
    }
}
