/// Django: `RunPython` needs `reverse_code` and `RunSQL` needs `reverse_sql`; schema operations reverse themselves.
enum DjangoDetector {
    static func assess(added: [MigrationFile]) -> [MigrationFinding] {
        added.compactMap { file in
            guard file.name.hasSuffix(".py"), file.text.contains("class Migration") else { return nil }
            for (operation, reverse) in [("RunPython", "reverse_code"), ("RunSQL", "reverse_sql")] {
                var search = file.text.startIndex
                while let found = file.text.range(of: operation + "(", range: search..<file.text.endIndex) {
                    search = found.upperBound
                    let open = file.text.index(before: found.upperBound)
                    guard let arguments = MigrationReversibility.balanced(file.text, from: open) else { continue }
                    if !arguments.contains(reverse) && !hasSecondPositional(arguments) {
                        return MigrationFinding(path: file.path, reversible: false, reason: "\(operation) without \(reverse)")
                    }
                    if arguments.contains("\(reverse)=None") {
                        return MigrationFinding(path: file.path, reversible: false, reason: "\(operation) with \(reverse)=None")
                    }
                }
            }
            return MigrationFinding(path: file.path, reversible: true, reason: "every operation can be reversed")
        }
    }

    /// True when the call has a second argument that is not a keyword (`RunPython(forward, backward)`).
    static func hasSecondPositional(_ arguments: Substring) -> Bool {
        var depth = 0
        var quote: Character?
        var parts: [String] = [""]
        for character in arguments {
            if let active = quote {
                if character == active { quote = nil }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if "([{".contains(character) {
                depth += 1
            } else if ")]}".contains(character) {
                depth -= 1
            } else if character == ",", depth == 0 {
                parts.append("")
                continue
            }
            parts[parts.count - 1].append(character)
        }
        let positional = parts.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty && !$0.contains("=") }
        return positional.count >= 2
    }
}
