/// Where one published artefact stands in its registry.
public enum ArtefactStatus: String, Sendable, Hashable, CaseIterable {
    /// Present, and everything that can be checked matches the release.
    case verified
    /// The registry answered: it is not there.
    case missing
    /// There, but not what the release made (labels, the chart's appVersion, a failed smoke test, yanked).
    case mismatch
    /// The registry did not answer, refused the credentials, or timed out: nothing is known.
    case unreachable
    /// It could not be asked: the tool is missing or printed garbage, or the release gives no tag to look up.
    case unchecked

    /// `✓` verified, `✗` missing or mismatch, `?` for the rest.
    public var symbol: String {
        switch self {
        case .verified: return "✓"
        case .missing, .mismatch: return "✗"
        case .unreachable, .unchecked: return "?"
        }
    }
}

/// What verifying one artefact of one release found.
public struct ArtefactCheck: Sendable, Hashable {
    public var kind: ArtefactSettings.Kind
    /// What was looked up, with its tag or version: `registry.example.com/acme/web:1.2.0`, `acme-web 1.2.0`.
    public var ref: String
    public var status: ArtefactStatus
    /// One line that says why, naming what to do when it is not verified.
    public var reason: String
    /// The manifest digest for OCI (as the registry serves it), the integrity or checksum for packages.
    public var digest: String?
    /// Verified, but something should be better (an image without the OCI labels).
    public var warnings: [String]
    /// For a multi-platform image: `linux/amd64`, `linux/arm64`, ….
    public var platforms: [String]

    public init(kind: ArtefactSettings.Kind, ref: String, status: ArtefactStatus, reason: String, digest: String? = nil,
                warnings: [String] = [], platforms: [String] = []) {
        self.kind = kind
        self.ref = ref
        self.status = status
        self.reason = reason
        self.digest = digest
        self.warnings = warnings
        self.platforms = platforms
    }

    /// The digest shortened for a screen: `sha256:8ac274b143a4`.
    public var shortDigest: String? {
        guard let digest else { return nil }
        guard let colon = digest.firstIndex(of: ":") else { return String(digest.prefix(16)) }
        return String(digest[...colon]) + digest[digest.index(after: colon)...].prefix(12)
    }

    public var json: JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("kind", .string(kind.rawValue)), ("ref", .string(ref)), ("status", .string(status.rawValue)),
            ("reason", .string(reason)), ("digest", digest.map(JSONValue.string) ?? .null),
        ]
        if !warnings.isEmpty { members.append(("warnings", .array(warnings.map(JSONValue.string)))) }
        if !platforms.isEmpty { members.append(("platforms", .array(platforms.map(JSONValue.string)))) }
        return .object(members)
    }
}

extension Array where Element == ArtefactCheck {
    /// True when every artefact is verified (and there is at least one).
    public var allVerified: Bool { !isEmpty && allSatisfy { $0.status == .verified } }

    /// `2 verified, 1 missing`, in the order of `ArtefactStatus`.
    public var tally: String {
        ArtefactStatus.allCases.compactMap { status in
            let count = filter { $0.status == status }.count
            return count == 0 ? nil : "\(count) \(status.rawValue)"
        }.joined(separator: ", ")
    }
}
