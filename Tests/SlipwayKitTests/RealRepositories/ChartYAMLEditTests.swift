import Foundation
import Testing
@testable import SlipwayKit

/// A Chart.yaml written the many ways YAML allows — an unindented sequence, flow collections, quoted and block
/// scalars, comments after values, a second document — is read, and set-version changes only the version's
/// characters.
@Suite struct ChartYAMLEditTests {
    static let chart = """
    # the web chart
    apiVersion: v2
    name: web
    description: >-
      A folded description
      over two lines
    sources:
    - https://github.com/acme/web
    - "https://example.com/x"
    keywords: [web, "api", 'x']
    maintainers:
      - {name: Ada, email: "ada@x"}
    version: "0.3.0"   # the chart's version
    appVersion: '1.2.0' # the app
    annotations:
      note: |
        appVersion: 9.9.9 is not the version
    ---
    # a second document
    kind: Other
    appVersion: 5.5.5

    """

    @Test func onlyTheVersionCharactersChange() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try FileManager.default.createDirectory(atPath: box.root + "/charts/web", withIntermediateDirectories: true)
        try Data(Self.chart.utf8).write(to: URL(fileURLWithPath: box.root + "/charts/web/Chart.yaml"))
        try box.git("add", ".")
        try box.commit("chore: init")
        let show = try SlipwayBinary.run(["manifest", "show", "--repo", box.root])
        #expect(show.code == 0 && show.stdout.contains("appVersion = 1.2.0  (line 14)"), "\(show.stdout) \(show.stderr)")
        let set = try SlipwayBinary.run(["manifest", "set-version", "--version", "1.3.0", "--file", "charts/web/Chart.yaml", "--repo", box.root])
        #expect(set.code == 0, "\(set.stderr)")
        let after = try String(contentsOfFile: box.root + "/charts/web/Chart.yaml", encoding: .utf8)
        #expect(after == Self.chart.replacingOccurrences(of: "appVersion: '1.2.0' # the app", with: "appVersion: '1.3.0' # the app"))
    }

    @Test func bothVersionsAreFoundWhereTheyAre() throws {
        let reading = try ChartManifest.read(Array(Self.chart.utf8), file: "Chart.yaml", fields: ["version", "appVersion"])
        guard case .versions(let locations) = reading else { Issue.record("\(reading)"); return }
        #expect(locations.map(\.value) == ["0.3.0", "1.2.0"])
        #expect(locations.map(\.line) == [13, 14])
    }
}
