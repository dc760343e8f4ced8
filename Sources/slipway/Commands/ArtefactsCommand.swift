import Foundation
import SlipwayKit

/// `slipway artefacts verify`: each configured artefact of a release, looked up in its registry.
enum ArtefactsCommand {
    static let spec = SubcommandSpec(
        name: "artefacts",
        usage: "artefacts verify [--version X.Y.Z] [--json]",
        summary: """
        Verifies that every artefact in .slipway.json's "artefacts" is in its registry for a release (default: the
        last release): OCI images and Helm charts through skopeo, PyPI and crates indexes through curl, npm through
        npm view. Each is verified, missing, mismatch (wrong labels, appVersion, yanked, a failed smoke test),
        unreachable (the registry did not answer) or unchecked (the tool is missing or printed garbage).
        Exit 0 only when every artefact is verified.
        """,
        options: [SubcommandSpec.repoOption, .value("version", "the release to verify (default: the last release)"),
                  SubcommandSpec.jsonOption])

    static func run(_ arguments: [String]) throws -> Int32 {
        guard let parsed = try spec.parse(arguments) else { return 0 }
        guard parsed.positional == ["verify"] else {
            throw UsageError("artefacts: say verify (see slipway artefacts --help)")
        }
        let context = try RepositoryContext(arguments: parsed)
        let settings = try context.config.artefacts()
        guard !settings.isEmpty else {
            throw UsageError("no artefacts are configured; add an \"artefacts\" list to .slipway.json (see slipway artefacts --help)")
        }
        let release = try release(parsed.value("version"), context: context)
        let checks = ArtefactVerifier(repository: context.repository, artefacts: settings).verify(release)
        if parsed.has("json") {
            Output.json(.object([("version", .string(release.version.description)), ("tag", .string(release.tag)),
                                 ("commit", .string(release.commit)), ("verified", .bool(checks.allVerified)),
                                 ("artefacts", .array(checks.map(\.json)))]))
        } else {
            print("artefacts of \(release.tag) (\(release.commit.prefix(12))): \(checks.tally)")
            print(lines(checks, indent: "  "), terminator: "")
        }
        return checks.allVerified ? 0 : 1
    }

    /// The release named by `--version`, or the last release reachable from HEAD.
    static func release(_ text: String?, context: RepositoryContext) throws -> ArtefactRelease {
        let prefix = context.config.tagPrefix
        if let text {
            let version = try SemanticVersion(parsing: text)
            guard let release = ArtefactRelease.find(version, in: context.repository, tagPrefix: prefix) else {
                throw UsageError("no release tag \(prefix)\(version) in this repository; name a released version")
            }
            return release
        }
        let scan = ReleaseTagScan(tagNames: try context.repository.tags(mergedInto: "HEAD"), prefix: prefix)
        guard let last = scan.latest(),
              let release = ArtefactRelease.find(last.version, in: context.repository, tagPrefix: prefix) else {
            throw UsageError("no release tag (\(prefix)X.Y.Z) is reachable from HEAD; pass --version X.Y.Z")
        }
        return release
    }

    /// One artefact a line (`✓ verified  oci-image  ref  sha256:…`), its reason and warnings under it.
    static func lines(_ checks: [ArtefactCheck], indent: String) -> String {
        var text = ""
        for check in checks {
            text += "\(indent)\(check.status.symbol) \(check.status.rawValue.padding(toLength: 11, withPad: " ", startingAt: 0)) "
            text += "\(check.kind.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0)) \(check.ref)"
            text += check.shortDigest.map { "  \($0)" } ?? ""
            text += "\n\(indent)    \(check.reason)\n"
            for warning in check.warnings { text += "\(indent)    warning: \(warning)\n" }
        }
        return text
    }
}
