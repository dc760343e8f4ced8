import Testing
@testable import SlipwayKit

@Suite struct ChartManifestTests {
    static let chart = """
    apiVersion: v2
    name: web
    description: The web front end   # shown by helm search
    type: application
    # Chart version: moves with chart changes.
    version: 0.4.0
    appVersion: "1.0.0" # tracks the application release
    dependencies:
      - name: redis
        version: 1.0.0
        repository: oci://registry.example.com/charts
    annotations:
      appVersion: 1.0.0

    """

    @Test func byDefaultAppVersionTracksTheReleaseAndKeepsItsQuotesAndComment() throws {
        let after = try ManifestSample.edited(Self.chart, .chart, to: "1.1.0")
        #expect(ManifestSample.changedLines(Self.chart, after) == [7])
        #expect(after.contains("appVersion: \"1.1.0\" # tracks the application release\n"))
        #expect(after.contains("version: 0.4.0\n"))
    }

    @Test func versionFieldEditsThePlainChartVersion() throws {
        let after = try ManifestSample.edited(Self.chart, .chart, to: "0.5.0", field: "version")
        #expect(ManifestSample.changedLines(Self.chart, after) == [6])
    }

    @Test func bothFieldsEditBothLines() throws {
        let after = try ManifestSample.edited(Self.chart, .chart, to: "2.0.0", field: "both")
        #expect(ManifestSample.changedLines(Self.chart, after) == [6, 7])
    }

    @Test func singleQuotesAndNoFinalNewlineSurvive() throws {
        let before = "apiVersion: v2\r\nname: web\r\nversion: 0.1.0\r\nappVersion: '1.0.0'"
        #expect(try ManifestSample.edited(before, .chart, to: "1.0.1") == "apiVersion: v2\r\nname: web\r\nversion: 0.1.0\r\nappVersion: '1.0.1'")
    }

    @Test func badYAMLAndRepeatedKeysAreRefused() {
        #expect(ManifestSample.error("name: web\n\tversion: 1.0.0\n", .chart)?.line == 2)
        let twice = ManifestSample.error("appVersion: 1.0.0\nname: web\nappVersion: 1.0.1\n", .chart, path: "Chart.yaml")
        #expect(twice?.description == "Chart.yaml:3: the key appVersion appears twice (lines 1 and 3); keep one")
        #expect(ManifestSample.error("name web\n", .chart)?.line == 1)
        #expect(ManifestSample.error("appVersion: \"1.0.0\n", .chart)?.problem.contains("not closed") == true)
    }

    @Test func aMissingFieldOrAnUnknownFieldSettingIsAnError() {
        #expect(ManifestSample.error("name: web\nversion: 0.1.0\n", .chart)?.problem.contains("has no top-level appVersion") == true)
        #expect(ManifestSample.error("appVersion: 1.0.0\n", .chart, field: "image.tag")?.problem.contains("not appVersion, version or both") == true)
    }

    /// Chart.yaml as real charts write it: compact sequences, flow collections, block scalars, comments after
    /// values, anchors, a second document — only the version characters change.
    @Test func realYAMLAroundTheVersionIsKeptByteForByte() throws {
        let before = """
            # Source: charts/web
            apiVersion: v2
            name: web
            description: >-
              The web front end,
              folded over two lines.
            sources:
            - https://github.com/acme/web
            - https://acme.example/web
            keywords: [web, "shop: front", {kind: storefront}]
            annotations: &notes
              artifacthub.io/changes: |
                - kind: added
                  description: search
            version: '0.4.0'   # moves with the chart
            appVersion: "1.0.0"
            maintainers:
              - {name: Ada, email: ada@acme.example}
            ---
            # a second document Helm does not read
            version: 9.9.9

            """
        var after = try ManifestSample.edited(before, .chart, to: "1.1.0")
        #expect(after == before.replacingOccurrences(of: "appVersion: \"1.0.0\"", with: "appVersion: \"1.1.0\""))
        after = try ManifestSample.edited(before, .chart, to: "0.5.0", field: "version")
        #expect(after == before.replacingOccurrences(of: "version: '0.4.0'", with: "version: '0.5.0'"))
        #expect(after.hasSuffix("version: 9.9.9\n"), "the second document is left alone")
    }

    @Test func aVersionThatCannotBeEditedInPlaceIsNamed() {
        #expect(ManifestSample.error("name: web\nappVersion: |\n  1.0.0\n", .chart)?.problem == "appVersion is not a plain value; write appVersion: X.Y.Z")
        #expect(ManifestSample.error("name: web\nappVersion: [1.0.0]\n", .chart)?.problem == "appVersion is not a plain value; write appVersion: X.Y.Z")
        #expect(ManifestSample.error("name: web\nappVersion:\n", .chart)?.problem == "appVersion has no value on its line; write appVersion: X.Y.Z")
        #expect(ManifestSample.error("name: web\nappVersion: \"1.0\\u002E0\"\n", .chart)?.problem.contains("with escapes") == true)
    }
}
