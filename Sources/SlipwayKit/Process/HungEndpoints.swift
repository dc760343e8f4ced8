import Foundation

/// Remotes, forges and clusters that did not answer before a deadline, remembered for a minute: the next call to
/// the same one in this process fails at once instead of waiting out its own deadline, so a read-only command
/// blocks on a hung server for one deadline, not for one per call.
public enum HungEndpoints {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var hung: [String: (since: Date, waited: Double)] = [:]
    /// How long a hung endpoint is skipped before it is tried again (the console asks again after this).
    static let memory: TimeInterval = 60

    /// What `invocation` talks to when it goes over the network: `git fetch/ls-remote/push` and their remote in
    /// that repository, `gh`/`glab` run from a folder, `helm` and its kube context; `nil` for everything else.
    static func key(_ invocation: CommandInvocation) -> String? {
        let arguments = invocation.arguments
        switch invocation.program {
        case "git":
            var index = 1
            while index + 1 < arguments.count, arguments[index] == "-c" { index += 2 }
            guard index < arguments.count, ["fetch", "ls-remote", "push", "pull"].contains(arguments[index]) else { return nil }
            let rest = arguments[(index + 1)...]
            let remote = rest.firstIndex(of: "--end-of-options").flatMap { rest.indices.contains($0 + 1) ? rest[$0 + 1] : nil }
                ?? rest.first { !$0.hasPrefix("-") }
            return remote.map { "git \(invocation.workingDirectory ?? "") \($0)" }
        case "gh", "glab":
            return "\(invocation.program) \(invocation.workingDirectory ?? "")"
        case "helm":
            return "helm \(invocation.workingDirectory ?? "") " + (arguments.first { $0.hasPrefix("--kube-context=") } ?? "")
        default:
            return nil
        }
    }

    /// The seconds the endpoint of `invocation` was waited for when it last hung, within the last minute.
    static func skip(_ invocation: CommandInvocation) -> Double? {
        guard let key = key(invocation) else { return nil }
        lock.lock()
        defer { lock.unlock() }
        guard let entry = hung[key], Date().timeIntervalSince(entry.since) < memory else { return nil }
        return entry.waited
    }

    static func markHung(_ invocation: CommandInvocation, waited: Double) {
        guard let key = key(invocation) else { return }
        lock.lock()
        hung[key] = (Date(), waited)
        lock.unlock()
    }

    /// Forgets every hung endpoint (tests, and the console's explicit refresh).
    public static func reset() {
        lock.lock()
        hung.removeAll()
        lock.unlock()
    }
}
