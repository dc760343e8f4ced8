import Foundation
import Testing
@testable import SlipwayKit

@Suite struct ReleaseDateTests {
    @Test(arguments: ["2026-01-15", "2024-02-29", "2000-02-29", "1999-12-31"])
    func realDatesAreAccepted(text: String) throws {
        #expect(try ReleaseDate(parsing: text).description == text)
    }

    @Test func impossibleDatesAreRefusedWithTheReason() {
        #expect(throws: ReleaseDateError(text: "2026-02-30", problem: "is not a date: that month has 28 days")) {
            try ReleaseDate(parsing: "2026-02-30")
        }
        #expect(throws: ReleaseDateError.self) { try ReleaseDate(parsing: "1900-02-29") }
        #expect(throws: ReleaseDateError.self) { try ReleaseDate(parsing: "2026-04-31") }
        #expect(throws: ReleaseDateError.self) { try ReleaseDate(parsing: "2026-13-01") }
    }

    @Test(arguments: ["2026-1-15", "15/01/2026", "today", "2026-01-15T00:00", "２０２６-01-15", ""])
    func textNotWrittenYYYYMMDDIsRefused(text: String) {
        #expect(throws: ReleaseDateError(text: text, problem: "is not written YYYY-MM-DD")) { try ReleaseDate(parsing: text) }
    }

    @Test func todayFollowsTheClock() {
        // 2026-03-01T12:00:00Z
        #expect(ReleaseDate.today(now: Date(timeIntervalSince1970: 1_772_366_400)).description == "2026-03-01")
        // One second before midnight UTC is still that day; one second after is the next.
        #expect(ReleaseDate.today(now: Date(timeIntervalSince1970: 1_772_409_599)).description == "2026-03-01")
        #expect(ReleaseDate.today(now: Date(timeIntervalSince1970: 1_772_409_601)).description == "2026-03-02")
    }
}
