import Foundation

/// What stakeholders are told about a release: the version and date, the CHANGELOG section, the impacted
/// systems, where it runs now, and the compare link.
public struct ReleaseNotice: Sendable, Hashable {
    public var project: String
    public var version: String
    public var tag: String
    public var date: String
    /// The CHANGELOG section's text (without its heading).
    public var changelog: String
    public var impactedSystems: [String]
    /// Each environment and what it runs now.
    public var environments: [(name: String, version: String?)]
    public var compare: String?

    public static func == (lhs: ReleaseNotice, rhs: ReleaseNotice) -> Bool { lhs.text == rhs.text }
    public func hash(into hasher: inout Hasher) { hasher.combine(text) }

    public var subject: String { "\(project) \(version) released" }

    /// The notice as plain text, for mail, files, commands and chat.
    public var text: String {
        var text = "\(project) \(version) was released on \(date) (\(tag)).\n"
        if !impactedSystems.isEmpty { text += "Impacted systems: \(impactedSystems.joined(separator: ", ")).\n" }
        if !environments.isEmpty {
            text += "Where it runs: " + environments.map { "\($0.name) \($0.version ?? "nothing")" }.joined(separator: ", ") + ".\n"
        }
        if let compare { text += "Changes: \(compare)\n" }
        text += "\n" + changelog + "\n"
        return text
    }

    public var json: JSONValue {
        .object([("project", .string(project)), ("version", .string(version)), ("tag", .string(tag)), ("date", .string(date)),
                 ("subject", .string(subject)), ("text", .string(text)), ("changelog", .string(changelog)),
                 ("impactedSystems", .array(impactedSystems.map(JSONValue.string))),
                 ("environments", .array(environments.map { .object([("name", .string($0.name)), ("version", $0.version.map(JSONValue.string) ?? .null)]) })),
                 ("compare", compare.map(JSONValue.string) ?? .null)])
    }
}

/// Composes the notice of a tagged release from the repository as the tag left it.
public struct NoticeComposer: Sendable {
    public let repository: GitRepository
    public let config: SlipwayConfig

    public init(repository: GitRepository, config: SlipwayConfig) {
        self.repository = repository
        self.config = config
    }

    public func compose(_ release: ArtefactRelease, environments: [EnvironmentStatus]) throws -> ReleaseNotice {
        guard let data = try repository.show(config.changelog, at: release.commit) else {
            throw NoticeError("\(config.changelog) does not exist at \(release.tag), so the notice has no changelog excerpt")
        }
        let changelog = try Changelog.parse([UInt8](data), file: config.changelog)
        guard let section = changelog.releaseSections.first(where: { Changelog.sameVersion($0.version ?? "", release.version) }) else {
            throw NoticeError("\(config.changelog) at \(release.tag) has no section for \(release.version); the notice needs its changelog excerpt")
        }
        let body = section.body.map { changelog.lines[$0] }.joined()
            .split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("[") || !$0.contains("]: ") }
            .joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        let date = try repository.git(["log", "-1", "--format=%cs", release.commit]).trimmedText
        let compare = changelog.lines.first { $0.hasPrefix("[\(release.version)]: ") }
            .map { String($0.dropFirst("[\(release.version)]: ".count)).trimmingCharacters(in: .whitespacesAndNewlines) }
        return ReleaseNotice(project: projectName(), version: release.version.description, tag: release.tag, date: date,
                             changelog: body, impactedSystems: try config.impactedSystems(),
                             environments: environments.map { ($0.name, $0.version) }, compare: compare)
    }

    /// The project's name: the repository's folder.
    func projectName() -> String { (repository.root as NSString).lastPathComponent }
}

/// A notice that cannot be composed or sent.
public struct NoticeError: Error, Sendable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
