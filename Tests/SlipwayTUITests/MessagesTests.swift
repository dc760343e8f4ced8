import Foundation
@testable import SlipwayKit
import Testing
@testable import SlipwayTUI

/// A message longer than the screen is cut with an ellipsis and a way to read it; `M` shows every message of
/// the session in full.
@Suite struct MessagesTests {
    static let long = "the rollback of staging from 1.2.0 to 1.1.0 was interrupted after it deployed; finished it now: 1.2.0 is held (took over the lock of `slipway env rollback staging` (pid 4089), whose process is gone)"

    @Test(arguments: [(80, 24), (60, 15)])
    func aLongMessageIsCutWithAnEllipsisAndReadInFull(width: Int, height: Int) {
        var state = ConsoleFixture.state(width: width, height: height)
        state.status = StatusMessage(Self.long, .warn)
        state.status = StatusMessage("second", .info)
        state.status = StatusMessage(Self.long, .warn)
        let buffer = ConsoleView.render(state)
        let statusLine = buffer.line(height - 2)
        #expect(statusLine.contains("… M: all"), "\(statusLine)")
        #expect(ReleasePanelTests.role(of: "the rollback of staging", in: buffer) == .warn)
        _ = ConsoleReducer.reduce(&state, .key(.character("M")))
        let screen = ConsoleView.render(state).text
        #expect(screen.contains("Messages (3)"))
        #expect(screen.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "│", with: " ")
            .split(separator: " ").joined(separator: " ").contains("whose process is gone"), "\(screen)")
        _ = ConsoleReducer.reduce(&state, .key(.escape))
        #expect(state.overlay == nil)
    }
}

/// The `L` log: a probe that answers "no" is muted, a failure is red with its stderr wrapped in full.
@Suite struct CommandLogViewTests {
    @Test func probesAreMutedAndFailuresWrapInFull() {
        let probe = CommandRecord(arguments: ["git", "rev-parse", "--verify", "--quiet", "refs/tags/v9.9.9"], workingDirectory: "/w",
                                  status: .exited(1), duration: 0.001, startedAt: .init(timeIntervalSince1970: 0), failureTail: "", timedOut: false)
        let failure = CommandRecord(arguments: ["git", "push", "origin", "main"], workingDirectory: "/w", status: .exited(1), duration: 0.2,
                                    startedAt: .init(timeIntervalSince1970: 0),
                                    failureTail: "remote: error: GH006: Protected branch update failed for refs/heads/main; required status check \"build\" is expected",
                                    timedOut: false)
        #expect(probe.isProbeAnsweringNo && !failure.isProbeAnsweringNo)
        let lines = OverlayView.commandLogLines([probe, failure], width: 60)
        #expect(lines[0].segments.first?.text == " · " && lines[0].segments.first?.role == .muted)
        let text = lines.map(\.plainText).joined(separator: "\n")
        #expect(text.contains(" ✗ exit 1"))
        #expect(text.replacingOccurrences(of: "\n", with: " ").split(separator: " ").joined(separator: " ").contains("\"build\" is expected"), "\(text)")
        #expect(lines.allSatisfy { DisplayWidth.of($0.plainText) <= 60 }, "nothing wider than the box")
    }
}
