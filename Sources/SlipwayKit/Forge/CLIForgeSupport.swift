import Foundation

/// Running a forge CLI (gh, glab) and reading its JSON, with the failures people hit named plainly.
struct ForgeCLI: Sendable {
    let program: String
    let repository: GitRepository
    let loginHint: String

    func run(_ arguments: [String], timeout: Double = 120) throws -> CommandOutput {
        let invocation = CommandInvocation([program] + arguments, in: repository.root, timeout: timeout)
        let output: CommandOutput
        do {
            output = try repository.runner.runUnchecked(invocation)
        } catch {
            if case .notFound = error.kind {
                throw ForgeError("\(program) is not installed or not on PATH; install it, or set forge.kind to \"local\" in .slipway.json")
            }
            throw ForgeError(error.description)
        }
        guard output.status.isSuccess else {
            let text = output.errorText
            if output.status == .exited(4) || text.contains("auth login") || text.contains("not logged") {
                throw ForgeError("\(program) is not logged in; run `\(loginHint)` (or set a token), then try again")
            }
            if text.contains("error connecting") || text.contains("could not resolve") {
                throw ForgeError("\(program) cannot reach its server (\(text.split(separator: "\n").first ?? "")); check the network")
            }
            throw ForgeError(CommandError(invocation: invocation, kind: .failed(output.status), stderr: output.stderr, stdout: output.stdout).description)
        }
        return output
    }

    /// A query: it answers within 20 s or counts as hung (mutations keep `run`'s longer deadlines).
    func json(_ arguments: [String], timeout: Double = 20) throws -> JSONValue {
        let output = try run(arguments, timeout: timeout)
        do {
            return try JSONParser.parse(Array(output.stdout))
        } catch {
            throw ForgeError("`\(program) \(arguments.joined(separator: " "))` printed something that is not JSON (\(error.description))")
        }
    }
}

extension JSONValue {
    var stringValue: String? { if case .string(let text) = self { return text } else { return nil } }
    var intValue: Int? {
        switch self {
        case .number(let number): return Int(number)
        case .string(let text): return Int(text)
        default: return nil
        }
    }
    var arrayValue: [JSONValue] { if case .array(let values) = self { return values } else { return [] } }

    static func date(_ value: JSONValue?) -> Date? {
        guard let text = value?.stringValue else { return nil }
        let formatter = ISO8601DateFormatter()
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: text)
    }
}
