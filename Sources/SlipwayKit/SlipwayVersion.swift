import Foundation

/// What this build of Slipway is: its version (written here and nowhere else), the commit it was built from and
/// the compiler that built it.
public enum SlipwayVersion {
    /// The one place the version number is written; `--version`, the man page and `make install` read it.
    public static let number = "0.9.0"

    /// The Swift compiler this binary was built with, from the compiler itself.
    public static var swift: String {
        #if compiler(>=6.4)
        return "6.4 or later"
        #elseif compiler(>=6.3)
        return "6.3"
        #elseif compiler(>=6.2)
        return "6.2"
        #elseif compiler(>=6.1)
        return "6.1"
        #else
        return "6.0"
        #endif
    }

    /// The commit the binary was built from: `share/slipway/build-commit` beside an installed binary (written by
    /// `make install`), or the checkout the binary sits in (a `swift build` product), or `nil`.
    public static func commit(executable: String, runner: any CommandRunning = CommandRunner()) -> String? {
        let binary = URL(fileURLWithPath: executable).resolvingSymlinksInPath()
        let installed = binary.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("share/slipway/build-commit")
        if let text = try? String(contentsOf: installed, encoding: .utf8), !text.isEmpty {
            return text.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        var folder = binary.deletingLastPathComponent()
        while folder.path != "/" {
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift").path) {
                let output = try? runner.runUnchecked(CommandInvocation(["git", "rev-parse", "HEAD"], in: folder.path, timeout: 10))
                guard let output, output.status.isSuccess else { return nil }
                return output.trimmedText
            }
            folder.deleteLastPathComponent()
        }
        return nil
    }
}
