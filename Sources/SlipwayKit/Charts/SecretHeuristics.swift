import Foundation

/// What a secret looks like in a chart: keys named for secret values, private key blocks, connection strings with
/// a password — and what a reference to a Kubernetes Secret looks like, which is fine.
enum SecretHeuristics {
    /// Endings of key names (lower case, separators removed) that hold a secret value.
    static let secretEndings = ["password", "passwd", "secret", "token", "apikey", "privatekey", "credentials",
                                "clientsecret", "accesskey", "secretkey", "secretaccesskey"]
    static func normalised(_ key: String) -> String {
        key.lowercased().filter { $0.isLetter || $0.isNumber }
    }

    /// Whether `key` names a secret value (`password`, `adminPassword`, `auth.token`, `API_KEY`) rather than a
    /// reference to one: a word after the secret word (`passwordKey`, `secretName`, `tokenFile`) or `existing…`
    /// (`existingSecret`) makes it a reference.
    static func namesSecretValue(_ key: String) -> Bool {
        let name = normalised(key)
        if name.hasPrefix("existing") { return false }
        return secretEndings.contains { name.hasSuffix($0) }
    }

    /// A value that is written out: not empty, not a template action, not a boolean or a number.
    static func isLiteral(_ value: String) -> Bool {
        let trimmed = value.trimmingCharacters(in: CharacterSet(charactersIn: " \"'"))
        if trimmed.isEmpty || trimmed.contains("{{") || trimmed == "~" || trimmed.lowercased() == "null" { return false }
        if ["true", "false", "yes", "no", "on", "off"].contains(trimmed.lowercased()) { return false }
        if trimmed.hasPrefix("$(") || trimmed.hasPrefix("${") { return false }
        return true
    }

    /// `-----BEGIN … PRIVATE KEY-----`.
    static func holdsPrivateKey(_ text: String) -> Bool {
        text.range(of: "-----BEGIN ([A-Z0-9]+ )*PRIVATE KEY-----", options: .regularExpression) != nil
    }

    /// `scheme://user:password@host` with a password written out.
    static func holdsPasswordInURL(_ text: String) -> Bool {
        guard let match = text.range(of: "[a-zA-Z][a-zA-Z0-9+.-]*://[^:/@\\s{}]+:([^@\\s{}]+)@", options: .regularExpression) else { return false }
        let password = text[match].split(separator: ":").dropFirst(2).joined(separator: ":").dropLast()
        return !password.isEmpty && !password.hasPrefix("$")
    }

    /// Environment variable names that hold secrets: `DB_PASSWORD`, `API_TOKEN`, `AWS_SECRET_ACCESS_KEY`.
    static func namesSecretVariable(_ name: String) -> Bool {
        namesSecretValue(name) || normalised(name).hasSuffix("secretaccesskey")
    }
}
