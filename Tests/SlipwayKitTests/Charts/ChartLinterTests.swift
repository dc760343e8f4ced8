import Foundation
import Testing
@testable import SlipwayKit

/// `chart lint` on fixture charts for each rule, both outcomes, and on charts written in the styles of widely used
/// public charts (helpers for images, existingSecret patterns, RBAC rules, Secrets templated from values), which
/// must raise no error.
@Suite struct ChartLinterTests {
    static let cleanChart = "apiVersion: v2\nname: web\nversion: 0.3.0\nappVersion: \"1.0.0\"\n"
    static let cleanValues = """
        image:
          registry: registry.example.com
          repository: acme/web
          tag: ""
        resources:
          requests: {cpu: 100m, memory: 128Mi}
        auth:
          existingSecret: ""
          password: ""
          passwordKey: password
        """
    static let cleanDeployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: {{ include "web.fullname" . }}
        spec:
          template:
            spec:
              containers:
                - name: web
                  image: "{{ .Values.image.registry }}/{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}"
                  env:
                    - name: DB_PASSWORD
                      valueFrom:
                        secretKeyRef:
                          name: {{ .Values.auth.existingSecret | default (include "web.fullname" .) }}
                          key: {{ .Values.auth.passwordKey }}
                  resources: {{- toYaml .Values.resources | nindent 12 }}
        """

    /// A released repository (v1.0.0) holding a chart with the given files, its OCI artefact configured.
    static func repository(chart: String = cleanChart, values: String? = cleanValues, templates: [String: String] = ["deployment.yaml": cleanDeployment],
                           artefact: Bool = true) throws -> TestRepository {
        let repository = try TestRepository()
        try repository.write("charts/web/Chart.yaml", chart)
        if let values { try repository.write("charts/web/values.yaml", values) }
        for (name, text) in templates { try repository.write("charts/web/templates/" + name, text) }
        let artefacts = artefact ? #", "artefacts": [{"kind": "helm-oci", "ref": "oci://r.example/charts/web", "chart": "charts/web"}]"# : ""
        try repository.write(".slipway.json", #"{"tagPrefix": "v"\#(artefacts)}"#)
        try repository.git(["add", "-A"])
        try repository.commit("chore(release): 1.0.0")
        try repository.tag("v1.0.0")
        return repository
    }

    static func lint(_ repository: TestRepository) throws -> [ChartFinding] {
        let git = try repository.repository()
        return ChartLinter(repository: git, config: try SlipwayConfig.load(repositoryRoot: git.root)).lint().flatMap(\.findings)
    }

    static func rules(_ findings: [ChartFinding], _ severity: ChartFinding.Severity = .error) -> [String] {
        findings.filter { $0.severity == severity }.map(\.rule)
    }

    @Test func aCleanChartHasNoFinding() throws {
        #expect(try Self.lint(try Self.repository()) == [])
    }

    @Test func chartVersionMustBeSemVer() throws {
        let findings = try Self.lint(try Self.repository(chart: "apiVersion: v2\nname: web\nversion: 1.0\nappVersion: 1.0.0\n"))
        #expect(findings.map(\.description) == ["charts/web/Chart.yaml:3: error [chart-version] version '1.0' is not SemVer 2.0.0; write it as MAJOR.MINOR.PATCH, e.g. 0.1.0"])
    }

    @Test func aReleasedChartThatChangedMustMoveItsVersion() throws {
        let repository = try Self.repository()
        try repository.write("charts/web/values.yaml", Self.cleanValues + "\nreplicaCount: 2\n")
        try repository.write("charts/web/Chart.yaml", Self.cleanChart.replacingOccurrences(of: "1.0.0", with: "1.1.0"))
        try repository.git(["add", "-A"])
        try repository.commit("chore(release): 1.1.0")
        // The release commit: an error, the check ct lint is used for.
        var findings = try Self.lint(repository)
        #expect(findings.map(\.description) == ["charts/web/Chart.yaml:3: error [chart-version-not-bumped] the chart changed since v1.0.0 but its version is still 0.3.0 in the release of 1.1.0; set it above 0.3.0"])
        try repository.tag("v1.1.0")
        #expect(Self.rules(try Self.lint(repository)) == ["chart-version-not-bumped"], "and at the release tag")
        try repository.write("charts/web/Chart.yaml", Self.cleanChart.replacingOccurrences(of: "1.0.0", with: "1.1.0").replacingOccurrences(of: "0.3.0", with: "0.3.1"))
        try repository.git(["add", "-A"])
        try repository.git(["commit", "-q", "--amend", "--no-edit"])
        try repository.git(["tag", "-f", "v1.1.0"])
        findings = try Self.lint(repository)
        #expect(findings.isEmpty, "\(findings)")
    }

    @Test func betweenReleasesAChangeSaysWhatTheNextReleaseSets() throws {
        let repository = try Self.repository()
        try repository.commitFile("charts/web/values.yaml", Self.cleanValues + "\nreplicaCount: 2\n", message: "feat(chart): replicas")
        let findings = try Self.lint(repository)
        #expect(findings.map(\.description) == ["charts/web/Chart.yaml:3: info [chart-version-not-bumped] the chart changed since v1.0.0: the next release sets version 0.4.0 (minor)"])
    }

    @Test func appVersionTracksTheRelease() throws {
        let findings = try Self.lint(try Self.repository(chart: Self.cleanChart.replacingOccurrences(of: "1.0.0", with: "0.9.0")))
        #expect(findings.map(\.description) == ["charts/web/Chart.yaml:4: warning [app-version] appVersion is 0.9.0, not the release 1.0.0; release prepare sets it"])
    }

    @Test func secretValuesInValuesAreErrorsReferencesAreNot() throws {
        let values = Self.cleanValues + """

