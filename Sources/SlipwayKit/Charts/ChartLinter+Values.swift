/// values.yaml: no secret value (`secret-value`), and the values clients override are there (`not-overridable`).
extension ChartLinter {
    func valuesFindings(_ values: YAMLNode?, file: String) -> [ChartFinding] {
        guard let values, values.kind == .mapping else {
            return [ChartFinding("not-overridable", .warning, file: file,
                                 "no values: clients cannot override the image, resources, configuration or secret references")]
        }
        var findings: [ChartFinding] = []
        var images: [(path: String, node: YAMLNode)] = []
        var hasResources = false
        walk(values, path: "") { path, key, node in
            if key == "image" { images.append((path, node)) }
            if key == "resources" { hasResources = true }
            guard node.kind == .scalar, !node.isNull else { return }
            if let finding = secretFinding(key: key, path: path, node: node, file: file) { findings.append(finding) }
        }
        let globalRegistry = values["global"]?["imageRegistry"] != nil
        findings += imageFindings(images, globalRegistry: globalRegistry, file: file)
        if !hasResources {
            findings.append(ChartFinding("not-overridable", .warning, file: file,
                                         "no resources: add resources: {requests: {cpu, memory}, limits: {cpu, memory}} for clients to set"))
        }
        return findings
    }

    /// Every node under `node` with its dotted path and the key it sits under.
    func walk(_ node: YAMLNode, path: String, key: String = "", visit: (String, String, YAMLNode) -> Void) {
        visit(path, key, node)
        switch node.kind {
        case .mapping:
            for pair in node.pairs where pair.key.value != "<<" {
                walk(pair.value, path: path.isEmpty ? pair.key.value : path + "." + pair.key.value, key: pair.key.value, visit: visit)
            }
        case .sequence:
            for (index, item) in node.items.enumerated() { walk(item, path: "\(path)[\(index)]", key: key, visit: visit) }
        case .scalar:
            break
        }
    }

    func secretFinding(key: String, path: String, node: YAMLNode, file: String) -> ChartFinding? {
        if SecretHeuristics.holdsPrivateKey(node.value) {
            return ChartFinding("secret-value", .error, file: file, line: node.line,
                                "\(path) holds a private key; reference a Kubernetes Secret instead (existingSecret)")
        }
        if SecretHeuristics.holdsPasswordInURL(node.value) {
            return ChartFinding("secret-value", .error, file: file, line: node.line,
                                "\(path) is a URL with a password in it; take the password from a Kubernetes Secret")
        }
        guard SecretHeuristics.namesSecretValue(key), !node.isBooleanOrNumber, SecretHeuristics.isLiteral(node.value) else { return nil }
        return ChartFinding("secret-value", .error, file: file, line: node.line,
                            "\(path) holds a secret value; leave it empty and reference a Kubernetes Secret (existingSecret, secretKeyRef)")
    }

    /// Each `image` setting is a mapping with a registry (or `global.imageRegistry`), a repository and a tag.
    func imageFindings(_ images: [(path: String, node: YAMLNode)], globalRegistry: Bool, file: String) -> [ChartFinding] {
        guard !images.isEmpty else {
            return [ChartFinding("not-overridable", .warning, file: file,
                                 "no image settings: add image: {registry, repository, tag} so clients can pull from their own registry")]
        }
        var findings: [ChartFinding] = []
        for (path, node) in images {
            // `image.image` is the repository's name inside an image setting (ingress-nginx writes it so).
            if path.hasSuffix("image.image") { continue }
            if node.kind == .scalar, !node.isNull {
                findings.append(ChartFinding("not-overridable", .warning, file: file, line: node.line,
                                             "\(path) is one string (\(node.value)); split it into registry, repository and tag"))
                continue
            }
            guard node.kind == .mapping else { continue }
            var missing: [String] = []
            if node["registry"] == nil, !globalRegistry { missing.append("registry") }
            if node["repository"] == nil, node["image"] == nil, node["name"] == nil { missing.append("repository") }
            if node["tag"] == nil, node["digest"] == nil { missing.append("tag") }
            if !missing.isEmpty {
                findings.append(ChartFinding("not-overridable", .warning, file: file, line: node.line,
                                             "\(path) has no \(missing.joined(separator: ", ")); clients override the image by these keys"))
            }
        }
        return findings
    }
}
