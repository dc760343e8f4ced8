/// The strict SemVer 2.0.0 grammar.
enum SemanticVersionParser {
    // Long because it is SemVer 2.0.0's grammar in order, each error naming its part.
    static func parse(_ input: String) throws(SemanticVersionError) -> SemanticVersion {
        func fail(_ reason: SemanticVersionError.Reason) -> SemanticVersionError {
            SemanticVersionError(input: input, reason: reason)
        }
        if input.isEmpty { throw fail(.empty) }
        if input.unicodeScalars.contains(where: { $0.properties.isWhitespace }) { throw fail(.whitespace) }

        var rest = Substring(input)
        var buildText: Substring?
        if let plus = rest.firstIndex(of: "+") {
            buildText = rest[rest.index(after: plus)...]
            rest = rest[..<plus]
        }
        var prereleaseText: Substring?
        if let dash = rest.firstIndex(of: "-") {
            prereleaseText = rest[rest.index(after: dash)...]
            rest = rest[..<dash]
        }

        let numbers = rest.split(separator: ".", omittingEmptySubsequences: false)
        let names = ["major", "minor", "patch"]
        if numbers.count > 3 { throw fail(.extraComponent) }
        var values: [VersionNumber] = []
        for (index, name) in names.enumerated() {
            guard index < numbers.count, !numbers[index].isEmpty else {
                if index < numbers.count || index > 0 || !rest.isEmpty {
                    throw fail(.missingComponent(name))
                }
                throw fail(.missingComponent(name))
            }
            let text = numbers[index]
            guard text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else {
                throw fail(.notANumber(component: name, value: String(text)))
            }
            if text.count > 1, text.first == "0" { throw fail(.leadingZero(component: name, value: String(text))) }
            values.append(VersionNumber(digits: text)!)
        }

        var prerelease: [PrereleaseIdentifier] = []
        if let prereleaseText {
            for identifier in prereleaseText.split(separator: ".", omittingEmptySubsequences: false) {
                if identifier.isEmpty { throw fail(.emptyIdentifier(part: "pre-release")) }
                guard identifier.utf8.allSatisfy(isIdentifierByte) else {
                    throw fail(.invalidCharacter(part: "pre-release", identifier: String(identifier)))
                }
                if identifier.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) {
                    if identifier.count > 1, identifier.first == "0" {
                        throw fail(.leadingZeroInPrerelease(String(identifier)))
                    }
                    prerelease.append(.numeric(VersionNumber(digits: identifier)!))
                } else {
                    prerelease.append(.alphanumeric(String(identifier)))
                }
            }
        }

        var build: [String] = []
        if let buildText {
            for identifier in buildText.split(separator: ".", omittingEmptySubsequences: false) {
                if identifier.isEmpty { throw fail(.emptyIdentifier(part: "build metadata")) }
                guard identifier.utf8.allSatisfy(isIdentifierByte) else {
                    throw fail(.invalidCharacter(part: "build metadata", identifier: String(identifier)))
                }
                build.append(String(identifier))
            }
        }
        return SemanticVersion(major: values[0], minor: values[1], patch: values[2],
                               prerelease: prerelease, build: build)
    }

    private static func isIdentifierByte(_ byte: UInt8) -> Bool {
        (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122) || byte == 45
    }
}
