/// acme-envs' history: who deployed which acme-web release to which environment, and when.
extension DemoWorkspace {
    static func buildEnvironmentsHistory(_ git: DemoGit, releasedAt: [String: Int]) throws(DemoWorkspaceError) {
        func values(_ tags: [String: String]) -> [String: String?] {
            var files: [String: String?] = [:]
            for (environment, tag) in tags { files["\(environment)/values.yaml"] = DemoFiles.environmentValues(environment, tag: tag) }
            return files
        }
        /// Sets the clock to `hours` after `version` was tagged (never backwards) and commits.
        func deploy(_ environment: String, _ version: String, hours: Int, as identity: DemoIdentity,
                    verb: String) throws(DemoWorkspaceError) {
            let when = (releasedAt[version] ?? git.clock.now) + hours * 3_600
            git.clock.advance(minutes: max(1, (when - git.clock.now) / 60))
            try git.commit("\(verb)(\(environment)): acme-web \(version)", files: values([environment: version]),
                           as: identity, days: 0)
        }

        git.clock.advance(minutes: 1)
        let first = releasedAt["1.0.0"] ?? git.clock.now
        git.clock.advance(minutes: max(1, (first + 1_800 - git.clock.now) / 60))
        var initial = values(["test": "1.0.0", "staging": "1.0.0", "production": "1.0.0"])
        initial["README.md"] = """
            # acme-envs

            What runs where: each environment's `values.yaml` sets `image.tag`, the acme-web release it runs.
            test is deployed by CI on every merge to main; staging and production are promoted by hand, in order.

            """
        try git.commit("chore: environments for acme-web at 1.0.0", files: initial, days: 0)
        try deploy("test", "1.1.0", hours: 1, as: .deployBot, verb: "deploy")
        try deploy("staging", "1.1.0", hours: 26, as: .author, verb: "promote")
        try deploy("production", "1.1.0", hours: 74, as: .reviewer, verb: "promote")
        try deploy("test", "1.2.0", hours: 1, as: .deployBot, verb: "deploy")
    }
}
