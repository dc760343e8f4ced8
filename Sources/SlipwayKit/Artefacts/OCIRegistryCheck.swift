import Foundation

/// Images and Helm charts in an OCI registry, asked through `skopeo`: the manifest as the registry serves it
/// (its SHA-256 is the digest), then the configuration that manifest names (image labels, Chart.yaml as JSON).
struct OCIRegistryCheck: Sendable {
    let settings: ArtefactSettings
    let runner: any CommandRunning

    static let helmConfigType = "application/vnd.cncf.helm.config.v1+json"
    static let indexTypes: Set<String> = ["application/vnd.oci.image.index.v1+json",
                                          "application/vnd.docker.distribution.manifest.list.v2+json"]
    static let versionLabel = "org.opencontainers.image.version"
    static let revisionLabel = "org.opencontainers.image.revision"

    /// A manifest read from the registry: its JSON and its digest.
    struct Manifest {
        let json: JSONValue
        let digest: String
        var isIndex: Bool {
            if let type = json["mediaType"], case .string(let text) = type, Self.isIndexType(text) { return true }
            if case .array? = json["manifests"] { return true }
            return false
        }
        var configType: String? {
            if case .string(let text)? = json["config"]?["mediaType"] { return text }
            return nil
        }
        static func isIndexType(_ text: String) -> Bool { OCIRegistryCheck.indexTypes.contains(text) }
    }

    func verifyImage(_ release: ArtefactRelease) throws(ArtefactProblem) -> ArtefactCheck {
        let tag = settings.renderTag(version: release.version.description)
        let ref = "\(settings.name):\(tag)"
        guard ArtefactSettings.isValidTag(tag) else {
            throw ArtefactProblem(.unchecked, "'\(tag)' (from the tag template '\(settings.tag)') is not a valid image tag")
        }
        let manifest = try manifest("docker://" + ref, ref: ref)
        var platforms: [String] = []
        var imageDigest = manifest.digest
        if manifest.isIndex {
            let children = Self.platformChildren(manifest.json)
            platforms = children.map(\.platform)
            guard let chosen = children.first(where: { $0.platform == "linux/amd64" }) ?? children.first else {
                throw ArtefactProblem(.mismatch, "\(ref) is an image index that lists no image")
            }
            imageDigest = chosen.digest
        } else if manifest.configType == Self.helmConfigType {
            throw ArtefactProblem(.mismatch, "\(ref) is a Helm chart, not an image; is this the chart's repository?")
        }
        let config = try configuration("docker://\(settings.name)@\(imageDigest)", ref: ref)
        let labels = Self.labels(config)
        var check = try judgeLabels(labels, release: release, ref: ref)
        check.digest = manifest.digest
        check.platforms = platforms
        if !platforms.isEmpty {
            check.reason += "; an index of \(platforms.count) platform(s): \(platforms.joined(separator: ", "))"
            if labels != nil { check.reason += " (labels read from \(Self.platformChildren(manifest.json).first { $0.digest == imageDigest }?.platform ?? "the first"))" }
        }
        return check
    }

    func judgeLabels(_ labels: [String: String]?, release: ArtefactRelease, ref: String) throws(ArtefactProblem) -> ArtefactCheck {
        let version = labels?[Self.versionLabel]
        let revision = labels?[Self.revisionLabel]
        if let version, version != release.version.description, version != release.tag {
            throw ArtefactProblem(.mismatch, "\(ref) is labelled \(Self.versionLabel)=\(version), not \(release.version)")
        }
        if let revision {
            let label = revision.lowercased()
            guard label.count >= 7, release.commit.lowercased().hasPrefix(label) || label.hasPrefix(release.commit.lowercased()) else {
                throw ArtefactProblem(.mismatch, "\(ref) was built from \(revision.prefix(12)) (\(Self.revisionLabel)), not from \(release.tag) at \(release.commit.prefix(12))")
            }
        }
        var check = ArtefactCheck(kind: .ociImage, ref: ref, status: .verified, reason: "")
        let missing = [Self.versionLabel, Self.revisionLabel].filter { labels?[$0] == nil }
        if missing.isEmpty {
            check.reason = "\(ref) is in the registry, built from \(release.tag) (\(release.commit.prefix(12)))"
        } else {
            check.reason = "\(ref) is in the registry (its presence only: it carries no \(missing.joined(separator: " or ")) label)"
            check.warnings.append("add the label\(missing.count > 1 ? "s" : "") \(missing.map { "\($0)=\($0 == Self.versionLabel ? release.version.description : release.commit)" }.joined(separator: " and ")) when CI builds the image, so that it can be matched to the release")
        }
        return check
    }

