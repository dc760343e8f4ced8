extension PackageProposal {
    /// One package in `packages --json`.
    public var json: JSONValue {
        .object([
            ("name", .string(package.name)),
            ("path", .string(package.path)),
            ("ecosystem", .string(package.ecosystem.rawValue)),
            ("manifest", package.manifest.map(JSONValue.string) ?? .null),
            ("tagForm", .string(tagPrefix + "X.Y.Z")),
            ("currentTag", currentTag.map(JSONValue.string) ?? .null),
            ("current", .string(current.description)),
            ("next", .string(next.description)),
            ("nextTag", .string(nextTag)),
            ("bump", .string(bump.name)),
            ("releaseNeeded", .bool(releaseNeeded)),
            ("commits", .number(Double(commits))),
            ("decidedBy", .array(decidedBy.map { .object([("sha", .string($0.sha)), ("subject", .string($0.subject))]) })),
            ("source", .string(source)),
        ])
    }

    /// `web  packages/web  web@1.2.0 → web@1.3.0  (minor, 4 commit(s))`.
    public var line: String {
        let from = currentTag ?? "\(current) (no tag yet)"
        let change = releaseNeeded ? "→ \(nextTag)  (\(bump), \(source == "changesets" ? "changesets" : "\(commits) commit(s)"))"
                                   : "no release needed (\(commits) commit(s) since)"
        return "\(package.name)  \(package.path)  \(from) \(change)"
    }
}

/// Finds a package by name (or folder) among the discovered ones, or says which exist.
public enum PackageLookup {
    public static func find(_ name: String, root: String, config: SlipwayConfig) throws -> WorkspacePackage {
        let packages = try PackageDiscovery(root: root, config: config).discover().packages
        if let package = packages.first(where: { $0.name == name || $0.path == name }) { return package }
        let known = packages.prefix(12).map(\.name).joined(separator: ", ")
        throw PackageError(packages.isEmpty
            ? "there is no package '\(name)': no workspace (package.json workspaces, pnpm-workspace.yaml, Cargo [workspace]) or packages in .slipway.json is found"
            : "there is no package '\(name)'; the packages are \(known)\(packages.count > 12 ? ", …" : "") (slipway packages lists them)")
    }
}

public struct PackageError: Error, Sendable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
