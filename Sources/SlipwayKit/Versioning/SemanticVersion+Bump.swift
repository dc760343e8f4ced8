extension SemanticVersion {
    /// The next release at `level`. A pre-release of the same core finalizes instead when that is enough:
    /// `1.3.0-rc.1` bumped by minor is `1.3.0`, by major is `2.0.0`.
    public func bumped(_ level: BumpLevel) -> SemanticVersion {
        switch level {
        case .none:
            return SemanticVersion(major: major, minor: minor, patch: patch, prerelease: prerelease)
        case .major:
            if isPrerelease, minor == 0, patch == 0 { return core }
            return SemanticVersion(major: major + 1, minor: 0, patch: 0)
        case .minor:
            if isPrerelease, patch == 0 { return core }
            return SemanticVersion(major: major, minor: minor + 1, patch: 0)
        case .patch:
            if isPrerelease { return core }
            return SemanticVersion(major: major, minor: minor, patch: patch + 1)
        }
    }

    /// The pre-release after this one: `1.3.0-rc.1` → `1.3.0-rc.2`, `1.3.0-rc` → `1.3.0-rc.1`,
    /// `1.3.0-alpha.1` with `identifier` "beta" → `1.3.0-beta.1`; a release becomes `PATCH+1-identifier.1`.
    public func nextPrerelease(identifier: String = "rc") -> SemanticVersion {
        let ids = identifier.split(separator: ".").map { PrereleaseIdentifier.alphanumeric(String($0)) }
        guard isPrerelease else {
            let next = bumped(.patch)
            return SemanticVersion(major: next.major, minor: next.minor, patch: next.patch,
                                   prerelease: ids + [.numeric(1)])
        }
        var parts = prerelease
        let stem = parts.last.flatMap { if case .numeric = $0 { return Array(parts.dropLast()) } else { return nil } } ?? parts
        if stem.map(\.description) == ids.map(\.description) {
            if case .numeric(let n)? = parts.last {
                parts[parts.count - 1] = .numeric(n + 1)
            } else {
                parts.append(.numeric(1))
            }
            return SemanticVersion(major: major, minor: minor, patch: patch, prerelease: parts)
        }
        return SemanticVersion(major: major, minor: minor, patch: patch, prerelease: ids + [.numeric(1)])
    }

    /// The release this pre-release leads to.
    public func finalized() -> SemanticVersion { core }

    /// `true` when the identifier is a valid dot-separated pre-release identifier list.
    public static func isValidPrereleaseIdentifier(_ identifier: String) -> Bool {
        SemanticVersion("0.0.0-\(identifier)") != nil
    }
}