    func verifyChart(_ release: ArtefactRelease, chartVersion: String) throws(ArtefactProblem) -> ArtefactCheck {
        let tag = chartVersion.replacingOccurrences(of: "+", with: "_")
        let ref = "\(settings.name):\(tag)"
        let shown = "oci://" + ref
        let manifest = try manifest("docker://" + ref, ref: shown)
        guard manifest.configType == Self.helmConfigType else {
            let what = manifest.isIndex ? "an image index" : "config \(manifest.configType ?? "of no type")"
            throw ArtefactProblem(.mismatch, "\(shown) is not a Helm chart (\(what)); is this the image's repository?")
        }
        let config = try configuration("docker://\(settings.name)@\(manifest.digest)", ref: shown)
        let version = Self.string(config["version"])
        let appVersion = Self.string(config["appVersion"])
        guard version == chartVersion else {
            throw ArtefactProblem(.mismatch, "\(shown) holds chart version \(version ?? "none"), not \(chartVersion) as \(settings.chart ?? "the chart")/Chart.yaml at \(release.tag) says")
        }
        guard let appVersion, appVersion == release.version.description || appVersion == release.tag else {
            throw ArtefactProblem(.mismatch, "\(shown) has appVersion \(appVersion ?? "none"), not the release \(release.version)")
        }
        return ArtefactCheck(kind: .helmOCI, ref: shown, status: .verified,
                             reason: "\(shown) is in the registry: chart \(chartVersion), appVersion \(appVersion)", digest: manifest.digest)
    }

    // MARK: skopeo

    private var tlsArguments: [String] { settings.tlsVerify ? [] : ["--tls-verify=false"] }

    private func skopeo(_ arguments: [String], ref: String) throws(ArtefactProblem) -> CommandOutput {
        let seconds = Int(settings.timeoutSeconds)
        let output = try ArtefactProblem.run(["skopeo", "--command-timeout", "\(seconds)s"] + arguments, runner: runner,
                                             timeout: settings.timeoutSeconds + 5, what: "the registry of \(ref)")
        guard output.status.isSuccess else { throw Self.problem(fromSkopeo: output.errorText, ref: ref, registry: registry) }
        return output
    }

    private var registry: String { String(settings.name.prefix(while: { $0 != "/" })) }

    func manifest(_ transport: String, ref: String) throws(ArtefactProblem) -> Manifest {
        let output = try skopeo(["inspect", "--raw"] + tlsArguments + [transport], ref: ref)
        guard let json = try? JSONParser.parse(output.stdout), case .object = json,
              json["config"] != nil || json["manifests"] != nil else {
            throw ArtefactProblem(.unchecked, "the registry answered for \(ref) with something that is not a manifest: \(ArtefactProblem.excerpt(output.stdout))")
        }
        return Manifest(json: json, digest: SHA256Digest.oci(output.stdout))
    }

    func configuration(_ transport: String, ref: String) throws(ArtefactProblem) -> JSONValue {
        let output = try skopeo(["inspect", "--config", "--raw"] + tlsArguments + [transport], ref: ref)
        guard let json = try? JSONParser.parse(output.stdout), case .object = json else {
            throw ArtefactProblem(.unchecked, "the configuration of \(ref) is not JSON: \(ArtefactProblem.excerpt(output.stdout))")
        }
        return json
    }

