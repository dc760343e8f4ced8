import SlipwayKit

/// `slipway semver check V...` and `slipway semver sort V...`.
enum SemverCommand {
    static let spec = SubcommandSpec(
        name: "semver",
        usage: "semver check V... | semver sort V...",
        summary: """
        check: prints 'valid' or 'invalid: reason' for each version, one a line (exit 1 when any is invalid).
        sort: prints the valid versions in ascending SemVer 2.0.0 precedence; invalid ones are named on stderr (exit 2).
        """,
        options: [])

    static func run(_ arguments: [String]) throws -> Int32 {
        guard let parsed = try spec.parse(arguments) else { return 0 }
        guard let action = parsed.positional.first else { throw UsageError("semver: say check or sort (see slipway semver --help)") }
        let versions = Array(parsed.positional.dropFirst())
        guard !versions.isEmpty else { throw UsageError("semver \(action): give at least one version") }
        switch action {
        case "check":
            var allValid = true
            for text in versions {
                do {
                    _ = try SemanticVersion(parsing: text)
                    print("valid")
                } catch {
                    allValid = false
                    print("invalid: \(error.description)")
                }
            }
            return allValid ? 0 : 1
        case "sort":
            var valid: [SemanticVersion] = []
            var invalid: [String] = []
            for text in versions {
                do { valid.append(try SemanticVersion(parsing: text)) } catch { invalid.append(error.description) }
            }
            // Stable: equal precedence keeps the order given (build metadata differs only).
            for version in valid.enumerated().sorted(by: { $0.element == $1.element ? $0.offset < $1.offset : $0.element < $1.element }) {
                print(version.element.description)
            }
            for problem in invalid { Output.error(problem) }
            return invalid.isEmpty ? 0 : 2
        default:
            throw UsageError("semver: unknown action '\(action)'; use check or sort")
        }
    }
}
