import Foundation
import SlipwayKit

/// Where headless commands write: reports on stdout, problems on stderr.
enum Output {
    static func json(_ value: JSONValue) {
        print(PrettyJSON.render(value))
    }

    /// Writes `head` with one more member, an array, rendered element by element: the same text as `json` would
    /// print, without holding the whole document (100,000 commits) in memory at once.
    static func json<Element>(_ head: JSONValue, streaming key: String, _ elements: [Element], _ render: (Element) -> JSONValue) {
        var text = PrettyJSON.render(head)
        guard text.hasSuffix("\n}") else { print(text); return }
        text.removeLast(2)
        var buffer = text + ",\n  " + JSONValue.quote(key) + ": ["
        if elements.isEmpty {
            buffer += "]\n}\n"
        } else {
            for (index, element) in elements.enumerated() {
                buffer += (index == 0 ? "\n    " : ",\n    ") + PrettyJSON.render(render(element), indent: "    ")
                if buffer.utf8.count > 1 << 16 {
                    FileHandle.standardOutput.write(Data(buffer.utf8))
                    buffer = ""
                }
            }
            buffer += "\n  ]\n}\n"
        }
        FileHandle.standardOutput.write(Data(buffer.utf8))
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

    static func warnings(_ lines: [String]) {
        for line in lines { FileHandle.standardError.write(Data(("warning: " + line + "\n").utf8)) }
    }
}
