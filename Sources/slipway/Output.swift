import Foundation
import SlipwayKit

/// Where headless commands write: reports on stdout, problems on stderr.
enum Output {
    static func json(_ value: JSONValue) {
        print(PrettyJSON.render(value))
    }

    /// Writes `head` with one more member, the commits, each as `ClassifiedCommit.writeJSON` writes it: the same
    /// text as `json` would print for the whole, without holding the whole document (100,000 commits) in memory.
    static func json(_ head: JSONValue, streaming key: String, commits: [ClassifiedCommit]) {
        let text = PrettyJSON.render(head)
        guard text.hasSuffix("\n}") else { print(text); return }
        var stream = JSONStream()
        stream.append(String(text.dropLast(2)) + ",\n  " + JSONValue.quote(key) + ": ")
        stream.commits(commits, indent: "    ")
        stream.append("\n}\n")
        stream.flush()
    }

    /// What a release or hotfix action did: JSON, or the commands of a dry run and the outcome.
    static func report(_ report: ActionReport, json: Bool) {
        if json {
            Output.json(.object([("action", .string(report.action)), ("version", .string(report.version)),
                                 ("dryRun", .bool(report.dryRun)), ("commands", .array(report.commands.map(JSONValue.string))),
                                 ("message", .string(report.message))]))
        } else {
            if report.dryRun { for command in report.commands { print("would run: \(command)") } }
            print(report.message)
        }
    }

    static func error(_ message: String) {
        FileHandle.standardError.write(Data(("slipway: " + message + "\n").utf8))
    }

    /// With `SLIPWAY_PEAK_MEMORY` set, the process's own peak resident memory (`VmHWM`) on stderr as it ends:
    /// what the benchmark reports. Timing tools that wait for slipway count its `git` child's peak too.
    static func peakMemoryIfAsked() {
        guard ProcessInfo.processInfo.environment["SLIPWAY_PEAK_MEMORY"] != nil,
              let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return }
        let kilobytes = line.dropFirst("VmHWM:".count).filter(\.isNumber)
        FileHandle.standardError.write(Data("slipway: peak memory \(kilobytes) kB\n".utf8))
    }

    static func warnings(_ lines: [String]) {
        for line in lines { FileHandle.standardError.write(Data(("warning: " + line + "\n").utf8)) }
    }
}

/// One slice of streamed JSON, written by one thread at a time: by its own worker, then (after the workers are
/// done) by the thread that sends it out.
private final class SliceOutput: @unchecked Sendable {
    var writer = JSONByteWriter()
}

/// JSON written to stdout as it is produced, in pieces of about 64 KiB.
struct JSONStream {
    private var writer = JSONByteWriter()

    init() {
        // Whatever `print` buffered goes first.
        fflush(nil)
    }

    mutating func append(_ text: String) {
        writer.append(text)
        if writer.count > 1 << 16 { flush() }
    }

    mutating func flush() {
        Self.send(&writer)
    }

    /// An array of commits, one a line at `indent` (the brackets at the indent two spaces less), laid out as
    /// `PrettyJSON` would. They are written in slices, two at a time on both cores (by then `git` is done with
    /// its), and the slices go out in order. (Not generic on purpose: a generic element reaches a closure
    /// through a copy, and 100,000 copies of a commit's references show.)
    mutating func commits(_ commits: [ClassifiedCommit], indent: String) {
        guard !commits.isEmpty else { append("[]"); return }
        append("[")
        flush()
        let slice = 2_048
        let width = indent.utf8.count
        let outputs = [SliceOutput(), SliceOutput()]
        var start = 0
        while start < commits.count {
            let first = start
            DispatchQueue.concurrentPerform(iterations: 2) { part in
                let from = min(first + part * slice, commits.count)
                let to = min(from + slice, commits.count)
                let output = outputs[part]
                for index in from..<to {
                    output.writer.append(index == 0 ? "\n" as StaticString : ",\n")
                    output.writer.appendSpaces(width)
                    commits[index].writeJSON(to: &output.writer, indent: indent)
                }
            }
            Self.send(&outputs[0].writer)
            Self.send(&outputs[1].writer)
            start = min(start + 2 * slice, commits.count)
        }
        append("\n" + String(indent.dropLast(2)) + "]")
    }

    private static func send(_ writer: inout JSONByteWriter) {
        writer.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = Foundation.write(STDOUT_FILENO, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 { if errno == EINTR { continue }; return }
                offset += written
            }
        }
        writer.removeAll()
    }
}
