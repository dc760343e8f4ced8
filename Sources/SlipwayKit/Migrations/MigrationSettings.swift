/// `migrations` in `.slipway.json`: which tool writes the database migrations, and where they live.
public struct MigrationSettings: Sendable, Hashable {
    /// The migration tool, as `migrations.kind` names it.
    public enum Kind: String, Sendable, CaseIterable {
        case golangMigrate = "golang-migrate"
        case sqlx, flyway, liquibase, alembic, django, rails, knex, prisma
    }

    public var kind: Kind
    /// The folder, relative to the repository root.
    public var path: String

    public init(kind: Kind, path: String) {
        self.kind = kind
        self.path = path
    }

    init(_ node: ConfigNode) throws(ConfigError) {
        let members = try node.members(allowed: ["kind", "path"])
        guard let kindNode = members["kind"] else {
            throw node.error("needs a \"kind\": \(Kind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard let pathNode = members["path"] else { throw node.error("needs a \"path\" (the migrations folder)") }
        kind = Kind(rawValue: try kindNode.choice(Kind.allCases.map(\.rawValue))) ?? .golangMigrate
        path = try pathNode.string()
        if path.hasPrefix("/") || path.split(separator: "/").contains("..") {
            throw pathNode.error("'\(path)' must be a folder inside the repository")
        }
    }
}
