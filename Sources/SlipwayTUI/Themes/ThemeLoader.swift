import Foundation

/// Finds and reads theme files. A theme file is JSON:
/// `{"name": "light", "color": true, "roles": {"accent": {"fg": "blue", "bold": true}, …}}`;
/// roles and fields left out keep the built-in default.
public struct ThemeLoader: Sendable {
    /// Folders searched for `NAME.json`, in order.
    public let searchFolders: [String]

    public init(searchFolders: [String]) {
        self.searchFolders = searchFolders
    }

    /// The usual folders: `themes/` next to the executable or in a folder above it (a checkout's build
    /// products), above the working directory (running from the repository), `../share/slipway/themes`
    /// beside the binary, `$XDG_DATA_HOME/slipway/themes` (default `~/.local/share`), and
    /// `/usr/local/share/slipway/themes`, `/usr/share/slipway/themes`.
    public static func standard(executablePath: String = currentExecutable(),
                                workingDirectory: String = FileManager.default.currentDirectoryPath,
                                environment: [String: String] = ProcessInfo.processInfo.environment) -> ThemeLoader {
        var folders: [String] = []
        let executable = URL(fileURLWithPath: executablePath, relativeTo: URL(fileURLWithPath: workingDirectory, isDirectory: true))
            .resolvingSymlinksInPath()
        let binDirectory = executable.deletingLastPathComponent()
        folders += ancestors(of: binDirectory.path).map { $0 + "/themes" }
        folders.append(binDirectory.deletingLastPathComponent().path + "/share/slipway/themes")
        folders += ancestors(of: workingDirectory).map { $0 + "/themes" }
        let home = environment["HOME"] ?? NSHomeDirectory()
        let dataHome = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? home + "/.local/share"
        folders.append(dataHome + "/slipway/themes")
        folders += ["/usr/local/share/slipway/themes", "/usr/share/slipway/themes"]
        var seen = Set<String>()
        return ThemeLoader(searchFolders: folders.filter { seen.insert($0).inserted })
    }

    /// The running binary's path (`/proc/self/exe` on Linux: `argv[0]` may be a bare name found on PATH).
    public static func currentExecutable() -> String {
        if let resolved = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return resolved }
        return Bundle.main.executablePath ?? CommandLine.arguments.first ?? ""
    }

    private static func ancestors(of path: String) -> [String] {
        var result: [String] = []
        var url = URL(fileURLWithPath: path).standardizedFileURL
        for _ in 0..<12 {
            result.append(url.path)
            let parent = url.deletingLastPathComponent()
            if parent.path == url.path { break }
            url = parent
        }
        return result
    }

    /// The theme to use: `--theme` first, then `NO_COLOR` (mono), then `SLIPWAY_THEME`, then `default`.
    /// A theme that cannot be found or read gives the built-in default and the error to show.
    public func resolve(option: String?, environment: [String: String]) -> (theme: Theme, problem: ThemeError?) {
        let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
        let requested: String
        if let option, !option.isEmpty {
            requested = option
        } else if noColor {
            requested = "mono"
        } else if let named = environment["SLIPWAY_THEME"], !named.isEmpty {
            requested = named
        } else {
            requested = "default"
        }
        do {
            return (try load(requested), nil)
        } catch {
            let fallback = noColor ? Theme.monoBuiltIn : Theme.builtIn
            if requested == "default" || requested == "mono", error.kind == .notFound {
                return (fallback, nil)
            }
            return (fallback, error)
        }
    }

    /// Loads a theme by name (searched in `searchFolders`) or by path (anything with a `/` or ending in `.json`).
    public func load(_ nameOrPath: String) throws(ThemeError) -> Theme {
        let path: String
        if nameOrPath.contains("/") || nameOrPath.hasSuffix(".json") {
            path = nameOrPath
        } else {
            guard let found = searchFolders.map({ $0 + "/" + nameOrPath + ".json" })
                .first(where: { FileManager.default.fileExists(atPath: $0) }) else {
                throw ThemeError(.notFound, source: "'\(nameOrPath)'", problem: "not found (try --theme PATH)")
            }
            path = found
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ThemeError(.notFound, source: path, problem: "cannot be read")
        }
        return try Self.parse(data, source: path)
    }

    /// Reads a theme file's JSON laid over the built-in defaults.
    public static func parse(_ data: Data, source: String) throws(ThemeError) -> Theme {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw ThemeError(source: source, problem: "is not valid JSON")
        }
        guard let root = object as? [String: Any] else { throw ThemeError(source: source, problem: "must be a JSON object") }
        let usesColor = root["color"] as? Bool ?? true
        var theme = usesColor ? Theme.builtIn : Theme.monoBuiltIn
        theme.name = root["name"] as? String ?? URL(fileURLWithPath: source).deletingPathExtension().lastPathComponent
        theme.usesColor = usesColor
        guard let roles = root["roles"] as? [String: Any] else {
            throw ThemeError(source: source, problem: "has no \"roles\" object")
        }
        for (key, value) in roles {
            guard let role = StyleRole(rawValue: key) else {
                let known = StyleRole.allCases.map(\.rawValue).joined(separator: ", ")
                throw ThemeError(source: source, problem: "unknown role \"\(key)\" (roles: \(known))")
            }
            guard let fields = value as? [String: Any] else {
                throw ThemeError(source: source, problem: "role \"\(key)\" must be an object")
            }
            var style = theme.style(role)
            for (field, raw) in fields {
                switch field {
                case "fg", "bg":
                    guard let text = raw as? String, let color = ThemeColor(parsing: text) else {
                        throw ThemeError(source: source, problem: "roles.\(key).\(field): \(raw) is not a colour (a name, bright-NAME, 0–255 or #rrggbb)")
                    }
                    if field == "fg" { style.foreground = color } else { style.background = color }
                case "bold", "underline", "reverse", "dim":
                    guard let flag = raw as? Bool else {
                        throw ThemeError(source: source, problem: "roles.\(key).\(field) must be true or false")
                    }
                    switch field {
                    case "bold": style.bold = flag
                    case "underline": style.underline = flag
                    case "reverse": style.reverse = flag
                    default: style.dim = flag
                    }
                default:
                    throw ThemeError(source: source, problem: "roles.\(key): unknown field \"\(field)\" (fg, bg, bold, underline, reverse, dim)")
                }
            }
            theme.styles[role] = style
        }
        return theme
    }
}
