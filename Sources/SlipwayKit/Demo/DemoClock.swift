import Foundation

/// The fixed, increasing dates the demo's commits and tags carry, so that every build gives the same history.
final class DemoClock {
    /// Seconds since 1970, UTC.
    private(set) var now: Int

    /// 2026-01-05 09:00 UTC, a Monday.
    init(start: Int = 1_767_603_600) {
        now = start
    }

    /// Moves on and returns the new time.
    @discardableResult
    func advance(hours: Int = 0, minutes: Int = 0, days: Int = 0) -> Int {
        now += days * 86_400 + hours * 3_600 + minutes * 60
        return now
    }

    /// The time as git reads it from `GIT_AUTHOR_DATE`: `1767603600 +0000`.
    static func gitDate(_ seconds: Int) -> String { "\(seconds) +0000" }

    /// `YYYY-MM-DD` in UTC, as a CHANGELOG heading writes it.
    static func day(_ seconds: Int) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: Date(timeIntervalSince1970: TimeInterval(seconds)))
        return String(format: "%04d-%02d-%02d", parts.year ?? 1970, parts.month ?? 1, parts.day ?? 1)
    }
}
