import Foundation
import Testing

@testable import SalientCore

@Suite struct DateResolverTests {
    /// The dates found in `text` published on `published`, as printed.
    static func dates(_ text: String, published: String?) -> [String] {
        let article = ArticleText(text)
        let speakers = SpeakerFinder.speakers(in: article)
        return DateResolver.find(in: article, publication: published.flatMap(CalendarDay.init), speakers: speakers)
            .map { "\($0.text)=\($0.date.map(\.description) ?? "?")" }
    }

    @Test(arguments: [
        // Monday 2 September 2024: the weekend before lies in August.
        ("2024-09-02", "They attacked on Saturday.", "Saturday=2024-08-31"),
        ("2024-09-02", "They attacked on Sunday.", "Sunday=2024-09-01"),
        ("2024-09-02", "They attacked on Monday.", "Monday=2024-09-02"),
        ("2024-09-02", "They attacked last Monday.", "last Monday=2024-08-26"),
        ("2024-09-02", "They attacked last Friday.", "last Friday=2024-08-30"),
        ("2024-09-02", "They attacked the previous day.", "the previous day=2024-09-01"),
        // Friday 3 January 2025: back across the new year.
        ("2025-01-03", "It was said on Monday.", "Monday=2024-12-30"),
        ("2025-01-03", "It was said on Wednesday.", "Wednesday=2025-01-01"),
        ("2025-01-03", "It was said on Friday.", "Friday=2025-01-03"),
        ("2025-01-03", "It was said last Friday.", "last Friday=2024-12-27"),
        ("2025-01-03", "It was said on December 31.", "December 31=2024-12-31"),
        ("2025-01-03", "It was said in August.", "August=2024-08-01/2024-08-31"),
        ("2025-01-03", "It was said last year.", "last year=2024-01-01/2024-12-31"),
        ("2025-01-03", "It was said yesterday.", "yesterday=2025-01-02"),
        // Thursday 15 August 2024.
        ("2024-08-15", "Area held as of Monday.", "Monday=2024-08-12"),
        ("2024-08-15", "They entered on August 6.", "August 6=2024-08-06"),
        ("2024-08-15", "They entered on 6 August 2024.", "6 August 2024=2024-08-06"),
        ("2024-08-15", "They entered on Aug. 6, 2023.", "Aug. 6, 2023=2023-08-06"),
        ("2024-08-15", "Held since August 6.", "August 6=2024-08-06/2024-08-15"),
        ("2024-08-15", "Held since Tuesday.", "Tuesday=2024-08-13/2024-08-15"),
        ("2024-08-15", "The war began in February 2022.", "February 2022=2022-02-01/2022-02-28"),
        ("2024-08-15", "Losses in 2022 were high.", "2022=2022-01-01/2022-12-31"),
        ("2024-08-15", "Drones came overnight.", "overnight=2024-08-14/2024-08-15"),
        ("2024-08-15", "He spoke over the weekend.", "the weekend=2024-08-10/2024-08-11"),
        (
            "2024-08-15", "Gains since the start of the day (14/8) were small.",
            "the start of the day=2024-08-14"
        ),
        ("2024-08-15", "It happened a week earlier.", "a week earlier=2024-08-08"),
        ("2024-08-22", "He spoke last week.", "last week=2024-08-12/2024-08-18"),
        ("2024-08-22", "He will visit next week.", "next week=2024-08-26/2024-09-01"),
        ("2024-08-22", "He spoke this week.", "this week=2024-08-19/2024-08-22"),
        ("2024-08-19", "He spoke this week.", "this week=2024-08-19"),
        ("2024-08-19", "The order of 2024-08-14 stands.", "2024-08-14=2024-08-14"),
        ("2024-08-19", "The order of 14.08.2024 stands.", "14.08.2024=2024-08-14"),
    ])
    func resolvesAgainstThePublicationDay(_ published: String, _ text: String, _ expected: String) {
        #expect(Self.dates(text, published: published).first == expected)
    }

    @Test func theStartOfTheDayIsTheDayTheSpeakerWasSaidToSpeak() {
        let text =
            "Zelensky said on Wednesday that troops were advancing. \"We moved two kilometres since the "
            + "beginning of the day,\" Zelensky said."
        #expect(
            Self.dates(text, published: "2024-08-15") == [
                "Wednesday=2024-08-14", "the beginning of the day=2024-08-14",
            ])
    }

    @Test func withoutAPublicationDateOnlyDatesWithAYearResolve() {
        #expect(
            Self.dates("On Monday, and on August 12, 2024, and on August 6.", published: nil) == [
                "Monday=?", "August 12, 2024=2024-08-12", "August 6=?",
            ])
    }

    @Test func aLeapDayWithoutAYearLooksBackToALeapYear() {
        #expect(Self.dates("It was signed on February 29.", published: "2025-03-01") == ["February 29=2024-02-29"])
    }

    @Test func mayTheVerbIsNotAMonth() {
        #expect(Self.dates("Troops May leave. They left on May 3.", published: "2024-08-15") == ["May 3=2024-05-03"])
    }

    /// Every weekday against every publication day of 2024 and 2025, checked with Foundation's
    /// Gregorian calendar: the same weekday, on or before publication, less than a week before it.
    @Test func everyWeekdayIsTheLatestOnOrBeforePublication() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let names = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
        let first = CalendarDay("2024-01-01")!
        for offset in 0..<731 {
            let published = first.adding(days: offset)
            for (foundationWeekday, name) in names.enumerated() {
                let article = ArticleText("It happened on \(name).")
                guard case .day(let day) = DateResolver.find(in: article, publication: published).first?.date else {
                    Issue.record("\(name) not resolved against \(published)")
                    return
                }
                let date = Date(timeIntervalSince1970: Double(day.ordinal) * 86_400)
                #expect(calendar.component(.weekday, from: date) == foundationWeekday + 1)
                #expect(day <= published && published.ordinal - day.ordinal < 7)
            }
        }
    }
}
