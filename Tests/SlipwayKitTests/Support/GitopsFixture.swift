import Foundation
@testable import SlipwayKit

/// An application repository with release tags and a bare GitOps environments remote where test, staging and
/// production run different versions.
final class GitopsFixture: @unchecked Sendable {
    let app: TestRepository
    let envsSource: TestRepository
    let envsRemote: TestRepository

    static let stagingValues = "image:\n  repository: acme/web\n  tag: \"1.1.0\"  # set by slipway\nresources:\n  tag: keep\n"

    init(extraConfig: String = "", productionRollback: String = #"{"plans": "docs/rollback", "targetMinutes": 15}"#,
         productionExtra: String = "") throws {
        envsSource = try TestRepository()
        try envsSource.commitFile("test/values.yaml", "image:\n  tag: 1.2.0\n", message: "test")
        try envsSource.commitFile("staging/values.yaml", Self.stagingValues, message: "staging")
        try envsSource.commitFile("production/env.json", "{\n  \"image\": {\"repository\": \"acme/web\", \"tag\": \"1.0.0\"},\n  \"replicas\": 3\n}\n", message: "production")
        envsRemote = try TestRepository(bare: true)
        try envsSource.git(["push", "-q", envsRemote.root, "main"])
        app = try TestRepository()
        try app.git(["config", "user.name", "Ada Release"])
        try app.git(["config", "user.email", "ada@example.com"])
        for version in ["1.0.0", "1.1.0", "1.2.0"] {
            try app.commitFile("CHANGELOG-\(version).txt", version, message: "feat: ship \(version)")
            try app.tag("v\(version)")
        }
        let config = """
        {"environments": [
          {"name": "test", "auto": true, "backend": {"kind": "gitops", "repo": "\(envsRemote.root)", "file": "test/values.yaml", "key": "image.tag"}},
          {"name": "staging", "backend": {"kind": "gitops", "repo": "\(envsRemote.root)", "file": "staging/values.yaml", "key": "image.tag"}},
          {"name": "production", "backend": {"kind": "gitops", "repo": "\(envsRemote.root)", "file": "production/env.json", "key": "image.tag"},
           "rollback": \(productionRollback)\(productionExtra)}
        ]\(extraConfig)}
        """
        try app.write(".slipway.json", config)
    }

    func pipeline() throws -> EnvironmentPipeline {
        let repository = try app.repository()
        let config = try SlipwayConfig.load(repositoryRoot: app.root)
        return try EnvironmentPipeline(repository: repository, config: config, runner: app.runner)
    }

    /// The file as the environments remote has it on main.
    func remoteFile(_ path: String) throws -> String {
        try envsRemote.git(["show", "main:" + path])
    }
}
