/// Reads migration files from the repository at two release tags.
public enum MigrationScan {
    /// The files added under `settings.path` between `from` and `to`, and every file there at `to`.
    public static func collect(_ repository: GitRepository, settings: MigrationSettings, from: String, to: String)
        throws(GitError) -> (added: [MigrationFile], all: [MigrationFile]) {
        let folder = settings.path.hasSuffix("/") ? String(settings.path.dropLast()) : settings.path
        let listed = try repository.git(["ls-tree", "-r", "--name-only", to, "--", folder]).text
            .split(separator: "\n").map(String.init)
        let addedPaths = Set(try repository.git(["diff", "--name-only", "--no-renames", "--diff-filter=A", from, to, "--", folder]).text
            .split(separator: "\n").map(String.init))
        var all: [MigrationFile] = []
        for path in listed {
            guard let data = try repository.show(path, at: to) else { continue }
            all.append(MigrationFile(path: path, text: String(decoding: data, as: UTF8.self)))
        }
        return (all.filter { addedPaths.contains($0.path) }, all)
    }
}
