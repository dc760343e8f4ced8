/// The JSON Schema (2020-12) of `.slipway.json`: what editors complete and check. `slipway config schema`
/// prints it; `docs/slipway.schema.json` is this, written out (a test keeps the two, and the loader, in step).
public enum ConfigSchema {
    public static var json: JSONValue {
        object([
            ("tagPrefix", string("What release tags start with before X.Y.Z (`v`, `\"\"`, `web@`); found from the tags when absent")),
            ("baseBranch", string("The branch releases are cut from and merged into (default main)")),
            ("changelog", string("The changelog file (default CHANGELOG.md)")),
            ("versionFiles", array(object([
                ("path", string("The file, relative to the repository root")),
                ("format", choice(["package.json", "package-lock.json", "cargo", "pyproject", "chart", "pom", "gradle", "version", "pattern"])),
                ("field", choice(["appVersion", "version", "both"])),
                ("pattern", string("A regular expression whose first group is the version")),
            ], required: ["path"]))),
            ("bump", object([
                ("types", .object([("type", .string("object")), ("description", .string("Conventional Commit type (or type(scope)) → level")),
                                   ("additionalProperties", level)])),
                ("breakingWhileZero", level),
            ])),
            ("forge", object([
                ("kind", choice(["local", "github", "gitlab"])), ("requiredApprovals", integer(0, 50)),
                ("techLeads", array(string("A tech lead's email or forge login"))), ("remote", string("The git remote (default origin)")),
            ])),
            ("artefacts", array(artefact)),
            ("environments", array(environment)),
            ("migrations", object([("kind", choice(MigrationSettings.Kind.allCases.map(\.rawValue))), ("path", string("The migrations folder"))],
                                  required: ["kind", "path"])),
            ("monitoring", object([("prometheus", string("Prometheus' base URL")), ("headers", headers), ("timeoutSeconds", number)],
                                  required: ["prometheus"])),
            ("notify", array(channel)),
            ("publish", object([("command", argv), ("timeoutSeconds", number)], required: ["command"])),
            ("impactedSystems", array(string("A system the release notice names as affected"))),
            ("packages", array(.object([("oneOf", .array([string("A package folder"),
                                                           object([("path", string("The folder")), ("name", string("Its name in tags"))], required: ["path"])]))]))),
        ], extra: [("$schema", .string("https://json-schema.org/draft/2020-12/schema")),
                   ("$id", .string("https://slipway.dev/slipway.schema.json")), ("title", .string(".slipway.json"))])
    }

    static var artefact: JSONValue {
        object([
            ("kind", choice(ArtefactSettings.Kind.allCases.map(\.rawValue))), ("ref", string("Image or chart repository without a tag")),
            ("name", string("The package's name")), ("tag", string("Tag template, {version} by default")), ("tlsVerify", boolean),
            ("chart", string("The chart folder")), ("index", string("The package index URL")), ("registry", string("The registry URL")),
            ("smoke", argv), ("timeoutSeconds", number),
        ], required: ["kind"])
    }

    static var environment: JSONValue {
        let gitops = object([("kind", constant("gitops")), ("repo", string("The environments repository")), ("file", string("The file in it")),
                             ("key", string("The dotted key of the version")), ("branch", string("The branch"))], required: ["kind", "repo", "file", "key"])
        let helm = object([("kind", constant("helm")), ("kubeContext", string("")), ("namespace", string("")), ("release", string("Helm release name")),
                           ("chart", string("Chart reference")), ("values", string("A values file")), ("timeout", string("Go duration, e.g. 10m")),
                           ("historyMax", integer(0, 10_000))], required: ["kind", "release", "chart"])
        let command = object([("kind", constant("command")), ("status", argv), ("deploy", argv), ("rollback", argv), ("timeoutSeconds", number)],
                             required: ["kind", "status", "deploy"])
        let check = object([("name", string("")), ("query", string("PromQL")), ("max", number), ("min", number), ("for", string("Duration")),
                            ("interval", string("Duration")), ("failureLimit", integer(1, 1000))], required: ["name", "query"])
        return object([
            ("name", string("test, staging, production, …")), ("auto", boolean), ("protected", boolean),
            ("backend", .object([("oneOf", .array([gitops, helm, command]))])),
            ("rollback", object([("plans", string("Folder of vX.Y.Z.md plans")), ("targetMinutes", number), ("criteria", string("")),
                                 ("checks", array(check))])),
            ("verify", object([("url", string("")), ("versionKey", string("")), ("command", argv), ("timeoutSeconds", number)])),
        ], required: ["name", "backend"])
    }

    static var channel: JSONValue {
        .object([("oneOf", .array([
            object([("kind", constant("webhook")), ("url", string("")), ("headers", headers), ("timeoutSeconds", number)], required: ["kind", "url"]),
            object([("kind", constant("email")), ("smtp", string("smtp[s]://host:port")), ("from", string("")), ("to", array(string(""))),
                    ("starttls", boolean), ("username", secret), ("password", secret), ("timeoutSeconds", number)], required: ["kind", "smtp", "from", "to"]),
            object([("kind", constant("command")), ("argv", argv), ("timeoutSeconds", number)], required: ["kind", "argv"]),
            object([("kind", constant("file")), ("path", string(""))], required: ["kind", "path"]),
            object([("kind", constant("forge-release"))], required: ["kind"]),
        ]))])
    }

    // MARK: Building blocks

    static func object(_ properties: [(String, JSONValue)], required: [String] = [], extra: [(String, JSONValue)] = []) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = extra.map { (key: $0.0, value: $0.1) }
        members += [("type", .string("object")), ("properties", .object(properties.map { (key: $0.0, value: $0.1) })),
                    ("additionalProperties", .bool(false))]
        if !required.isEmpty { members.append(("required", .array(required.map(JSONValue.string)))) }
        return .object(members)
    }

    static func string(_ description: String) -> JSONValue {
        description.isEmpty ? .object([("type", .string("string"))]) : .object([("type", .string("string")), ("description", .string(description))])
    }

    static func choice(_ values: [String]) -> JSONValue { .object([("enum", .array(values.map(JSONValue.string)))]) }
    static func constant(_ value: String) -> JSONValue { .object([("const", .string(value))]) }
    static func array(_ items: JSONValue) -> JSONValue { .object([("type", .string("array")), ("items", items)]) }
    static func integer(_ low: Int, _ high: Int) -> JSONValue {
        .object([("type", .string("integer")), ("minimum", .number(Double(low))), ("maximum", .number(Double(high)))])
    }
    static var number: JSONValue { .object([("type", .string("number")), ("minimum", .number(0))]) }
    static var boolean: JSONValue { .object([("type", .string("boolean"))]) }
    static var level: JSONValue { choice(["major", "minor", "patch", "none"]) }
    static var argv: JSONValue { array(string("")) }
    static var secret: JSONValue { object([("env", string("The environment variable that holds it")), ("prefix", string(""))], required: ["env"]) }
    static var headers: JSONValue { .object([("type", .string("object")), ("additionalProperties", .object([("oneOf", .array([string(""), secret]))]))]) }
}
