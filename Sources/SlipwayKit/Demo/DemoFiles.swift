/// The texts of the demo's files, each a function of the release it belongs to.
enum DemoFiles {
    static let compareBase = "https://git.acme.example/acme/web/compare"

    static func packageJSON(version: String, express: String = "4.19.2") -> String {
        """
        {
          "name": "@acme/web",
          "version": "\(version)",
          "description": "The Acme storefront web service",
          "private": true,
          "main": "src/server.js",
          "scripts": {
            "start": "node src/server.js",
            "test": "node --test test/",
            "migrate": "migrate -path db/migrations -database \\"$DATABASE_URL\\" up"
          },
          "dependencies": {
            "express": "^\(express)",
            "pg": "^8.11.3"
          }
        }

        """
    }

    static func packageLock(version: String, express: String = "4.19.2") -> String {
        """
        {
          "name": "@acme/web",
          "version": "\(version)",
          "lockfileVersion": 3,
          "requires": true,
          "packages": {
            "": {
              "name": "@acme/web",
              "version": "\(version)",
              "dependencies": {
                "express": "^\(express)",
                "pg": "^8.11.3"
              }
            },
            "node_modules/express": {
              "version": "\(express)",
              "resolved": "https://registry.npmjs.org/express/-/express-\(express).tgz",
              "license": "MIT"
            },
            "node_modules/pg": {
              "version": "8.11.3",
              "resolved": "https://registry.npmjs.org/pg/-/pg-8.11.3.tgz",
              "license": "MIT"
            }
          }
        }

        """
    }

    static func chart(version: String, appVersion: String) -> String {
        """
        apiVersion: v2
        name: web
        description: The Acme storefront web service
        type: application
        # The chart's own version: moves whenever anything under charts/web changes.
        version: \(version)
        # The acme-web release the chart deploys by default.
        appVersion: "\(appVersion)"
        maintainers:
          - name: Ada Release
            email: ada@acme.example

        """
    }

    /// Overridable values only; secrets are referenced by the name of a Kubernetes Secret, never written here.
    static func chartValues(memory: String = "256Mi") -> String {
        """
        image:
          registry: registry.acme.example
          repository: acme/web
          # Empty: the chart's appVersion.
          tag: ""
          pullPolicy: IfNotPresent

        replicaCount: 2

        resources:
          requests:
            cpu: 100m
            memory: \(memory)
          limits:
            cpu: 500m
            memory: 512Mi

        config:
          logLevel: info
          publicUrl: https://shop.acme.example

        secrets:
          database:
            secretName: web-database
            key: url
          sessionKey:
            secretName: web-session
            key: signing-key

        """
    }

    static let chartDeployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: {{ .Release.Name }}-web
        spec:
          replicas: {{ .Values.replicaCount }}
          selector:
            matchLabels: { app: {{ .Release.Name }}-web }
          template:
            metadata:
              labels: { app: {{ .Release.Name }}-web }
            spec:
              containers:
                - name: web
                  image: "{{ .Values.image.registry }}/{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}"
                  imagePullPolicy: {{ .Values.image.pullPolicy }}
                  env:
                    - name: LOG_LEVEL
                      value: {{ .Values.config.logLevel | quote }}
                    - name: DATABASE_URL
                      valueFrom:
                        secretKeyRef: { name: {{ .Values.secrets.database.secretName }}, key: {{ .Values.secrets.database.key }} }
                  resources: {{- toYaml .Values.resources | nindent 12 }}

        """

    static let slipwayConfig = """
        {
          "tagPrefix": "v",
          "baseBranch": "main",
          "changelog": "CHANGELOG.md",
          "versionFiles": [
            { "path": "package.json" },
            { "path": "charts/web/Chart.yaml", "field": "appVersion" }
          ],
          "forge": { "kind": "local", "requiredApprovals": 1, "techLeads": ["lead@acme.example"] },
          "migrations": { "kind": "golang-migrate", "path": "db/migrations" },
          "artefacts": [
            { "kind": "oci-image", "ref": "127.0.0.1:5999/acme/web", "tlsVerify": false, "timeoutSeconds": 5 },
            { "kind": "helm-oci", "ref": "oci://127.0.0.1:5999/charts/web", "chart": "charts/web", "tlsVerify": false, "timeoutSeconds": 5 },
            { "kind": "pypi", "name": "acme-web", "index": "http://127.0.0.1:5998/simple/", "timeoutSeconds": 5 }
          ],
          "monitoring": { "prometheus": "http://127.0.0.1:5997", "timeoutSeconds": 3 },
          "notify": [ { "kind": "file", "path": "../release-notices.md" } ],
          "impactedSystems": ["storefront", "checkout"],
          "environments": [
            { "name": "test", "auto": true,
              "backend": { "kind": "gitops", "repo": "../acme-envs.git", "file": "test/values.yaml", "key": "image.tag" },
              "verify": { "url": "http://127.0.0.1:5996/version", "versionKey": "version", "timeoutSeconds": 3 },
              "rollback": { "plans": "docs/rollback", "targetMinutes": 15 } },
            { "name": "staging",
              "backend": { "kind": "gitops", "repo": "../acme-envs.git", "file": "staging/values.yaml", "key": "image.tag" },
              "rollback": { "plans": "docs/rollback", "targetMinutes": 15 } },
            { "name": "production",
              "backend": { "kind": "gitops", "repo": "../acme-envs.git", "file": "production/values.yaml", "key": "image.tag" },
              "rollback": { "plans": "docs/rollback", "targetMinutes": 15,
                            "checks": [ { "name": "error rate", "max": 0.05,
                                          "query": "sum(rate(http_requests_total{job=\\"acme-web\\",code=~\\"5..\\"}[5m])) / sum(rate(http_requests_total{job=\\"acme-web\\"}[5m]))" } ] } }
          ]
        }

