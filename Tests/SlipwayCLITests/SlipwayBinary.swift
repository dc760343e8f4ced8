import Foundation
import SlipwayKit

/// The built `slipway` executable, run as a user would run it.
enum SlipwayBinary {
    static let packageRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url.path }
        }
        return FileManager.default.currentDirectoryPath
    }()

    static var path: String {
        if let explicit = ProcessInfo.processInfo.environment["SLIPWAY_BINARY"] { return explicit }
        return packageRoot + "/.build/debug/slipway"
    }

    struct Result {
        let code: TerminationStatus
        let stdout: String
        let stderr: String
    }

    /// Runs `slipway ARGUMENTS` in `folder` with the test git environment.
    static func run(_ arguments: [String], in folder: String? = nil, environment: [String: String] = [:]) throws -> Result {
        var env = ["GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null", "TZ": "UTC", "SWIFT_BACKTRACE": "interactive=no"]
        for (key, value) in environment { env[key] = value }
        let output = try CommandRunner().runUnchecked(CommandInvocation([path] + arguments, in: folder, environment: env, timeout: 120))
        return Result(code: output.status, stdout: output.text, stderr: output.errorText)
    }
}
