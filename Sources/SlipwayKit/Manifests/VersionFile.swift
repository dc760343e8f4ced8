/// One file that carries the project version: where it is, its format, and (for some formats) which field.
public struct VersionFile: Sendable, Hashable {
    /// Relative to the repository root.
    public let path: String
    public let format: VersionFileFormat
    /// `appVersion`, `version` or `both` for a Chart.yaml; the project's name(s) for a lockfile (Cargo.lock, uv.lock);
    /// for a Gradle build file, the gradle.properties beside it that sets the version.
    public let field: String?
    /// For `.pattern`: a regular expression whose first capture group is the version.
    public let pattern: String?

    public init(path: String, format: VersionFileFormat, field: String? = nil, pattern: String? = nil) {
        self.path = path
        self.format = format
        self.field = field
        self.pattern = pattern
    }

    /// Finds the version(s) in the file's bytes, or says why exactly one project version cannot be found.
    public func read(_ bytes: [UInt8]) throws(ManifestError) -> VersionFileReading {
        switch format {
        case .packageJSON:
            let spans = try JSONVersionReader.spans(bytes, paths: [["version"]], file: path)
            guard let span = spans[["version"]] else {
                throw ManifestError(file: path, problem: "has no top-level \"version\"; add \"version\": \"X.Y.Z\"")
            }
            return .versions([VersionLocation(field: "version", range: span, in: bytes)])
        case .packageLock:
            let lockPath = ["packages", "", "version"]
            let spans = try JSONVersionReader.spans(bytes, paths: [["version"], lockPath], file: path)
            guard let span = spans[["version"]] else {
                throw ManifestError(file: path, problem: "has no top-level \"version\"; run npm install to regenerate it")
            }
            var locations = [VersionLocation(field: "version", range: span, in: bytes)]
            if let root = spans[lockPath] { locations.append(VersionLocation(field: "packages[\"\"].version", range: root, in: bytes)) }
            return .versions(locations)
        case .cargo:
            return try CargoManifest.read(bytes, file: path)
        case .cargoLock:
            return try CargoManifest.readLock(bytes, file: path, crate: field)
        case .pyproject:
            return try PyprojectManifest.read(bytes, file: path)
        case .uvLock:
            return try PyprojectManifest.readLock(bytes, file: path, project: field)
        case .chart:
            guard let fields = ChartManifest.fields(for: field) else {
                throw ManifestError(file: path, problem: "field '\(field ?? "")' is not appVersion, version or both; fix versionFiles in .slipway.json")
            }
            return try ChartManifest.read(bytes, file: path, fields: fields)
        case .pom:
            return try POMManifest.read(bytes, file: path)
        case .gradle:
            return try GradleManifest.read(bytes, file: path, propertiesBeside: field)
        case .gradleProperties:
            return try GradleProperties.read(bytes, file: path)
        case .version:
            return try VersionTextFile.read(bytes, file: path)
        case .pattern:
            return try PatternVersionFile.read(bytes, file: path, pattern: pattern)
        }
    }

    /// `bytes` with every location's characters replaced by `version`; everything else byte for byte the same.
    public static func replacing(_ locations: [VersionLocation], with version: String, in bytes: [UInt8]) -> [UInt8] {
        ByteText.splice(bytes, locations.map { ($0.range, version) })
    }
}
