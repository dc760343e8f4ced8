import Foundation
import Testing
@testable import SlipwayKit

/// `make install` into a temporary prefix: the installed binary answers --version, finds its themes, and its man
/// page and completions work in the real tools.
@Suite(.serialized) struct InstallTests {
    func run(_ argv: [String], in folder: String? = nil, environment: [String: String] = [:]) throws -> CommandOutput {
        try CommandRunner(baseEnvironment: ProcessInfo.processInfo.environment.merging(TestRepository.environment) { $1 })
            .runUnchecked(CommandInvocation(argv, in: folder, environment: environment, timeout: 120))
    }

    @Test func installRunUninstall() throws {
        // Outside the checkout (TMPDIR may be inside it, where a checkout's own themes/ would be found first).
        let prefix = "/tmp/slipway-prefix-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: prefix, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: prefix) }
        let install = try run(["make", "install-built", "PREFIX=" + prefix, "BUILT=" + SlipwayBinary.path], in: SlipwayBinary.packageRoot)
        #expect(install.status.isSuccess, "\(install.errorText)")
        let binary = prefix + "/bin/slipway"
        let version = try run([binary, "version", "--json"], in: "/")
        let json = try JSONParser.parse(version.stdout)
        #expect(json["version"]?.stringValue == SlipwayVersion.number)
        #expect(json["themes"]?.stringValue == prefix + "/share/slipway/themes", "the installed binary finds its own themes")
        #expect(json["commit"]?.stringValue?.count == 40)
        let short = try run([binary, "--version"], in: prefix)
        #expect(short.text.hasPrefix("slipway \(SlipwayVersion.number) ("))

        let man = try run(["man", "-l", prefix + "/share/man/man1/slipway.1"], environment: ["MANPAGER": "cat", "PAGER": "cat", "MANWIDTH": "100"])
        #expect(man.status.isSuccess && man.text.contains("SLIPWAY(1)") && man.text.contains("next-version"), "\(man.errorText)")

        let bash = try run(["bash", "-c", "source \"$1\"; complete -p slipway; COMP_WORDS=(slipway env pro); COMP_CWORD=2; _slipway; echo \"${COMPREPLY[*]}\"",
                            "bash", prefix + "/share/bash-completion/completions/slipway"])
        #expect(bash.text.contains("complete -F _slipway slipway"), "\(bash.text) \(bash.errorText)")
        #expect(bash.text.contains("promote"), "completing 'env pro' offers promote: \(bash.text)")

        let uninstall = try run(["make", "uninstall", "PREFIX=" + prefix, "BUILT=" + SlipwayBinary.path], in: SlipwayBinary.packageRoot)
        #expect(uninstall.status.isSuccess)
        #expect(!FileManager.default.fileExists(atPath: binary) && !FileManager.default.fileExists(atPath: prefix + "/share/slipway"))
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/zsh"), "zsh is not installed here"))
    func zshLoadsItsCompletion() throws {
        let script = try SlipwayBinary.run(["completions", "zsh"]).stdout
        let file = try TestRepository.makeTemporaryFolder("zsh") + "/_slipway"
        try Data(script.utf8).write(to: URL(fileURLWithPath: file))
        let zsh = try run(["zsh", "-f", "-c", "autoload -U compinit; compinit -u; source \"$1\"; print ok", "zsh", file])
        #expect(zsh.status.isSuccess && zsh.text.contains("ok"), "\(zsh.errorText)")
    }

    /// Completions offer environment names from the configuration and versions from the tags.
    @Test func completionValuesComeFromTheRepository() throws {
        let env = try EnvSandbox()
        defer { env.remove() }
        let names = try run([SlipwayBinary.path, "completions", "values", "environments"], in: env.box.root)
        #expect(names.text == "test\nstaging\nproduction\n")
        let versions = try run([SlipwayBinary.path, "completions", "values", "versions"], in: env.box.root)
        #expect(versions.text == "1.2.0\n1.1.0\n1.0.0\n")
    }
}
