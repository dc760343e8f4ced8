/// The typed `environments` and `migrations` sections.
extension SlipwayConfig {
    /// Reads every section once, so that a mistake anywhere in the file stops every command, not only the ones
    /// that use that section (`next-version` and `env status` agree on whether the file is valid).
    func validateSections() throws(ConfigError) {
        _ = try environments()
        _ = try migrations()
        _ = try artefacts()
        _ = try monitoring()
        _ = try notifyChannels()
        _ = try impactedSystems()
        _ = try PublishSettings.from(self)
        _ = try ConfiguredPackage.list(self)
    }

    /// The configured environments in order; an empty list means none are configured.
    public func environments() throws(ConfigError) -> [EnvironmentSettings] {
        guard let node = sections["environments"] else { return [] }
        var result: [EnvironmentSettings] = []
        for element in try node.elements() {
            let environment = try EnvironmentSettings(element)
            if result.contains(where: { $0.name == environment.name }) {
                throw element.error("environment '\(environment.name)' is listed twice")
            }
            result.append(environment)
        }
        return EnvironmentSettings.ordered(result)
    }

    /// The `migrations` section, or `nil` when the project has none configured.
    public func migrations() throws(ConfigError) -> MigrationSettings? {
        guard let node = sections["migrations"] else { return nil }
        return try MigrationSettings(node)
    }
}

extension EnvironmentSettings {
    /// Config order, except that a list made only of test, staging and production is put in that order.
    static func ordered(_ environments: [EnvironmentSettings]) -> [EnvironmentSettings] {
        let standard = ["test", "staging", "production"]
        guard environments.allSatisfy({ standard.contains($0.name) }) else { return environments }
        return environments.sorted { (standard.firstIndex(of: $0.name) ?? 0) < (standard.firstIndex(of: $1.name) ?? 0) }
    }
}
