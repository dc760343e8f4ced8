import Foundation

/// Why an artefact could not be verified: the status to report and the line that says why.
struct ArtefactProblem: Error, Sendable {
    let status: ArtefactStatus
    let reason: String

    init(_ status: ArtefactStatus, _ reason: String) {
        self.status = status
        self.reason = reason
    }

    /// The Debian package that brings `tool`.
    static func installHint(_ tool: String) -> String {
        switch tool {
        case "skopeo": return "apt-get install skopeo"
        case "npm": return "apt-get install npm"
        case "curl": return "apt-get install curl"
        default: return "install \(tool)"
        }
    }

    /// Runs a registry tool; a tool that is missing, cannot start or does not finish in time becomes a problem.
    static func run(_ arguments: [String], runner: any CommandRunning, timeout: Double, what: String) throws(ArtefactProblem) -> CommandOutput {
        do {
            return try runner.runUnchecked(CommandInvocation(arguments, timeout: timeout))
        } catch {
            switch error.kind {
            case .notFound:
                throw ArtefactProblem(.unchecked, "\(arguments[0]) is not installed, so \(what) cannot be asked (\(installHint(arguments[0])))")
            case .timedOut(let seconds):
                throw ArtefactProblem(.unreachable, "\(what) did not answer within \(Int(seconds)) s (\(arguments[0]) was stopped)")
            case .launchFailed(let reason):
                throw ArtefactProblem(.unchecked, "\(arguments[0]) could not start: \(reason)")
            case .cancelled:
                throw ArtefactProblem(.unchecked, "the check was cancelled")
            case .failed(let status):
                throw ArtefactProblem(.unchecked, "\(arguments[0]) failed (\(status))")
            }
        }
    }

    /// The start of `data` as one printable line, for saying what garbage a tool printed.
    static func excerpt(_ data: some Collection<UInt8>) -> String {
        let text = String(decoding: data.prefix(200), as: UTF8.self)
        let line = text.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? " " : String($0) }.joined()
            .trimmingCharacters(in: .whitespaces)
        if line.isEmpty { return "nothing" }
        return line.count > 60 ? "'" + line.prefix(60) + "…'" : "'" + line + "'"
    }
}
