import Foundation

/// Judges whether migrations can be undone, with one detector per migration tool.
public enum MigrationReversibility {
    /// A finding for each migration among `added` (paths new since the rollback target); `all` is every file in
    /// the migrations folder at the deployed version, where companions such as down scripts are looked up.
    public static func assess(_ kind: MigrationSettings.Kind, added: [MigrationFile], all: [MigrationFile]) -> [MigrationFinding] {
        switch kind {
        case .golangMigrate, .sqlx: return SQLPairDetector.assess(added: added, all: all, allowsSimple: kind == .sqlx)
        case .flyway: return FlywayDetector.assess(added: added, all: all)
        case .liquibase: return LiquibaseDetector.assess(added: added)
        case .alembic: return AlembicDetector.assess(added: added)
        case .django: return DjangoDetector.assess(added: added)
        case .rails: return RailsDetector.assess(added: added)
        case .knex: return KnexDetector.assess(added: added)
        case .prisma: return PrismaDetector.assess(added: added, all: all)
        }
    }

    /// `text` without SQL comments and blank space.
    static func sqlBody(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline)
            .map { line -> Substring in
                let trimmed = line.drop(while: { $0 == " " || $0 == "\t" })
                return trimmed.hasPrefix("--") ? "" : trimmed
            }
            .joined().trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The text between the `(` at `open` and its matching `)`.
    static func balanced(_ text: String, from open: String.Index, open opening: Character = "(", close closing: Character = ")") -> Substring? {
        var depth = 0
        var quote: Character?
        var index = open
        while index < text.endIndex {
            let character = text[index]
            if let active = quote {
                if character == active { quote = nil }
            } else if character == "\"" || character == "'" || character == "`" {
                quote = character
            } else if character == opening {
                depth += 1
            } else if character == closing {
                depth -= 1
                if depth == 0 { return text[text.index(after: open)..<index] }
            }
            index = text.index(after: index)
        }
        return nil
    }
}
