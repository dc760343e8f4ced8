import Foundation

/// The engine's messages name the headless command that does the next thing (`run slipway hotfix prepare
/// 1.2.1`), because the CLI prints them too. In the console a key does it: `KeyHints.keyed` names the key and
/// its panel instead. A command with an option the console has no key for (`--override-reason`, `--resend`,
/// `--watch`, `--take-over`, `--package`) is left as it is.
public enum KeyHints {
    /// `(pattern, replacement)`: the pattern matches the command with its arguments, optionally in backticks.
    static let rules: [(NSRegularExpression, String)] = [
        (#"slipway env rollback \S+ --drill"#, "D on the Rollback panel (6)"),
        (#"slipway env rollback \S+( --to \S+)? --confirm \S+"#, "R on the Rollback panel (6)"),
        (#"slipway env hold \S+ --clear"#, "h on the Environments panel (5)"),
        (#"slipway env promote \S+"#, "p on the Environments panel (5)"),
        (#"slipway env verify \S++(?! --watch)"#, "v on the Environments panel (5)"),
        (#"slipway env status"#, "the Environments panel (5)"),
        (#"slipway env readiness( \S+)?"#, "the Rollback panel (6)"),
        (#"slipway release (prepare|open-pr|merge|tag)(?! --)"#, "Enter on the Release panel (3)"),
        (#"slipway release approve"#, "a on the Approvals panel (4)"),
        (#"slipway release notify(?! --resend)"#, "n on the Release panel (3)"),
        (#"slipway release status"#, "the Release panel (3)"),
        (#"slipway artefacts verify"#, "v on the Release panel (3)"),
        (#"slipway hotfix prepare \d[0-9A-Za-z.+-]*+(?! --override-reason)"#, "p on the Hotfixes panel (7)"),
        (#"slipway hotfix approve \d[0-9A-Za-z.+-]*+"#, "a on the Hotfixes panel (7)"),
        (#"slipway hotfix merge \d[0-9A-Za-z.+-]*+(?! --override-reason)"#, "m on the Hotfixes panel (7)"),
        (#"slipway hotfix tag \d[0-9A-Za-z.+-]*+"#, "t on the Hotfixes panel (7)"),
        (#"slipway hotfix backport \d[0-9A-Za-z.+-]*+"#, "b on the Hotfixes panel (7)"),
        (#"slipway hotfix start( --from \S+)?( --version \S+)?"#, "s on the Hotfixes panel (7)"),
        (#"slipway hotfix status"#, "the Hotfixes panel (7)"),
        (#"slipway hotfix approve-backport \d[0-9A-Za-z.+-]*+"#, "A on the Hotfixes panel (7)"),
        (#"slipway hotfix merge-backport \d[0-9A-Za-z.+-]*+"#, "B on the Hotfixes panel (7)"),
    ].map { pattern, replacement in
        // Optional backticks around the command, and an optional "run " before it: "run `slipway …`" → "press D …".
        // The patterns are fixed strings of this file; a typo is a programming error caught by the tests.
        // swiftlint:disable:next force_try
        (try! NSRegularExpression(pattern: #"(?:\bruns? )?`?"# + pattern + #"`?"#), replacement)
    }

    /// `text` with each console-reachable command replaced by its key; "run(s)" becomes "press(es)".
    public static func keyed(_ text: String) -> String {
        guard text.contains("slipway ") else { return text }
        var result = text
        for (expression, replacement) in rules {
            let range = NSRange(result.startIndex..., in: result)
            let matches = expression.matches(in: result, range: range).reversed()
            for match in matches {
                guard let swapped = Range(match.range, in: result) else { continue }
                let matched = result[swapped]
                let said = matched.hasPrefix("runs ") ? "presses " + replacement : matched.hasPrefix("run ") ? "press " + replacement : replacement
                result.replaceSubrange(swapped, with: said)
            }
        }
        return result
    }
}
