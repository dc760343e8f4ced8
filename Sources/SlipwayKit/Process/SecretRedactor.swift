import Foundation

/// Hides tokens, passwords in URLs and the values of secret-bearing flags before a command is shown or logged.
public enum SecretRedactor {
    public static let mask = "••••"

    private static let secretFlags: Set<String> = [
        "--password", "--token", "-p", "--pass", "--api-key", "--apikey", "--secret", "--auth-token",
        "--creds", "--src-creds", "--dest-creds", "--registry-token", "--otp", "--access-token",
    ]
    private static let secretKeyWords = ["password", "passwd", "token", "secret", "apikey", "api_key", "api-key", "credential"]

    public static func redact(_ arguments: [String]) -> [String] {
        var result: [String] = []
        result.reserveCapacity(arguments.count)
        var hideNext = false
        for (index, argument) in arguments.enumerated() {
            if hideNext {
                result.append(mask)
                hideNext = false
                continue
            }
            // `-p` is a secret only for programs that use it for a password.
            if index > 0, secretFlags.contains(argument), argument != "-p" || passwordDashP(arguments[0]) {
                result.append(argument)
                hideNext = true
                continue
            }
            result.append(redact(argument))
        }
        return result
    }

    /// Redacts one string: `--password=…`, `TOKEN=…`, `https://user:secret@host`, `Authorization: Bearer …`, tokens.
    public static func redact(_ text: String) -> String {
        var text = text
        if let eq = text.firstIndex(of: "=") {
            let key = text[..<eq].lowercased()
            if secretKeyWords.contains(where: { key.contains($0) }) {
                return String(text[...eq]) + mask
            }
        }
        text = replace(in: text, pattern: #"(://[^/\s:@]+:)[^@/\s]+@"#, template: "$1\(mask)@")
        text = replace(in: text, pattern: #"(?i)(authorization:\s*(bearer|basic|token)\s+)\S+"#, template: "$1\(mask)")
        text = replace(in: text, pattern: #"\b(gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,}|glpat-[A-Za-z0-9_\-]{16,}|npm_[A-Za-z0-9]{30,}|pypi-[A-Za-z0-9_\-]{30,})"#,
                       template: mask)
        return text
    }

    private static func passwordDashP(_ program: String) -> Bool {
        let name = (program as NSString).lastPathComponent
        return ["twine", "docker", "skopeo", "helm", "mysql", "npm", "podman"].contains(name)
    }

    private static func replace(in text: String, pattern: String, template: String) -> String {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return text }
        let range = NSRange(text.startIndex..., in: text)
        return regex.stringByReplacingMatches(in: text, range: range, withTemplate: template)
    }
}
