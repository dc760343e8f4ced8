import Foundation
import SlipwayKit
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
