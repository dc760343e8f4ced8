import Foundation

/// acme-web's history: three releases, then unreleased work of every kind the release standard meets.
extension DemoWorkspace {
    // Long on purpose: the demo's history told commit by commit, in order; split up, the story would be hard to follow.
    /// Builds the history in `git`; returns when each release was tagged (version → seconds since 1970).
    static func buildApplicationHistory(_ git: DemoGit) throws(DemoWorkspaceError) -> [String: Int] {
        var changelog = DemoChangelog()
        var releasedAt: [String: Int] = [:]

        /// The release commit (manifests, chart, CHANGELOG) and its annotated tag.
        func release(_ version: String, chart: String, files: [String: String?] = [:]) throws(DemoWorkspaceError) {
            git.clock.advance(days: 1)
            changelog.release(version, date: DemoClock.day(git.clock.now))
            var all = files
            all["package.json"] = DemoFiles.packageJSON(version: version)
            all["package-lock.json"] = DemoFiles.packageLock(version: version)
            all["charts/web/Chart.yaml"] = DemoFiles.chart(version: chart, appVersion: version)
            all["CHANGELOG.md"] = changelog.text
            try git.commit("chore(release): \(version)", files: all, days: 0)
            try git.tagRelease(version)
            releasedAt[version] = git.clock.now
        }

        // 1.0.0: the service, its chart, the first migration.
        try git.commit("chore: scaffold the storefront service", files: [
            "README.md": DemoFiles.readme,
            ".gitignore": "node_modules/\n.env\n",
            "package.json": DemoFiles.packageJSON(version: "0.0.0"),
            "package-lock.json": DemoFiles.packageLock(version: "0.0.0"),
            "src/server.js": DemoFiles.server,
            "CHANGELOG.md": changelog.text,
        ])
        try git.commit("feat(api): health and readiness endpoints", files: ["src/health.js": DemoFiles.health])
        changelog.addUnreleased("Added", "Health (`/healthz`) and readiness (`/readyz`) endpoints.")
        try git.commit("feat(db): users table", files: [
            "db/migrations/0001_create_users.up.sql":
                "CREATE TABLE users (\n  id BIGSERIAL PRIMARY KEY,\n  email TEXT NOT NULL UNIQUE,\n  password_hash TEXT\n);\n",
            "db/migrations/0001_create_users.down.sql": "DROP TABLE users;\n",
        ])
        changelog.addUnreleased("Added", "Users table.")
        try git.commit("build(chart): Helm chart for the web service", files: [
            "charts/web/Chart.yaml": DemoFiles.chart(version: "0.1.0", appVersion: "0.0.0"),
            "charts/web/values.yaml": DemoFiles.chartValues(),
            "charts/web/templates/deployment.yaml": DemoFiles.chartDeployment,
        ])
        try git.commit("chore: release settings for slipway", files: [".slipway.json": DemoFiles.slipwayConfig])
        try release("1.0.0", chart: "0.1.0")

        // 1.1.0: discount codes, orders.
        git.clock.advance(days: 18)
        try git.commit("feat(checkout): apply discount codes at checkout", files: [
            "src/checkout.js": "exports.total = (cart, code) => cart.sum - (code ? code.amount : 0);\n",
        ])
        changelog.addUnreleased("Added", "Discount codes at checkout.")
        try git.commit("fix(auth): refresh tokens no longer expire an hour early\n\nThe expiry was computed in local time.\n\nCloses #87", files: [
            "src/auth.js": "exports.expiry = (issued) => issued + 3600 * 24;\n",
        ])
        changelog.addUnreleased("Fixed", "Refresh tokens no longer expire an hour early.")
        try git.commit("feat(db): orders table", files: [
            "db/migrations/0002_create_orders.up.sql":
                "CREATE TABLE orders (\n  id BIGSERIAL PRIMARY KEY,\n  user_id BIGINT REFERENCES users(id),\n  total_cents BIGINT NOT NULL\n);\n",
            // Filled from the legacy shop on first start: never dropped, so the down script is empty (irreversible).
            "db/migrations/0002_create_orders.down.sql": "",
        ])
        changelog.addUnreleased("Added", "Orders table.")
        try git.commit("docs: describe the release flow in the README", files: ["README.md": DemoFiles.readme + "\nSee CHANGELOG.md for what changed.\n"])
        try release("1.1.0", chart: "0.2.0")
        try buildReleasedHotfix(git, changelog: &changelog)

        // 1.2.0: search, order status, the rollback plan.
        git.clock.advance(days: 24)
        try git.commit("feat(search): search products by name", files: [
            "src/search.js": "exports.search = (products, text) => products.filter((p) => p.name.includes(text));\n",
        ])
        changelog.addUnreleased("Added", "Product search by name.")
        try git.commit("perf(search): keep the product index in memory", files: [
            "src/search.js": "const index = new Map();\nexports.search = (products, text) => products.filter((p) => p.name.includes(text));\n",
        ])
        changelog.addUnreleased("Changed", "Search keeps its product index in memory.")
        try git.commit("fix(checkout): round totals to whole cents", files: [
            "src/checkout.js": "exports.total = (cart, code) => Math.round(cart.sum - (code ? code.amount : 0));\n",
        ])
        changelog.addUnreleased("Fixed", "Checkout totals are rounded to whole cents.")
        try git.commit("feat(db): order status column", files: [
            "db/migrations/0003_add_order_status.up.sql": "ALTER TABLE orders ADD COLUMN status TEXT NOT NULL DEFAULT 'open';\n",
            "db/migrations/0003_add_order_status.down.sql": "ALTER TABLE orders DROP COLUMN status;\n",
        ])
        changelog.addUnreleased("Added", "Orders carry a status.")
        try git.commit("docs(rollback): rollback plan for 1.2.0", files: [
            "docs/rollback/v1.2.0.md": DemoFiles.rollbackPlan(version: "1.2.0", previous: "1.1.0"),
        ])
        try release("1.2.0", chart: "0.3.0")
        let releasedLog = changelog

        // Unreleased work.
        git.clock.advance(days: 9)
        changelog.addUnreleased("Added", "Pay with a saved card at checkout.")
        try git.commit("""
            feat(checkout): pay with saved cards

            Customers who opted in pick a stored card; the card token stays with the payment provider.

            Refs: #142
            """, files: [
            "src/checkout.js": "exports.total = (cart, code) => Math.round(cart.sum - (code ? code.amount : 0));\nexports.payWithSavedCard = (token) => ({ token });\n",
            "CHANGELOG.md": changelog.text,
        ])
        try git.commit("fix(search): ignore accents when matching product names\n\nCloses #151", files: [
            "src/search.js": "const index = new Map();\nexports.search = (products, text) => products.filter((p) => p.name.normalize(\"NFD\").includes(text));\n",
        ])
        // The one chart change since 1.2.0: the chart's own version moves (0.3.0 → 0.4.0) with the release.
        try git.commit("feat(chart): pod annotations clients can set", files: [
            "charts/web/values.yaml": DemoFiles.chartValues() + "\n# Added to every pod, e.g. for a service mesh or a metrics scraper.\npodAnnotations: {}\n",
            "charts/web/templates/deployment.yaml": DemoFiles.chartDeployment.replacingOccurrences(
                of: "      labels: { app: {{ .Release.Name }}-web }\n",
                with: "      labels: { app: {{ .Release.Name }}-web }\n      annotations: {{- toYaml .Values.podAnnotations | nindent 8 }}\n"),
        ])
        try git.commit("update readme", files: ["README.md": DemoFiles.readmeWithTeam])
        try git.commit("docs(api): document the checkout endpoints", files: [
            "docs/api.md": "# API\n\n- `POST /api/checkout` — pay for the cart\n- `GET /api/search?q=` — search products\n",
        ])
        try git.commit("chore(deps): bump express from 4.19.2 to 4.21.0", files: [
            "package.json": DemoFiles.packageJSON(version: "1.2.0", express: "4.21.0"),
            "package-lock.json": DemoFiles.packageLock(version: "1.2.0", express: "4.21.0"),
        ])
        let suggest = try git.commit("feat(search): suggest products while typing", files: [
            "src/suggest.js": "exports.suggest = (products, prefix) => products.filter((p) => p.name.startsWith(prefix)).slice(0, 5);\n",
        ])
        git.clock.advance(hours: 5)
        try git.run(["revert", "--no-edit", suggest])

        // A feature branch, merged with a merge commit while main moved on.
        try git.run(["checkout", "-q", "-b", "feature/order-export"])
        try git.commit("feat(orders): export orders as CSV", files: [
            "src/orders/export.js": "exports.csv = (orders) => orders.map((o) => [o.id, o.total].join(\",\")).join(\"\\n\");\n",
        ], hours: 2, days: 0)
        try git.commit("fix(orders): quote commas in the CSV export", files: [
            "src/orders/export.js": "const q = (v) => `\"${String(v).replace(/\"/g, '\"\"')}\"`;\nexports.csv = (orders) => orders.map((o) => [q(o.id), q(o.total)].join(\",\")).join(\"\\n\");\n",
        ], hours: 3, days: 0)
        try git.run(["checkout", "-q", "main"])
        try git.commit("perf(api): stream large product lists instead of buffering them", files: [
            "src/server.js": DemoFiles.server.replacingOccurrences(of: "app.use(express.json());", with: "app.use(express.json({ limit: \"1mb\" }));"),
        ], hours: 4, days: 0)
        try git.commit("WIP", files: ["src/auth.js": "exports.expiry = (issued) => issued + 3600 * 24;\n// sso: in progress\n"])
        git.clock.advance(hours: 6)
        try git.run(["merge", "--no-ff", "-q", "-m", "Merge branch 'feature/order-export'", "feature/order-export"])
        try git.run(["branch", "-q", "-d", "feature/order-export"])

        changelog.addUnreleased("Removed", "**Breaking:** password sign-in and `POST /api/v1/session`; sign in through Acme SSO.")
        try git.commit("""
            feat(auth): sign in through Acme SSO only

            Password sign-in is gone: the SSO bearer token is the only credential the API accepts.
            The password hashes are dropped from the users table.

            BREAKING CHANGE: password sign-in and POST /api/v1/session are removed; clients sign in through
            Acme SSO and send its bearer token.
            Refs: #160
            """, files: [
            "src/auth.js": "exports.verify = (bearer) => require(\"./sso\").verify(bearer);\n",
            "src/sso.js": "exports.verify = (token) => Boolean(token);\n",
            "db/migrations/0004_drop_password_hashes.up.sql": "ALTER TABLE users DROP COLUMN password_hash;\n",
            "db/migrations/0004_drop_password_hashes.down.sql": "",
            "CHANGELOG.md": changelog.text,
        ])
        try git.commit("test(checkout): cover saved-card payments", files: [
            "test/checkout.test.js": "const test = require(\"node:test\");\ntest(\"saved card\", () => {});\n",
        ])
        try git.commit("fix(checkout): keep the cart when a saved card is declined", files: [
            "src/checkout.js": "exports.total = (cart, code) => Math.round(cart.sum - (code ? code.amount : 0));\nexports.payWithSavedCard = (token, cart) => ({ token, cart });\n",
        ])
        try git.commit("ci: check that every migration has a down script", files: [
            ".ci/migrations": "#!/bin/sh\nfor up in db/migrations/*.up.sql; do test -s \"${up%.up.sql}.down.sql\" || echo \"irreversible: $up\"; done\n",
        ])
        try buildInProgressHotfix(git, releasedLog: releasedLog)
        return releasedAt
    }
}
