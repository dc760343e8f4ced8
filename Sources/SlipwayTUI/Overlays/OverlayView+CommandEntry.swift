import Foundation
import SlipwayKit

/// One run of the `L` log in full.
extension OverlayView {
    static func commandEntryLines(_ record: CommandRecord, width: Int) -> [StyledLine] {
        let room = max(10, width - 4)
        var lines = [StyledLine(" Command", .title)]
        lines += TextFit.wrap(ControlText.escaped(record.commandLine), to: room).map { StyledLine("   " + $0, .text) }
        let status = record.timedOut ? "timed out" : record.status?.description ?? "did not start"
        let started = ISO8601DateFormatter().string(from: record.startedAt)
        lines.append(StyledLine([(" Status ", .title), (status, record.succeeded ? .ok : record.isProbeAnsweringNo ? .muted : .error),
                                 ("  \(Int((record.duration * 1000).rounded())) ms, started \(started)", .muted)]))
        lines.append(StyledLine([(" In ", .title), (record.workingDirectory ?? "the console's folder", .muted)]))
        lines.append(StyledLine())
        lines += tailLines("Standard error (the end, on failure)", record.failureTail, role: .error, room: room)
        lines.append(StyledLine())
        lines += tailLines("Standard output (the last kilobyte)", record.outputTail, role: .text, room: room)
        return lines
    }

    static func tailLines(_ title: String, _ text: String, role: StyleRole, room: Int) -> [StyledLine] {
        var body = text.split(separator: "\n", omittingEmptySubsequences: false).map { ControlText.escaped(String($0)) }
        while body.last?.isEmpty == true { body.removeLast() }
        guard body.contains(where: { !$0.isEmpty }) else { return [StyledLine(" \(title): nothing", .muted)] }
        return [StyledLine(" \(title):", .title)] + body.flatMap { line in TextFit.wrap(line, to: room).map { StyledLine("   " + $0, role) } }
    }
}
