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

    /// The binary the test command built, found where SwiftPM says it puts it (`swift build --show-bin-path`),
    /// and checked to be newer than every source file: a stale binary would test old code.
    static let path: String = {
        let root = packageRoot
        let output = try? CommandRunner().run(CommandInvocation(["swift", "build", "--show-bin-path"], in: root, timeout: 60))
        let folder = output?.trimmedText.split(separator: "\n").last.map(String.init) ?? root + "/.build/debug"
        let binary = folder + "/slipway"
        let built = (try? FileManager.default.attributesOfItem(atPath: binary)[.modificationDate] as? Date) ?? .distantPast
        let sources = FileManager.default.enumerator(atPath: root + "/Sources")
        while let file = sources?.nextObject() as? String {
            guard file.hasSuffix(".swift"),
                  let changed = try? FileManager.default.attributesOfItem(atPath: root + "/Sources/" + file)[.modificationDate] as? Date,
                  changed > built else { continue }
            staleBecause = "Sources/\(file) is newer than \(binary): run `swift build --build-tests` before the tests"
            break
        }
        return binary
    }()

    nonisolated(unsafe) static var staleBecause: String?

    struct Result {
        let code: Int32
        let stdout: String
        let stderr: String
    }

    /// Runs `slipway ARGUMENTS` in `folder` with the test git environment.
    static func run(_ arguments: [String], in folder: String? = nil, environment: [String: String] = [:]) throws -> Result {
        try #require(FileManager.default.isExecutableFile(atPath: path), "build the package first: \(path) is missing")
        try #require(staleBecause == nil, "\(staleBecause ?? "")")
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
