import Testing
@testable import SlipwayTUI

/// What every rendered screen must be, whatever its size: exactly the terminal's cells, no row wider than the
/// terminal, and either the console (its header and footer) or, below the minimum, the message that says so.
enum ScreenChecks {
    static func expectWellFormed(_ buffer: ScreenBuffer, _ state: ConsoleState, width: Int, height: Int,
                                 sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(buffer.width == max(0, width) && buffer.height == max(0, height), "\(width)x\(height)", sourceLocation: sourceLocation)
        guard buffer.width > 0, buffer.height > 0 else { return }
        for y in 0..<buffer.height {
            #expect(DisplayWidth.of(buffer.line(y)) <= buffer.width, "row \(y) at \(width)x\(height)", sourceLocation: sourceLocation)
        }
        if state.isTooSmall {
            // The message is wrapped (or cut with …) to the width: its first word starts the screen.
            #expect(buffer.line(0).hasPrefix("Terminal".prefix(min(4, buffer.width))), "\(width)x\(height): \(buffer.line(0))", sourceLocation: sourceLocation)
        } else {
            #expect(buffer.line(0).hasPrefix(" slipway"), "\(width)x\(height): \(buffer.line(0))", sourceLocation: sourceLocation)
            #expect(!buffer.line(buffer.height - 1).trimmingCharacters(in: .whitespaces).isEmpty, "a footer at \(width)x\(height)", sourceLocation: sourceLocation)
        }
    }
}
