import Foundation
import SlipwayKit

/// `slipway packages`: the packages of a monorepo, each with its tags, its last release and its next version.
enum PackagesCommand {
    static let spec = SubcommandSpec(
        name: "packages",
        usage: "packages [--repo DIR] [--json]",
        summary: """
        Finds the packages of npm/pnpm/yarn workspaces, Cargo workspaces and the folders under "packages" in
        .slipway.json; for each: its name, folder, tag form (NAME@X.Y.Z or NAME-vX.Y.Z, as its tags are written),
        its last release tag (or its manifest's version) and the next version from the commits that touch its
        folder (pending .changeset/*.md files decide instead when there are any). One git log pass for all.
        next-version --package NAME and release prepare --package NAME work on one package.
        """,
        options: [SubcommandSpec.repoOption, SubcommandSpec.jsonOption])

    static func run(_ arguments: [String]) throws -> Int32 {
        guard let parsed = try spec.parse(arguments) else { return 0 }
        guard parsed.positional.isEmpty else { throw UsageError("packages takes no arguments") }
        let context = try RepositoryContext(arguments: parsed)
        let (packages, warnings) = try PackageDiscovery(root: context.repository.root, config: context.config).discover()
        Output.warnings(warnings)
        guard !packages.isEmpty else {
            Output.error("no packages found: no package.json workspaces, pnpm-workspace.yaml, Cargo [workspace] members or \"packages\" in .slipway.json")
            return 1
        }
        let proposals = try PackagePlanner(repository: context.repository, config: context.config).propose(packages)
        if parsed.has("json") {
            Output.json(.object([("packages", .array(proposals.map(\.json))), ("warnings", .array(warnings.map(JSONValue.string)))]))
        } else {
            for proposal in proposals { print(proposal.line) }
        }
        return 0
    }
}