        """

    static let readme = """
        # acme-web

        The Acme storefront: product search, cart and checkout, served by Node.js behind the `web` Helm chart.

        ## Run it

        ```sh
        npm ci
        npm run migrate
        npm start
        ```

        ## Releases

        Releases follow the Acme release standard: Conventional Commits decide the next version, the CHANGELOG
        keeps a section per release, and `vX.Y.Z` tags mark what was shipped. `docs/rollback/` holds the plan for
        rolling each release back.

        """

    static let readmeWithTeam = readme + """

        ## Release team

        - Ada Release <ada@acme.example> — release manager
        - Lin Lead <lead@acme.example> — tech lead; approves release PRs and hotfixes

        """

    static let server = """
        const express = require("express");
        const app = express();
        app.use(express.json());
        require("./health")(app);
        app.listen(process.env.PORT || 8080);
        module.exports = app;

        """

    static let health = """
        module.exports = (app) => {
          app.get("/healthz", (req, res) => res.send("ok"));
          app.get("/readyz", (req, res) => res.send("ready"));
        };

        """

    static func rollbackPlan(version: String, previous: String) -> String {
        """
        # Rollback plan: acme-web \(version)

        Owner: Ada Release <ada@acme.example> · Approver: Lin Lead <lead@acme.example>

        ## Rollback criteria (decided before deploying)

        - HTTP 5xx rate above 1 % for 5 minutes after the deployment, or
        - checkout success rate below 97 % for 10 minutes, or
        - the smoke test `curl -fsS https://shop.acme.example/readyz` fails twice in a row.

        ## How

        1. Set `image.tag` back to `\(previous)` in `production/values.yaml` of acme-envs (`slipway env rollback production --to \(previous)`).
        2. Migrations: \(version) added `0003_add_order_status`; its down script drops the column and is safe to run.
           Run `migrate -path db/migrations -database "$DATABASE_URL" down 1` only after the old version is serving.
        3. Confirm the smoke test passes and the 5xx rate is back under the threshold.

        Target: production back on \(previous) within 15 minutes of the decision.

        """
    }
}

extension DemoFiles {
    /// The workspace's own README: what is where, and who is who.
    static let workspaceGuide = """
        # Slipway demo workspace

        Built by `slipway demo`: offline, with fixed people and dates, so every build has the same history.

        | folder | what it is |
        |---|---|
        | `acme-web/` | the application: releases v1.0.0, v1.1.0, v1.2.0 and unreleased work since (open Slipway here) |
        | `origin.git/` | acme-web's bare remote (`origin`): main and the release tags |
        | `acme-envs/` | the GitOps environments repository: `test/`, `staging/`, `production/values.yaml` |
        | `acme-envs.git/` | its bare remote (`origin` of acme-envs) |

        What runs where: test 1.2.0, staging 1.1.0, production 1.1.0.

        ## People

        - **Ada Release** `<ada@acme.example>`: the release manager; the repositories' own `user.name`/`user.email`.
        - **Lin Lead** `<lead@acme.example>`: the tech lead (`forge.techLeads`); approve as Lin with
          `GIT_AUTHOR_NAME="Lin Lead" GIT_AUTHOR_EMAIL=lead@acme.example GIT_COMMITTER_NAME="Lin Lead" GIT_COMMITTER_EMAIL=lead@acme.example`.
        - **Acme CI** `<ci@acme.example>`: deploys every merge to main to test.

        ## Worth a look

        - `acme-web`: a breaking change (`BREAKING CHANGE:` footer), features, fixes, a perf change, a revert pair
          that cancels out, a merged feature branch, and two commits that are not conventional (`update readme`, `WIP`).
        - `acme-web/db/migrations`: golang-migrate scripts; `0002_create_orders.down.sql` (released in 1.1.0) and
          `0004_drop_password_hashes.down.sql` are empty (irreversible).
        - `acme-web/docs/rollback/v1.2.0.md`: the rollback plan for 1.2.0; 1.1.0 has none. `slipway env readiness test`
          is ready to go back to 1.1.0; `slipway env readiness production` shows a missing plan, missing criteria
          and an irreversible migration on the way back to 1.0.0.

        """

    static func environmentValues(_ environment: String, tag: String) -> String {
        let (note, replicas, logLevel): (String, Int, String)
        switch environment {
        case "test": (note, replicas, logLevel) = ("deployed by CI on every merge to main", 1, "debug")
        case "staging": (note, replicas, logLevel) = ("promoted by hand from test", 2, "info")
        default: (note, replicas, logLevel) = ("promoted by hand from staging, approved by the tech lead", 4, "warn")
        }
        return """
            # acme-web in \(environment): \(note).
            image:
              registry: registry.acme.example
              repository: acme/web
              tag: \(tag)
            replicaCount: \(replicas)
            config:
              logLevel: \(logLevel)
            secrets:
              database:
                secretName: web-database
                key: url

            """
    }
}
