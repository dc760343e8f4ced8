/// The kinds of file that carry a project version.
public enum VersionFileFormat: String, Sendable, CaseIterable {
    case packageJSON = "package.json"
    case packageLock = "package-lock.json"
    case cargo
    /// `Cargo.lock`: the entry of the crate named by `field` (from the Cargo.toml beside it).
    case cargoLock = "Cargo.lock"
    case pyproject
    /// `uv.lock`: the entry of the project named by `field` (from the pyproject.toml beside it).
    case uvLock = "uv.lock"
    case chart
    case pom
    case gradle
    /// `gradle.properties` with a `version` property.
    case gradleProperties = "gradle.properties"
    case version
    case pattern

    /// The format a file name implies, or `nil` when the name says nothing.
    public static func detect(path: String) -> VersionFileFormat? {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        switch name {
        case "package.json": return .packageJSON
        case "package-lock.json", "npm-shrinkwrap.json": return .packageLock
        case "Cargo.toml": return .cargo
        case "Cargo.lock": return .cargoLock
        case "pyproject.toml": return .pyproject
        case "uv.lock": return .uvLock
        case "Chart.yaml", "Chart.yml": return .chart
        case "pom.xml": return .pom
        case "build.gradle", "build.gradle.kts": return .gradle
        case "gradle.properties": return .gradleProperties
        case "VERSION", "VERSION.txt": return .version
        default: return nil
        }
    }

    /// The format named in `.slipway.json` (`versionFiles[].format`) for a file at `path`.
    public static func configured(_ name: String, path: String) -> VersionFileFormat? {
        if name == "package.json", detect(path: path) == .packageLock { return .packageLock }
        return VersionFileFormat(rawValue: name)
    }
}