    /// What a failed `skopeo` said, as a status: an unknown tag or repository is missing; everything about the
    /// connection, the credentials or the server is unreachable (never missing).
    static func problem(fromSkopeo stderr: String, ref: String, registry: String) -> ArtefactProblem {
        let message = fatalMessage(stderr)
        // What skopeo said, without the reference it repeats (a repository called "denied" is not an answer);
        // a status code is a number of its own, never part of a port such as :37401.
        let lower = message.lowercased().replacingOccurrences(of: ref.lowercased(), with: "<ref>")
        if lower.contains("server gave http response to https client") {
            return ArtefactProblem(.unreachable, "\(registry) speaks plain HTTP; set \"tlsVerify\": false for it if that is expected")
        }
        if lower.contains("manifest unknown") || lower.contains("name unknown") || lower.contains("404 (not found)")
            || lower.contains("repository name not known") {
            return ArtefactProblem(.missing, "\(ref) is not in the registry (\(lastClause(message)))")
        }
        if lower.contains("unauthorized") || lower.contains("authentication required") || lower.contains("denied")
            || lower.contains("forbidden") || lower.range(of: #"(?<![0-9:])40[13](?![0-9])"#, options: .regularExpression) != nil {
            return ArtefactProblem(.unreachable, "\(registry) refused the credentials for \(ref) (\(lastClause(message))); log in with skopeo login \(registry)")
        }
        if lower.contains("x509") || lower.contains("certificate") {
            return ArtefactProblem(.unreachable, "\(registry)'s TLS certificate is not trusted (\(lastClause(message)))")
        }
        if lower.contains("invalid reference format") {
            return ArtefactProblem(.unchecked, "\(ref) is not a valid image reference")
        }
        var cause = lastClause(message)
        if let quoted = cause.range(of: "\": ", options: .backwards) { cause = String(cause[quoted.upperBound...]) }
        return ArtefactProblem(.unreachable, "\(registry) did not answer for \(ref): \(cause)")
    }

    /// The `msg="…"` of skopeo's `level=fatal` line (unescaped), or the last line of stderr.
    static func fatalMessage(_ stderr: String) -> String {
        let lines = stderr.split(whereSeparator: \.isNewline).map(String.init)
        guard let line = lines.last(where: { $0.contains("msg=\"") }) ?? lines.last else { return "no message" }
        guard let start = line.range(of: "msg=\"") else { return line }
        var text = ""
        var escaped = false
        for character in line[start.upperBound...] {
            if escaped { text.append(character); escaped = false; continue }
            if character == "\\" { escaped = true; continue }
            if character == "\"" { break }
            text.append(character)
        }
        return text
    }

    /// The message without skopeo's `Error parsing image name "docker://…": ` lead-in.
    static func lastClause(_ message: String) -> String {
        var text = message
        if text.hasPrefix("Error parsing image name"), let range = text.range(of: "\": ") { text = String(text[range.upperBound...]) }
        return text.count > 160 ? String(text.prefix(160)) + "…" : text
    }

    static func platformChildren(_ index: JSONValue) -> [(platform: String, digest: String)] {
        guard case .array(let entries)? = index["manifests"] else { return [] }
        return entries.compactMap { entry in
            guard let digest = string(entry["digest"]) else { return nil }
            let os = string(entry["platform"]?["os"]) ?? "unknown"
            let architecture = string(entry["platform"]?["architecture"]) ?? "unknown"
            let variant = string(entry["platform"]?["variant"]).map { "/" + $0 } ?? ""
            return ("\(os)/\(architecture)\(variant)", digest)
        }
    }

    /// `config.Labels` of an image configuration; `nil` when it has none.
    static func labels(_ config: JSONValue) -> [String: String]? {
        guard case .object(let members)? = config["config"]?["Labels"] else { return nil }
        var result: [String: String] = [:]
        for member in members { if case .string(let value) = member.value { result[member.key] = value } }
        return result.isEmpty ? nil : result
    }

    static func string(_ value: JSONValue?) -> String? {
        if case .string(let text)? = value { return text }
        return nil
    }
}
