/// A colour as a theme file names it: a terminal default, one of the 16 ANSI names, a 256-colour index,
/// or `#rrggbb` (drawn as the nearest of the 256).
public enum ThemeColor: Sendable, Hashable {
    case terminalDefault
    case indexed(Int)

    static let names = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]

    /// Parses `default`, `red`, `bright-red`, `208`, `#ff8800`; `nil` for anything else.
    public init?(parsing text: String) {
        let name = text.lowercased()
        if name == "default" || name == "none" { self = .terminalDefault; return }
        if let index = Self.names.firstIndex(of: name) { self = .indexed(index); return }
        if name.hasPrefix("bright-"), let index = Self.names.firstIndex(of: String(name.dropFirst(7))) {
            self = .indexed(index + 8)
            return
        }
        if let index = Int(name), (0...255).contains(index) { self = .indexed(index); return }
        if name.hasPrefix("#"), name.count == 7, let rgb = Int(name.dropFirst(), radix: 16) {
            self = .indexed(Self.nearest256(red: (rgb >> 16) & 0xFF, green: (rgb >> 8) & 0xFF, blue: rgb & 0xFF))
            return
        }
        return nil
    }

    /// The xterm 256-colour index closest to an RGB colour (6×6×6 cube or the grey ramp).
    static func nearest256(red: Int, green: Int, blue: Int) -> Int {
        let levels = [0, 95, 135, 175, 215, 255]
        func cubeIndex(_ value: Int) -> Int {
            var best = 0
            for (index, level) in levels.enumerated() where abs(level - value) < abs(levels[best] - value) { best = index }
            return best
        }
        let r = cubeIndex(red), g = cubeIndex(green), b = cubeIndex(blue)
        let cube = 16 + 36 * r + 6 * g + b
        let cubeDistance = sq(levels[r] - red) + sq(levels[g] - green) + sq(levels[b] - blue)
        let average = (red + green + blue) / 3
        let grey = min(23, max(0, (average - 8 + 5) / 10))
        let greyLevel = 8 + 10 * grey
        let greyDistance = sq(greyLevel - red) + sq(greyLevel - green) + sq(greyLevel - blue)
        return greyDistance < cubeDistance ? 232 + grey : cube
    }

    private static func sq(_ value: Int) -> Int { value * value }

    /// The colour on a terminal with only `available` colours (8 or 16): indexes above fold to the basic eight.
    func limited(to available: Int) -> ThemeColor {
        guard case .indexed(let index) = self, index >= available else { return self }
        if index < 16 { return .indexed(index - 8) }
        if index >= 232 { return .indexed(index >= 244 ? 7 : 0) }
        let cube = index - 16
        let r = cube / 36 >= 3 ? 1 : 0, g = (cube / 6) % 6 >= 3 ? 1 : 0, b = cube % 6 >= 3 ? 1 : 0
        return .indexed(r | g << 1 | b << 2)
    }
}
