import Foundation
import SlipwayKit

/// Where headless commands write: reports on stdout, problems on stderr.
enum Output {
    static func json(_ value: JSONValue) {
        print(PrettyJSON.render(value))
    }

    static func error(_ message: String) {
        FileHandle.standardError.write(Data(("slipway: " + message + "\n").utf8))
    }

    static func warnings(_ lines: [String]) {
        for line in lines { FileHandle.standardError.write(Data(("warning: " + line + "\n").utf8)) }
    }
}
