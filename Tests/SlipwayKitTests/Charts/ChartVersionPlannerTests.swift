import Foundation
import Testing
@testable import SlipwayKit

/// The chart's own version, proposed from the commits that touched its folder, on real git histories.
@Suite struct ChartVersionPlannerTests {
    static func chart(version: String, appVersion: String) -> String {
        "apiVersion: v2\nname: web\n# the chart's own version\nversion: \(version)\nappVersion: \"\(appVersion)\"\nsources:\n- https://github.com/acme/web\n"
    }

    /// An app released as v1.0.0 with its chart at `chartVersion`.
    static func released(chartVersion: String = "0.3.0") throws -> TestRepository {
        let repository = try TestRepository()
        try repository.write("charts/web/values.yaml", "replicaCount: 1\n")
        try repository.write("package.json", "{\n  \"name\": \"web\",\n  \"version\": \"1.0.0\"\n}\n")
        try repository.write("CHANGELOG.md", "# Changelog\n\n## [Unreleased]\n\n## [1.0.0] - 2026-01-01\n- First.\n")
        try repository.commitFile("charts/web/Chart.yaml", Self.chart(version: chartVersion, appVersion: "1.0.0"), message: "chore(release): 1.0.0")
        try repository.git(["add", "-A"])
        try repository.commit("chore: the rest")
        try repository.tag("v1.0.0")
        return repository
    }

    func proposals(_ repository: TestRepository, config: SlipwayConfig = SlipwayConfig()) throws -> [ChartVersionProposal] {
        let git = try repository.repository()
        let proposal = try VersionPlanner(repository: git, config: config, overrides: ReleaseOverrides()).propose()
        return ChartVersionPlanner(repository: git, config: config).propose(for: proposal)
    }

    @Test func aFeatureInTheChartIsAMinorBumpOfTheChart() throws {
        let repository = try Self.released()
        try repository.commitFile("charts/web/values.yaml", "replicaCount: 2\n", message: "feat(chart): two replicas by default")
        try repository.commitFile("src/app.js", "x\n", message: "fix: crash on start")
        let chart = try #require(try proposals(repository).first)
        #expect(chart.path == "charts/web" && chart.file == "charts/web/Chart.yaml")
        #expect(chart.current == "0.3.0" && chart.next?.description == "0.4.0" && chart.bump == .minor)
        #expect(chart.decidedBy.map(\.subject) == ["feat(chart): two replicas by default"])
        #expect(chart.touching == 1)
        #expect(chart.json["next"] == .string("0.4.0"))
    }

    @Test func anUntouchedChartKeepsItsVersion() throws {
        let repository = try Self.released()
        try repository.commitFile("src/app.js", "x\n", message: "feat: search")
        let chart = try #require(try proposals(repository).first)
        #expect(chart.next?.description == "0.3.0" && chart.bump == .none && !chart.moves)
    }

    @Test func anythingThatChangedTheChartIsAtLeastAPatch() throws {
        let repository = try Self.released()
        try repository.commitFile("charts/web/README.md", "# web\n", message: "docs(chart): how to install")
        try repository.commitFile("charts/web/values.yaml", "replicaCount: 3\n", message: "tune replicas")
        let chart = try #require(try proposals(repository).first)
        #expect(chart.next?.description == "0.3.1" && chart.bump == .patch)
        #expect(chart.decidedBy.count == 2)
    }

    @Test func breakingFollowsTheChartsOwnZeroRule() throws {
        let zero = try Self.released(chartVersion: "0.3.0")
        try zero.commitFile("charts/web/values.yaml", "replicas: 1\n", message: "feat(chart)!: rename replicaCount to replicas")
        #expect(try proposals(zero).first?.next?.description == "0.4.0", "while the chart's major is 0, breaking is minor")
        let one = try Self.released(chartVersion: "1.4.2")
        try one.commitFile("charts/web/values.yaml", "replicas: 1\n", message: "feat(chart)!: rename replicaCount to replicas")
        #expect(try proposals(one).first?.next?.description == "2.0.0")
    }

    @Test func aVersionSetByHandAboveTheProposalStaysAndARevertedChangeCountsForNothing() throws {
        let repository = try Self.released()
        try repository.commitFile("charts/web/values.yaml", "replicaCount: 2\n", message: "fix(chart): two replicas")
        try repository.commitFile("charts/web/Chart.yaml", Self.chart(version: "1.0.0", appVersion: "1.0.0"), message: "chore(chart): 1.0.0")
        #expect(try proposals(repository).first?.next?.description == "1.0.0")

        let reverted = try Self.released()
        let change = try reverted.commitFile("charts/web/values.yaml", "replicaCount: 2\n", message: "feat(chart): two replicas")
        try reverted.git(["revert", "--no-edit", change])
        let chart = try #require(try proposals(reverted).first)
        #expect(!chart.moves && chart.next?.description == "0.3.0")
    }

    @Test func aChartVersionThatIsNotSemVerIsNamed() throws {
        let repository = try Self.released(chartVersion: "latest")
        try repository.commitFile("charts/web/values.yaml", "replicaCount: 2\n", message: "feat(chart): two replicas")
        let chart = try #require(try proposals(repository).first)
        #expect(chart.next == nil)
        #expect(chart.problem == "charts/web/Chart.yaml: version 'latest' is not SemVer, so the chart's next version cannot be proposed")
    }

    /// `release prepare` writes both fields: appVersion the release, version the chart's own proposal.
    @Test func theReleaseCommitCarriesBothVersions() throws {
        let (remote, clone) = try TestRepository.withRemote()
        defer { withExtendedLifetime(remote) {} }
        try clone.write("charts/web/values.yaml", "replicaCount: 1\n")
        try clone.write("package.json", "{\n  \"name\": \"web\",\n  \"version\": \"1.0.0\"\n}\n")
        try clone.write("CHANGELOG.md", "# Changelog\n\n## [Unreleased]\n\n## [1.0.0] - 2026-01-01\n- First.\n")
        try clone.write("charts/web/Chart.yaml", Self.chart(version: "0.3.0", appVersion: "1.0.0"))
        try clone.git(["add", "-A"])
        try clone.commit("chore(release): 1.0.0")
        try clone.tag("v1.0.0")
        try clone.commitFile("charts/web/values.yaml", "replicaCount: 2\n", message: "feat(chart): two replicas")
        try clone.git(["push", "-q", "origin", "main", "--tags"])
        let engine = try ReleaseEngineTests.engine(clone)
        _ = try engine.prepare()
        let chart = try remote.git(["show", "release/v1.1.0:charts/web/Chart.yaml"])
        #expect(chart == Self.chart(version: "0.4.0", appVersion: "1.1.0").trimmingCharacters(in: .newlines))
    }
}
