import Foundation
import Testing
@testable import SlipwayKit

/// The built `slipway` executable, run as a user would run it.
enum SlipwayBinary {
    /// The package root, found from this file's path.
    static var packageRoot: String {
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while url.path != "/", !FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
            url.deleteLastPathComponent()
        }
        return url.path
    }

    static var path: String { packageRoot + "/.build/debug/slipway" }

    struct Result {
        let code: Int32
        let stdout: String
        let stderr: String
    }

    /// Runs `slipway ARGUMENTS` in `folder` with the test git environment.
    static func run(_ arguments: [String], in folder: String? = nil, environment: [String: String] = [:]) throws -> Result {
        try #require(FileManager.default.isExecutableFile(atPath: path), "build the package first: \(path) is missing")
        let base = ProcessInfo.processInfo.environment.merging(TestRepository.environment) { $1 }
            .merging(["SWIFT_BACKTRACE": "interactive=no"]) { $1 }
        let output = try CommandRunner(baseEnvironment: base)
            .runUnchecked(CommandInvocation([path] + arguments, in: folder, environment: environment, timeout: 120))
        guard case .exited(let code) = output.status else {
            Issue.record("slipway \(arguments.joined(separator: " ")) was killed: \(output.status)")
            return Result(code: -1, stdout: output.text, stderr: output.errorText)
        }
        return Result(code: code, stdout: output.text, stderr: output.errorText)
    }
}
