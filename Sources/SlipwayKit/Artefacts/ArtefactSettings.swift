import Foundation

/// One entry of `artefacts` in `.slipway.json`: something CI publishes for every release, and where to find it.
public struct ArtefactSettings: Sendable, Hashable {
    public enum Kind: String, Sendable, CaseIterable {
        case ociImage = "oci-image"
        case helmOCI = "helm-oci"
        case pypi, npm, crate
    }

    public var kind: Kind
    /// For images and charts the repository without a tag (`registry.example.com/acme/web`, no `oci://`);
    /// for packages the package's name.
    public var name: String
    /// The tag template for images (`{version}` by default; `v{version}` and others allowed).
    public var tag: String
    /// `false` for a registry on plain HTTP or with a certificate the machine does not trust.
    public var tlsVerify: Bool
    /// helm-oci: the chart's folder, whose `Chart.yaml` at the release tag gives the chart's own version.
    public var chart: String?
    /// pypi: the simple index; npm: the registry; crate: the sparse index (without `sparse+`).
    public var index: String?
    /// An argv template run after the registry check; `{ref}`, `{version}`, `{tag}` and `{digest}` as whole arguments.
    public var smoke: [String]?
    /// How long one registry call may take.
    public var timeoutSeconds: Double
    /// The key path in `.slipway.json` (`artefacts[1]`), for messages.
    public var keyPath: String

    public init(kind: Kind, name: String, tag: String = "{version}", tlsVerify: Bool = true, chart: String? = nil,
                index: String? = nil, smoke: [String]? = nil, timeoutSeconds: Double = 15, keyPath: String = "artefacts") {
        self.kind = kind
        self.name = name
        self.tag = tag
        self.tlsVerify = tlsVerify
        self.chart = chart
        self.index = index
        self.smoke = smoke
        self.timeoutSeconds = timeoutSeconds
        self.keyPath = keyPath
    }

    /// The public registries a package kind uses when no index is configured.
    public var effectiveIndex: String {
        switch kind {
        case .pypi: return index ?? "https://pypi.org/simple/"
        case .npm: return index ?? "https://registry.npmjs.org/"
        case .crate: return index ?? "https://index.crates.io/"
        case .ociImage, .helmOCI: return index ?? ""
        }
    }

    /// The tool that answers for this kind.
    public var tool: String {
        switch kind {
        case .ociImage, .helmOCI: return "skopeo"
        case .pypi, .crate: return "curl"
        case .npm: return "npm"
        }
    }

    /// How a person names the artefact: `oci://…/charts/web`, `registry/acme/web`, `acme-web`.
    public var display: String { kind == .helmOCI ? "oci://" + name : name }

    /// The image or chart tag for `version`: the template filled in, `+` written `_` as OCI tags (and helm) require.
    public func renderTag(version: String) -> String {
        tag.replacingOccurrences(of: "{version}", with: version).replacingOccurrences(of: "+", with: "_")
    }

