/// Maven's `pom.xml`: the `<version>` directly under `<project>` — never the one inside `<parent>`, a
/// dependency or a plugin. A `${property}` version is followed to `<properties>`; a POM without its own
/// version inherits the parent's and is reported, not edited.
enum POMManifest {
    static func read(_ bytes: [UInt8], file: String) throws(ManifestError) -> VersionFileReading {
        var scanner = POMScanner(bytes: bytes, file: file)
        let elements = try scanner.elements(matching: { path in
            path == ["project", "version"] || path == ["project", "parent"]
                || (path.count == 3 && path[0] == "project" && path[1] == "properties")
        })
        let versions = elements.filter { $0.path == ["project", "version"] }
        if versions.count > 1 {
            throw ManifestError(file: file, line: versions[1].line,
                                problem: "the project has <version> twice (lines \(versions[0].line) and \(versions[1].line)); keep one")
        }
        guard let version = versions.first else {
            if elements.contains(where: { $0.path == ["project", "parent"] }) {
                return .inheriting("no <version> of its own: it inherits the version of its <parent>")
            }
            throw ManifestError(file: file, problem: "has no <version> directly under <project>; add one")
        }
        guard let span = version.content else {
            throw ManifestError(file: file, line: version.line, problem: "the project's <version> is empty or holds markup; write <version>X.Y.Z</version>")
        }
        let text = String(decoding: bytes[span], as: UTF8.self)
        if text.hasPrefix("${"), text.hasSuffix("}") {
            let property = String(text.dropFirst(2).dropLast())
            guard let definition = elements.first(where: { $0.path == ["project", "properties", property] }),
                  let propertySpan = definition.content else {
                // Maven's CI-friendly versions: the property comes from the command line or .mvn/maven.config.
                return .dynamic("the version is \(text), which this file does not define: Maven takes \(property) from -D\(property)=X.Y.Z on its command line or from .mvn/maven.config; set it there")
            }
            return .versions([VersionLocation(field: "<properties><\(property)>", range: propertySpan, in: bytes)])
        }
        return .versions([VersionLocation(field: "<project><version>", range: span, in: bytes)])
    }
}
