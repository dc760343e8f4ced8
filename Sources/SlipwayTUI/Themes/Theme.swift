/// A named mapping from every `StyleRole` to a `RoleStyle`.
public struct Theme: Sendable, Hashable {
    public var name: String
    /// `false` for a theme that uses attributes only (`mono`, `NO_COLOR`).
    public var usesColor: Bool
    public var styles: [StyleRole: RoleStyle]

    public init(name: String, usesColor: Bool, styles: [StyleRole: RoleStyle]) {
        self.name = name
        self.usesColor = usesColor
        self.styles = styles
    }

    public func style(_ role: StyleRole) -> RoleStyle {
        styles[role] ?? styles[.text] ?? RoleStyle()
    }

    /// The built-in defaults every theme file is laid over.
    public static let builtIn: Theme = {
        func color(_ name: String) -> ThemeColor { ThemeColor(parsing: name) ?? .terminalDefault }
        let styles: [StyleRole: RoleStyle] = [
            .text: RoleStyle(),
            .muted: RoleStyle(foreground: color("bright-black")),
            .accent: RoleStyle(foreground: color("cyan"), bold: true),
            .ok: RoleStyle(foreground: color("green")),
            .warn: RoleStyle(foreground: color("yellow")),
            .error: RoleStyle(foreground: color("red"), bold: true),
            .selection: RoleStyle(foreground: color("black"), background: color("cyan")),
            .breaking: RoleStyle(foreground: color("red"), bold: true),
            .feature: RoleStyle(foreground: color("green")),
            .fix: RoleStyle(foreground: color("yellow")),
            .header: RoleStyle(foreground: color("white"), background: color("blue"), bold: true),
            .footer: RoleStyle(foreground: color("black"), background: color("white")),
            .tabActive: RoleStyle(foreground: color("black"), background: color("cyan"), bold: true),
            .tabInactive: RoleStyle(foreground: color("bright-black")),
            .border: RoleStyle(foreground: color("blue")),
            .title: RoleStyle(foreground: color("cyan"), bold: true),
            .key: RoleStyle(foreground: color("cyan"), bold: true),
            .overlay: RoleStyle(),
            .input: RoleStyle(underline: true),
            .marked: RoleStyle(foreground: color("magenta"), bold: true),
            .dryRun: RoleStyle(foreground: color("black"), background: color("yellow"), bold: true),
        ]
        return Theme(name: "default", usesColor: true, styles: styles)
    }()

    /// Attributes only: what `NO_COLOR` gets when no `mono.json` is found.
    public static let monoBuiltIn: Theme = {
        let styles: [StyleRole: RoleStyle] = [
            .text: RoleStyle(), .muted: RoleStyle(dim: true), .accent: RoleStyle(bold: true),
            .ok: RoleStyle(), .warn: RoleStyle(bold: true), .error: RoleStyle(bold: true, underline: true),
            .selection: RoleStyle(reverse: true), .breaking: RoleStyle(bold: true), .feature: RoleStyle(),
            .fix: RoleStyle(), .header: RoleStyle(reverse: true), .footer: RoleStyle(reverse: true),
            .tabActive: RoleStyle(bold: true, reverse: true), .tabInactive: RoleStyle(), .border: RoleStyle(),
            .title: RoleStyle(bold: true), .key: RoleStyle(bold: true), .overlay: RoleStyle(),
            .input: RoleStyle(underline: true), .marked: RoleStyle(bold: true), .dryRun: RoleStyle(bold: true, reverse: true),
        ]
        return Theme(name: "mono", usesColor: false, styles: styles)
    }()
}
