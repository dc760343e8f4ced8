import Foundation

/// A calendar date written `YYYY-MM-DD`, checked to exist (no 2026-02-30).
public struct ReleaseDate: Sendable, Hashable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Parses `YYYY-MM-DD`, refusing text that is not a real date.
    public init(parsing text: String) throws(ReleaseDateError) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]) else {
            throw ReleaseDateError(text: text, problem: "is not written YYYY-MM-DD")
        }
        guard (1...12).contains(month) else { throw ReleaseDateError(text: text, problem: "has no month \(month)") }
        guard (1...ReleaseDate.days(inMonth: month, year: year)).contains(day) else {
            throw ReleaseDateError(text: text, problem: "is not a date: that month has \(ReleaseDate.days(inMonth: month, year: year)) days")
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Today in the local time zone (`TZ`).
    public static func today(now: Date = Date()) -> ReleaseDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone.current
        let parts = calendar.dateComponents([.year, .month, .day], from: now)
        let text = String(format: "%04d-%02d-%02d", parts.year ?? 1970, parts.month ?? 1, parts.day ?? 1)
        return (try? ReleaseDate(parsing: text)) ?? ReleaseDate(unchecked: 1970, 1, 1)
    }

    private init(unchecked year: Int, _ month: Int, _ day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    static func days(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public var description: String { String(format: "%04d-%02d-%02d", year, month, day) }
}