            postgresql:
              auth:
                postgresPassword: hunter2
                existingSecret: pg-secret
                secretKeys: {adminPasswordKey: postgres-password}
            redis: {password: "s3cr3t", usePassword: true}
            apiToken: '{{ .Values.global.token }}'
            tls:
              key: |
                -----BEGIN RSA PRIVATE KEY-----
                MIIEow
                -----END RSA PRIVATE KEY-----
            database:
              url: postgres://app:letmein@db:5432/app
              replicaUrl: postgres://db-replica:5432/app
            jwtSecret: ""
            tokenTTL: 3600
            """
        let findings = try Self.lint(try Self.repository(values: values)).filter { $0.rule == "secret-value" }
        #expect(findings.map { "\($0.line ?? 0) \($0.message)" } == [
            "13 postgresql.auth.postgresPassword holds a secret value; leave it empty and reference a Kubernetes Secret (existingSecret, secretKeyRef)",
            "16 redis.password holds a secret value; leave it empty and reference a Kubernetes Secret (existingSecret, secretKeyRef)",
            "19 tls.key holds a private key; reference a Kubernetes Secret instead (existingSecret)",
            "24 database.url is a URL with a password in it; take the password from a Kubernetes Secret",
        ])
    }

    @Test func secretsWrittenIntoTemplates() throws {
        let secret = """
            apiVersion: v1
            kind: Secret
            metadata:
              name: {{ include "web.fullname" . }}
            type: Opaque
            data:
              password: aHVudGVyMg==
              api-token: {{ .Values.apiToken | b64enc | quote }}
            stringData:
              config.yaml: |
                templated: {{ .Values.x }}
            """
        let env = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: x
            spec:
              containers:
                - name: app
                  image: {{ .Values.image.repository }}
                  env:
                    - name: DB_PASSWORD
                      value: "hunter2"
                    - name: LOG_LEVEL
                      value: debug
                    - name: API_TOKEN
                      value: {{ .Values.token | quote }}
            """
        let findings = try Self.lint(try Self.repository(templates: ["secret.yaml": secret, "pod.yaml": env]))
        #expect(findings.filter { $0.severity == .error }.map { "\($0.file):\($0.line ?? 0) \($0.rule)" } == [
            "charts/web/templates/pod.yaml:11 secret-value",
            "charts/web/templates/secret.yaml:7 secret-value",
        ])
    }

    @Test func literalImagesResourcesAndSecretNamesAreNotOverridable() throws {
        let deployment = """
            apiVersion: apps/v1
            kind: Deployment
            spec:
              template:
                spec:
                  containers:
                    - name: web
                      image: nginx:1.25
                      resources:
                        limits:
                          cpu: 500m
                          memory: 512Mi
                      envFrom:
                        - secretRef:
                            name: web-credentials
                  volumes:
                    - name: tls
                      secret:
                        secretName: web-tls
            """
        let test = "apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: wget\n      image: busybox\n"
        let findings = try Self.lint(try Self.repository(templates: ["deployment.yaml": deployment, "tests/test-connection.yaml": test]))
        #expect(findings.map { "\($0.severity.rawValue) \($0.file):\($0.line ?? 0)" } == [
            "error charts/web/templates/deployment.yaml:8", "error charts/web/templates/deployment.yaml:11",
            "error charts/web/templates/deployment.yaml:15", "error charts/web/templates/deployment.yaml:19",
            "warning charts/web/templates/tests/test-connection.yaml:6",
        ])
        #expect(findings.allSatisfy { $0.rule == "not-overridable" })
    }

    @Test func valuesLackingWhatClientsOverrideAreWarnings() throws {
        var findings = try Self.lint(try Self.repository(values: "replicaCount: 1\nimage: nginx:1.25\n"))
        #expect(findings.map(\.message) == [
            "no resources: add resources: {requests: {cpu, memory}, limits: {cpu, memory}} for clients to set",
            "image is one string (nginx:1.25); split it into registry, repository and tag",
        ])
        findings = try Self.lint(try Self.repository(values: nil))
        #expect(findings.map(\.message) == ["no values: clients cannot override the image, resources, configuration or secret references"])
        findings = try Self.lint(try Self.repository(values: "global:\n  imageRegistry: \"\"\nimage:\n  repository: acme/web\nresources: {}\n"))
        #expect(findings.map(\.message) == ["image has no tag; clients override the image by these keys"])
        #expect(findings.allSatisfy { $0.severity == .warning })
    }

    @Test func aChartWithoutItsOCIArtefactIsAWarning() throws {
        let findings = try Self.lint(try Self.repository(artefact: false))
        #expect(findings.map(\.description) == [#"charts/web/Chart.yaml: warning [oci-distribution] no helm-oci artefact distributes charts/web; add {"kind": "helm-oci", "ref": "oci://REGISTRY/charts/NAME", "chart": "charts/web"} to artefacts in .slipway.json"#])
    }

    @Test func badInputIsOneFindingEachAndTheRestIsStillJudged() throws {
        let repository = try Self.repository(templates: ["deployment.yaml": Self.cleanDeployment,
                                                         "broken.yaml": "metadata:\n  name: {{ .Release.Name \nimage: nginx\n"])
        try repository.write("charts/web/values.yaml", "image:\n  tag: [1, 2\n")
        try Data([0x00, 0x01, 0x02]).write(to: URL(fileURLWithPath: repository.root + "/charts/web/templates/logo"))
        symlink("/etc/hostname", repository.root + "/charts/web/templates/outside.yaml")
        try repository.write("charts/api/values.yaml", "replicaCount: 1\n")
        try repository.write("charts/api/Chart.yaml", "apiVersion: v2\nname: api\n\tversion: 1.0.0\n")
        let git = try repository.repository()
        let linter = ChartLinter(repository: git, config: try SlipwayConfig.load(repositoryRoot: git.root))
        let web = linter.lint(only: "charts/web").flatMap(\.findings).filter { $0.rule == "chart-files" }
        #expect(web.map(\.description) == [
            "charts/web/templates/broken.yaml: error [chart-files] the template actions do not pair up (1 '{{' but 0 '}}'); it cannot be judged",
            "charts/web/templates/outside.yaml: error [chart-files] a symlink out of the repository; a chart must hold its own files",
            "charts/web/values.yaml:2: error [chart-files] not YAML: the flow collection opened here is not closed",
            "charts/web/templates/logo: info [chart-files] a binary file among the templates; not judged",
        ])
        let api = linter.lint(only: "charts/api/").flatMap(\.findings)
        #expect(api.first?.description == "charts/api/Chart.yaml:3: error [chart-files] not YAML: a tab indents this line; YAML allows spaces only")
        let missing = linter.lint(only: "charts/none").flatMap(\.findings)
        #expect(missing.map(\.description) == ["charts/none/Chart.yaml: error [chart-files] does not exist"])
    }
}
