import Foundation

/// `slipway init`: a `.slipway.json` proposed from what the repository already shows — its tags' form, its
/// version files, changelog, charts, migrations, remote and CI — with the reason for each choice.
public struct ConfigProposer: Sendable {
    public let repository: GitRepository

    public init(repository: GitRepository) { self.repository = repository }

    public struct Proposal: Sendable {
        /// The file, in the order a person reads it.
        public var members: [(key: String, value: JSONValue)] = []
        /// Why each choice was made, one line each.
        public var reasons: [String] = []

        public var json: JSONValue { .object(members) }
    }

    public func propose() throws -> Proposal {
        var proposal = Proposal()
        try tagForm(&proposal)
        baseBranch(&proposal)
        versionFiles(&proposal)
        changelog(&proposal)
        forge(&proposal)
        migrations(&proposal)
        notes(&proposal)
        return proposal
    }

    func tagForm(_ proposal: inout Proposal) throws {
        switch TagForm.detect(try repository.tags(mergedInto: nil)) {
        case .none:
            proposal.members.append(("tagPrefix", .string("v")))
            proposal.reasons.append("tagPrefix \"v\": no tag names a version yet; releases will be tagged vX.Y.Z")
        case .found(let form, _):
            proposal.members.append(("tagPrefix", .string(form.prefix)))
            proposal.reasons.append("tagPrefix \"\(form.prefix)\": \(form.count) tag(s) are written that way, up to \(form.prefix)\(form.highest)")
        case .ambiguous(let forms):
            proposal.members.append(("tagPrefix", .string(forms[0].prefix)))
            proposal.reasons.append("tagPrefix \"\(forms[0].prefix)\": chosen among forms that share the highest version (\(forms.map(\.example).joined(separator: ", "))); change it if another is yours")
        }
    }

    func baseBranch(_ proposal: inout Proposal) {
        let head = try? repository.gitUnchecked(["symbolic-ref", "--quiet", "--short", "refs/remotes/origin/HEAD"])
        let remoteDefault = head.flatMap { $0.status.isSuccess ? $0.trimmedText.replacingOccurrences(of: "origin/", with: "") : nil }
        let branch = remoteDefault ?? (try? repository.currentBranch()) ?? "main"
        proposal.members.append(("baseBranch", .string(branch ?? "main")))
        proposal.reasons.append("baseBranch \"\(branch ?? "main")\": \(remoteDefault != nil ? "origin's default branch" : "the branch checked out")")
    }

    func versionFiles(_ proposal: inout Proposal) {
        let found = ManifestSet.discover(root: repository.root, config: SlipwayConfig()).compactMap { try? $0.get() }
        guard !found.isEmpty else {
            proposal.reasons.append("versionFiles: none found at the root (package.json, Cargo.toml, pyproject.toml, pom.xml, Chart.yaml, VERSION…); add yours")
            return
        }
        proposal.members.append(("versionFiles", .array(found.map { .object([("path", .string($0.path))]) })))
        proposal.reasons.append("versionFiles: \(found.map(\.path).joined(separator: ", ")) hold the version")
        let charts = ChartLocator.folders(root: repository.root, config: SlipwayConfig())
        if !charts.isEmpty { proposal.reasons.append("charts: \(charts.joined(separator: ", ")) are found without configuration; each keeps its own version") }
    }

    func changelog(_ proposal: inout Proposal) {
        let candidates = ["CHANGELOG.md", "Changelog.md", "changelog.md", "CHANGES.md", "HISTORY.md"]
        if let found = candidates.first(where: { FileManager.default.fileExists(atPath: repository.root + "/" + $0) }) {
            proposal.members.append(("changelog", .string(found)))
            proposal.reasons.append("changelog \"\(found)\": it exists")
        } else {
            proposal.members.append(("changelog", .string("CHANGELOG.md")))
            proposal.reasons.append("changelog \"CHANGELOG.md\": none exists yet; the first release creates it (Keep a Changelog)")
        }
    }

    func forge(_ proposal: inout Proposal) {
        let url = (try? repository.config("remote.origin.url")) ?? nil
        let kind = url.map { $0.contains("github.com") ? "github" : $0.contains("gitlab") ? "gitlab" : "local" } ?? "local"
        proposal.members.append(("forge", .object([("kind", .string(kind)), ("requiredApprovals", .number(1))])))
        proposal.reasons.append("forge \(kind): " + (url.map { "origin is \($0)" } ?? "there is no origin remote yet") + "; one approval required")
    }

    func migrations(_ proposal: inout Proposal) {
        let root = repository.root
        let exists = { (path: String) in FileManager.default.fileExists(atPath: root + "/" + path) }
        let known: [(String, String, Bool)] = [
            ("golang-migrate", "db/migrations", exists("db/migrations")), ("alembic", "alembic", exists("alembic.ini")),
            ("prisma", "prisma/migrations", exists("prisma/migrations")), ("rails", "db/migrate", exists("db/migrate")),
            ("flyway", "src/main/resources/db/migration", exists("src/main/resources/db/migration")),
        ]
        guard let (kind, path, _) = known.first(where: \.2) else { return }
        proposal.members.append(("migrations", .object([("kind", .string(kind)), ("path", .string(path))])))
        proposal.reasons.append("migrations \(kind) in \(path): rollback readiness checks they are reversible")
    }

    func notes(_ proposal: inout Proposal) {
        if FileManager.default.fileExists(atPath: repository.root + "/.github/workflows") {
            proposal.reasons.append("CI: .github/workflows found; step 8 reads its runs for the tag (set forge kind github), or add \"publish\": {\"command\": [...]}")
        }
        if let packages = try? PackageDiscovery(root: repository.root, config: SlipwayConfig()).discover().packages, packages.count > 1 {
            proposal.reasons.append("packages: \(packages.count) workspace packages are found without configuration (slipway packages lists them)")
        }
        proposal.reasons.append("environments, artefacts, monitoring and notify are not guessed: add them from the README's examples")
    }
}
