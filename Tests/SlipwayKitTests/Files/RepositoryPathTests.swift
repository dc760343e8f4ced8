import Foundation
import Testing
@testable import SlipwayKit

@Suite struct RepositoryPathTests {
    @Test func relativeAndAbsolutePathsInsideTheRepository() throws {
        let repository = try TestRepository()
        let relative = try RepositoryPath("docs/../CHANGELOG.md", root: repository.root)
        #expect(relative.relative == "CHANGELOG.md")
        #expect(relative.absolute == repository.root + "/CHANGELOG.md")
        #expect(try RepositoryPath(repository.root + "/charts/web/Chart.yaml", root: repository.root).relative == "charts/web/Chart.yaml")
    }

    @Test func pathsOutsideTheRepositoryAreRefused() throws {
        let repository = try TestRepository()
        #expect(throws: RepositoryPathError.self) { try RepositoryPath("../elsewhere/CHANGELOG.md", root: repository.root) }
        #expect(throws: RepositoryPathError.self) { try RepositoryPath("/etc/passwd", root: repository.root) }
        // A symbolic link inside the repository that leads out of it.
        try FileManager.default.createSymbolicLink(atPath: repository.root + "/escape", withDestinationPath: "/tmp")
        #expect(throws: RepositoryPathError.self) { try RepositoryPath("escape/x.json", root: repository.root) }
    }
}
