/// Templates, line by line: secrets written out (`secret-value`) and what clients must override written as
/// literals (`not-overridable`). Lines it cannot read as `key: value` are skipped, never guessed.
extension ChartLinter {
    static let resourceQuantities: Set<String> = ["cpu", "memory", "ephemeral-storage", "hugepages-2Mi", "hugepages-1Gi", "nvidia.com/gpu"]

    func templateFindings(_ template: TemplateLines, file: String) -> [ChartFinding] {
        if let unbalanced = template.unbalanced {
            return [ChartFinding("chart-files", .error, file: file, "the template actions do not pair up (\(unbalanced)); it cannot be judged")]
        }
        var findings: [ChartFinding] = []
        var inSecret = false
        let isTest = file.contains("/templates/tests/")
        for (index, line) in template.lines.enumerated() {
            let text = String(line.text)
            if text.hasPrefix("---") { inSecret = false }
            if line.indent == 0, line.key == "kind" { inSecret = line.value == "Secret" }
            if SecretHeuristics.holdsPrivateKey(text) {
                findings.append(ChartFinding("secret-value", .error, file: file, line: line.number, "a private key is written into the template; take it from a Kubernetes Secret"))
            } else if !line.hasAction, SecretHeuristics.holdsPasswordInURL(text) {
                findings.append(ChartFinding("secret-value", .error, file: file, line: line.number, "a URL with a password is written into the template; take the password from a Secret"))
            }
            guard let key = line.key else { continue }
            switch key {
            case "image" where line.isLiteral:
                findings.append(ChartFinding("not-overridable", isTest ? .warning : .error, file: file, line: line.number,
                                             "image is written out (\(line.value)); build it from values: {{ .Values.image.registry }}/{{ .Values.image.repository }}:{{ .Values.image.tag }}"))
            case "resources":
                if let finding = resourcesFinding(template, at: index, file: file) { findings.append(finding) }
            case "secretName" where line.isLiteral:
                findings.append(ChartFinding("not-overridable", .error, file: file, line: line.number,
                                             "secretName is written out (\(line.value)); take it from values so that clients reference their own Secret"))
            case "secretKeyRef", "secretRef":
                if let finding = secretReferenceFinding(template, at: index, file: file) { findings.append(finding) }
            case "data" where inSecret && line.indent == 0, "stringData" where inSecret && line.indent == 0:
                findings += secretDataFindings(template, at: index, file: file)
            case "name" where SecretHeuristics.namesSecretVariable(line.value.trimmingCharacters(in: .init(charactersIn: "\"'"))):
                if let finding = environmentFinding(template, at: index, file: file) { findings.append(finding) }
            default:
                break
            }
        }
        return findings
    }

    /// Container resources written as literals (`limits:` / `requests:` with `cpu: 500m`); an RBAC rule's
    /// `resources:` (a list of API resources) is not this.
    func resourcesFinding(_ template: TemplateLines, at index: Int, file: String) -> ChartFinding? {
        let line = template.lines[index]
        if !line.value.isEmpty {
            guard line.isLiteral, line.value.hasPrefix("{"), line.value.contains("cpu") || line.value.contains("memory") else { return nil }
            return ChartFinding("not-overridable", .error, file: file, line: line.number,
                                "resources are written out (\(line.value)); take them from values: {{- toYaml .Values.resources | nindent N }}")
        }
        let children = template.children(of: index)
        guard let first = children.first(where: { !$0.text.allSatisfy { $0 == " " } }),
              !first.text.drop(while: { $0 == " " }).hasPrefix("-") else { return nil }
        guard let literal = children.first(where: { Self.resourceQuantities.contains($0.key ?? "") && $0.isLiteral }),
              children.contains(where: { $0.key == "limits" || $0.key == "requests" }) else { return nil }
        return ChartFinding("not-overridable", .error, file: file, line: literal.number,
                            "resources are written out (\(literal.key ?? ""): \(literal.value)); take them from values: {{- toYaml .Values.resources | nindent N }}")
    }

    /// `secretKeyRef: {name: …}` or its block form with the Secret's name written out.
    func secretReferenceFinding(_ template: TemplateLines, at index: Int, file: String) -> ChartFinding? {
        let line = template.lines[index]
        var name: (String, Int)?
        if line.value.hasPrefix("{"), !line.hasAction,
           let match = line.value.range(of: "name:\\s*[^,}\\s]+", options: .regularExpression) {
            name = (String(line.value[match].dropFirst("name:".count)).trimmingCharacters(in: .whitespaces), line.number)
        } else if line.value.isEmpty, let child = template.children(of: index).first(where: { $0.key == "name" }), child.isLiteral {
            name = (child.value, child.number)
        }
        guard let (value, number) = name else { return nil }
        return ChartFinding("not-overridable", .error, file: file, line: number,
                            "the Secret's name is written out (\(value)); take it from values so that clients reference their own Secret")
    }

    /// A Secret template's `data` or `stringData` with values written out rather than taken from values.
    func secretDataFindings(_ template: TemplateLines, at index: Int, file: String) -> [ChartFinding] {
        template.children(of: index).filter { $0.key != nil && $0.isLiteral && $0.value != "|" && $0.value != ">" }.map { entry in
            ChartFinding("secret-value", .error, file: file, line: entry.number,
                         "\(entry.key ?? "") in the Secret is written out; take it from values (and let clients bring their own Secret)")
        }
    }

    /// `- name: DB_PASSWORD` followed by `value: hunter2`.
    func environmentFinding(_ template: TemplateLines, at index: Int, file: String) -> ChartFinding? {
        let name = template.lines[index]
        for line in template.lines.dropFirst(index + 1).prefix(4) {
            if line.indent < name.indent || (line.indent == name.indent && line.text.drop(while: { $0 == " " }).hasPrefix("-")) { break }
            guard line.indent == name.indent, line.key == "value" else { continue }
            guard line.isLiteral, line.value != "\"\"", line.value != "''" else { return nil }
            return ChartFinding("secret-value", .error, file: file, line: line.number,
                                "the environment variable \(name.value) is given a value written out; use valueFrom.secretKeyRef")
        }
        return nil
    }
}
