import Foundation
import Testing
@testable import SlipwayTUI

@Suite struct ThemeLoaderTests {
    static let repositoryThemes: String = {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("themes").path
    }()

    @Test(arguments: ["default", "light", "high-contrast", "mono"])
    func everyShippedThemeLoads(name: String) throws {
        let theme = try ThemeLoader(searchFolders: [Self.repositoryThemes]).load(name)
        #expect(theme.name == name)
        #expect(theme.usesColor == (name != "mono"))
        for role in StyleRole.allCases { _ = theme.style(role) }
    }

    @Test func everyFileInThemesIsAValidTheme() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.repositoryThemes).filter { $0.hasSuffix(".json") }
        #expect(files.count >= 4)
        for file in files {
            let data = try #require(FileManager.default.contents(atPath: Self.repositoryThemes + "/" + file))
            #expect(throws: Never.self) { try ThemeLoader.parse(data, source: file) }
        }
    }

    @Test func aThemeFileIsLaidOverTheDefaults() throws {
        let theme = try ThemeLoader.parse(Data(##"{"roles": {"accent": {"fg": "#ff8700", "underline": true}}}"##.utf8), source: "mine.json")
        #expect(theme.name == "mine")
        #expect(theme.style(.accent) == RoleStyle(foreground: .indexed(208), bold: true, underline: true))
        #expect(theme.style(.error) == Theme.builtIn.style(.error))
    }

    @Test func badThemeFilesSayWhatIsWrong() {
        let cases: [(String, String)] = [
            ("not json", "is not valid JSON"),
            (#"[1]"#, "must be a JSON object"),
            (#"{"roles": {"sparkle": {}}}"#, "unknown role \"sparkle\""),
            (#"{"roles": {"accent": {"fg": "tomato"}}}"#, "roles.accent.fg: tomato is not a colour"),
            (#"{"roles": {"accent": {"blink": true}}}"#, "unknown field \"blink\""),
        ]
        for (text, problem) in cases {
            #expect {
                try ThemeLoader.parse(Data(text.utf8), source: "bad.json")
            } throws: { error in
                (error as? ThemeError)?.problem.contains(problem) == true
            }
        }
    }

    @Test func resolutionOrderAndFallbacks() throws {
        let folder = NSTemporaryDirectory() + "slipway-themes-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data("{ not json".utf8).write(to: URL(fileURLWithPath: folder + "/broken.json"))
        let loader = ThemeLoader(searchFolders: [Self.repositoryThemes, folder])

        #expect(loader.resolve(option: nil, environment: [:]).theme.name == "default")
        #expect(loader.resolve(option: nil, environment: ["SLIPWAY_THEME": "light"]).theme.name == "light")
        #expect(loader.resolve(option: nil, environment: ["NO_COLOR": "1", "SLIPWAY_THEME": "light"]).theme.name == "mono")
        #expect(loader.resolve(option: "high-contrast", environment: ["NO_COLOR": "1"]).theme.name == "high-contrast")
        #expect(loader.resolve(option: Self.repositoryThemes + "/light.json", environment: [:]).theme.name == "light")

        let broken = loader.resolve(option: "broken", environment: [:])
        #expect(broken.theme.name == "default")
        #expect(broken.problem?.description == "theme \(folder)/broken.json: is not valid JSON; using the default theme")
        let missing = loader.resolve(option: "neon", environment: [:])
        #expect(missing.theme == Theme.builtIn)
        #expect(missing.problem?.description.contains("'neon': not found") == true)
        let noFolders = ThemeLoader(searchFolders: []).resolve(option: nil, environment: ["NO_COLOR": "1"])
        #expect(noFolders.theme == Theme.monoBuiltIn && noFolders.problem == nil)
    }

    @Test func standardFoldersCoverTheCheckoutTheInstallAndXDG() {
        let loader = ThemeLoader.standard(executablePath: "/opt/slipway/bin/slipway", workingDirectory: "/work/repo/sub",
                                          environment: ["HOME": "/home/ada", "XDG_DATA_HOME": "/data"])
        #expect(loader.searchFolders.contains("/opt/slipway/bin/themes"))
        #expect(loader.searchFolders.contains("/opt/slipway/share/slipway/themes"))
        #expect(loader.searchFolders.contains("/work/repo/themes"))
        #expect(loader.searchFolders.contains("/data/slipway/themes"))
        #expect(loader.searchFolders.contains("/usr/local/share/slipway/themes"))
    }

    @Test func aBinaryFoundOnPathStillFindsItsThemes() {
        #expect(ThemeLoader.currentExecutable().hasPrefix("/"))
    }

    @Test func coloursParseAndFoldForSmallTerminals() {
        #expect(ThemeColor(parsing: "bright-red") == .indexed(9))
        #expect(ThemeColor(parsing: "208") == .indexed(208))
        #expect(ThemeColor(parsing: "#000000") == .indexed(16))
        #expect(ThemeColor(parsing: "#ffffff") == .indexed(231))
        #expect(ThemeColor(parsing: "#808080") == .indexed(244))
        #expect(ThemeColor(parsing: "256") == nil)
        #expect(ThemeColor.indexed(9).limited(to: 8) == .indexed(1))
        #expect(ThemeColor.indexed(196).limited(to: 8) == .indexed(1))
    }
}