    init(_ node: ConfigNode) throws(ConfigError) {
        let allowed: Set<String> = ["kind", "ref", "name", "tag", "tlsVerify", "chart", "index", "registry", "smoke", "timeoutSeconds"]
        let members = try node.members(allowed: allowed)
        guard let kindNode = members["kind"] else {
            throw node.error("needs a \"kind\" (\(Kind.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        let kind = Kind(rawValue: try kindNode.choice(Kind.allCases.map(\.rawValue))) ?? .ociImage
        self.init(kind: kind, name: "", keyPath: node.path)
        try readIdentity(members, node: node)
        tlsVerify = try members["tlsVerify"].map { (node) throws(ConfigError) in try node.bool() } ?? true
        if let tagNode = members["tag"] {
            guard kind == .ociImage else { throw tagNode.error("only oci-image takes a tag template (a chart's tag is its own version)") }
            tag = try tagNode.string()
            guard Self.isValidTag(renderTag(version: "1.2.3-rc.1+build.5")) else {
                throw tagNode.error("'\(tag)' does not make a valid tag (letters, digits, '_', '.', '-'; up to 128; not starting with '.' or '-')")
            }
        }
        if let smokeNode = members["smoke"] {
            let argv = try smokeNode.strings()
            if argv.isEmpty { throw smokeNode.error("must name a program") }
            if argv[0].hasPrefix("-") { throw smokeNode.error("its first element must be a program, not '\(argv[0])'") }
            smoke = argv
        }
        if let timeout = members["timeoutSeconds"] { timeoutSeconds = Double(try timeout.integer(in: 1...600)) }
    }

    private mutating func readIdentity(_ members: [String: ConfigNode], node: ConfigNode) throws(ConfigError) {
        switch kind {
        case .ociImage, .helmOCI:
            for key in ["name", "index", "registry"] where members[key] != nil {
                throw members[key]!.error("\(kind.rawValue) takes \"ref\", not \"\(key)\"")
            }
            guard let refNode = members["ref"] else { throw node.error("needs a \"ref\" (the repository, e.g. registry.example.com/acme/web)") }
            name = try Self.repository(refNode, chart: kind == .helmOCI)
            if kind == .helmOCI {
                guard let chartNode = members["chart"] else { throw node.error("needs a \"chart\": the chart's folder, e.g. charts/web") }
                chart = try chartNode.relativePath()
            } else if let chartNode = members["chart"] {
                throw chartNode.error("only helm-oci takes a chart")
            }
        case .pypi, .npm, .crate:
            if let ref = members["ref"] { throw ref.error("\(kind.rawValue) takes \"name\", not \"ref\"") }
            if let chartNode = members["chart"] { throw chartNode.error("only helm-oci takes a chart") }
            guard let nameNode = members["name"] else { throw node.error("needs a \"name\" (the package's name in its registry)") }
            name = try Self.packageName(nameNode, kind: kind)
            let indexKey = kind == .npm ? "registry" : "index"
            let wrongKey = kind == .npm ? "index" : "registry"
            if let wrong = members[wrongKey] { throw wrong.error("\(kind.rawValue) takes \"\(indexKey)\", not \"\(wrongKey)\"") }
            if let indexNode = members[indexKey] { index = try Self.url(indexNode, kind: kind) }
        }
    }

    /// A registry repository: `host[:port]/path`, lower case, no scheme (but `oci://` for charts), no tag or digest.
    static func repository(_ node: ConfigNode, chart: Bool) throws(ConfigError) -> String {
        var text = try node.string()
        if chart {
            guard text.hasPrefix("oci://") else { throw node.error("'\(text)' must start with oci:// (charts are pulled from an OCI registry)") }
            text.removeFirst("oci://".count)
        } else if text.contains("://") {
            throw node.error("'\(text)' must be a repository like registry.example.com/acme/web, without a scheme")
        }
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count >= 2, parts.allSatisfy({ !$0.isEmpty }) else {
            throw node.error("'\(text)' must name a registry and a repository, like registry.example.com/acme/web")
        }
        let host = parts[0]
        let hostOK = !host.hasPrefix("-") && host.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || ".-:[]".contains($0)) }
        let pathOK = parts.dropFirst().allSatisfy { part in
            part.first.map { $0.isLowercase || $0.isNumber } == true
                && part.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || "._-".contains($0)) }
        }
        guard hostOK, pathOK else {
            throw node.error("'\(text)' is not a repository reference (lower-case letters, digits, '.', '_', '-'; no tag or digest: the tag comes from the release)")
        }
        return text
    }

    static func packageName(_ node: ConfigNode, kind: Kind) throws(ConfigError) -> String {
        let text = try node.string()
        let valid: Bool
        switch kind {
        case .npm:
            let parts = text.hasPrefix("@") ? text.dropFirst().split(separator: "/", omittingEmptySubsequences: false) : [Substring(text)]
            valid = (text.hasPrefix("@") ? parts.count == 2 : parts.count == 1) && text.count <= 214 && parts.allSatisfy { part in
                part.first.map { !".-_".contains($0) } == true
                    && part.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || "-._~".contains($0)) }
            }
        case .pypi:
            valid = text.first.map { $0.isLetter || $0.isNumber } == true && text.last.map { $0.isLetter || $0.isNumber } == true
                && text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }
        case .crate:
            valid = text.first?.isLetter == true && text.count <= 64 && text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "_-".contains($0)) }
        case .ociImage, .helmOCI:
            valid = false
        }
        guard valid else { throw node.error("'\(text)' is not a valid \(kind.rawValue) package name") }
        return text
    }

    static func url(_ node: ConfigNode, kind: Kind) throws(ConfigError) -> String {
        var text = try node.string()
        if kind == .crate, text.hasPrefix("sparse+") { text.removeFirst("sparse+".count) }
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme),
              url.host?.isEmpty == false else {
            let example = kind == .crate ? "sparse+https://crates.example.com/index/" : "https://…/"
            throw node.error("'\(text)' must be an http(s) URL (\(example))")
        }
        return text.hasSuffix("/") ? text : text + "/"
    }

    /// An OCI tag: `[A-Za-z0-9_][A-Za-z0-9._-]{0,127}`.
    public static func isValidTag(_ tag: String) -> Bool {
        guard let first = tag.first, tag.count <= 128, first != ".", first != "-" else { return false }
        return tag.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "_.-".contains($0)) }
    }
}

extension SlipwayConfig {
    /// The `artefacts` section: what CI publishes for each release.
    public func artefacts() throws(ConfigError) -> [ArtefactSettings] {
        guard let node = sections["artefacts"] else { return [] }
        var result: [ArtefactSettings] = []
        for element in try node.elements() { result.append(try ArtefactSettings(element)) }
        return result
    }
}
