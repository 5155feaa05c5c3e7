/// A date found in an article, resolved against its publication date.
public struct DateMention: Hashable, Sendable {
    public var start: Int
    public var end: Int
    public var text: String
    /// Nil when it cannot be resolved (a relative date in an article of unknown date).
    public var date: EventDate?
    /// The rule used, in words, for the reviewer (`date_note`).
    public var rule: String
    /// Written "as of …": the day a figure holds for.
    public var isAsOf: Bool
    /// The tokens it spans.
    public var tokens: Range<Int>
}

/// Resolves dates against the publication day P, by written rules:
/// - a weekday ("on Wednesday", "as of Monday", "said Tuesday") is the latest such day on or
///   before P (P itself when P is that weekday); "last Saturday" the latest strictly before P;
/// - "the previous day", "the day before", "yesterday" are P − 1; "today" is P; "overnight"
///   and "last night" the night from P − 1 to P; "the weekend" the latest Saturday and Sunday
///   that end before P (or on P, when P is a Sunday);
/// - "since the beginning (start) of the day" is the day of the statement: the day the same
///   speaker was last said to speak, else a date in the same sentence, else P;
/// - "August 6" or "6 August" (or "14/8") without a year is the latest such day on or before
///   P; "in August" the latest such month; with a year, the day or month printed; a bare year
///   ("in 2022") is that year; "last year" and "this year" count from P's;
/// - "since X" is the interval from X to P.
public enum DateResolver {
    public static func find(in article: ArticleText, publication: CalendarDay?, speakers: [Int: Speaker] = [:])
        -> [DateMention]
    {
        var found: [DateMention] = []
        var statementDays: [String: CalendarDay] = [:]
        for (sentenceIndex, range) in article.sentences.enumerated() {
            var inSentence: [DateMention] = []
            var anchors: [Int] = []
            var i = range.lowerBound
            while i < range.upperBound {
                if let mention = match(at: i, in: range, article, publication) {
                    if mention.rule == Self.dayStartRule { anchors.append(inSentence.count) }
                    inSentence.append(mention)
                    i = mention.tokens.upperBound
                } else {
                    i += 1
                }
            }
            let speaker = speakers[sentenceIndex]
            let sentenceDay = inSentence.compactMap { m -> CalendarDay? in
                guard m.rule != Self.dayStartRule, case .day(let d) = m.date else { return nil }
                return d
            }.last
            for a in anchors {
                if let key = speaker?.key, let day = statementDays[key] {
                    inSentence[a].date = .day(day)
                    inSentence[a].rule =
                        "the start of the day of the speaker's statement, dated \(day) earlier in the text"
                } else if let day = sentenceDay {
                    inSentence[a].date = .day(day)
                    inSentence[a].rule = "the start of the day dated in the same sentence (\(day))"
                } else if let publication {
                    inSentence[a].date = .day(publication)
                    inSentence[a].rule = "the start of the day: no statement day given, so the publication day"
                }
            }
            if let key = speaker?.key,
                let day = sentenceDay ?? (anchors.isEmpty ? nil : inSentence[anchors[0]].date?.end)
            {
                statementDays[key] = day
            }
            found += inSentence
        }
        return found
    }

    static let dayStartRule = "the start of the day"

    public static func month(_ word: String) -> Int? {
        months[word.lowercased()]
    }

    private static let months: [String: Int] = [
        "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
        "september": 9, "october": 10, "november": 11, "december": 12, "jan": 1, "feb": 2, "mar": 3, "apr": 4,
        "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
    ]
    private static let weekdays: [String: Int] = [
        "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
    ]
    private static let weekdayNames = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

    private static func match(at i: Int, in range: Range<Int>, _ article: ArticleText, _ p: CalendarDay?)
        -> DateMention?
    {
        let t = article.tokens
        func word(_ k: Int) -> String? {
            k < range.upperBound && k >= range.lowerBound && t[k].kind == .word ? t[k].lower : nil
        }
        func words(_ k: Int, _ list: [String]) -> Bool {
            list.enumerated().allSatisfy { word(k + $0.offset) == $0.element }
        }
        let previous = word(i - 1)
        let asOf = previous == "of" && word(i - 2) == "as"
        let since = previous == "since"
        var begin = i
        var end: Int
        var date: EventDate?
        var rule: String
        let unknown = "unresolved: the publication date is unknown"
        if let w = word(i), let weekday = weekdays[w], t[i].isCapitalised {
            let strict = previous == "last"
            guard previous != "next" else { return nil }
            if strict { begin = i - 1 }
            end = i + 1
            if let p {
                let back = (p.weekday - weekday + 7) % 7
                let day = p.adding(days: -(strict && back == 0 ? 7 : back))
                date = .day(day)
                rule =
                    strict
                    ? "last \(weekdayNames[weekday]): the latest \(weekdayNames[weekday]) before publication (\(p))"
                    : "\(weekdayNames[weekday]): the latest \(weekdayNames[weekday]) on or before publication (\(p))"
            } else {
                rule = unknown
            }
        } else if words(i, ["the", "previous", "day"]) || words(i, ["the", "day", "before"])
            || words(i, ["a", "day", "earlier"])
        {
            end = i + 3
            date = p.map { .day($0.adding(days: -1)) }
            rule = p == nil ? unknown : "the day before publication (\(p!))"
        } else if let count = countWord(word(i)), let unit = word(i + 1),
            ["day", "days", "week", "weeks"].contains(unit), let w = word(i + 2), w == "ago" || w == "earlier"
        {
            end = i + 3
            let days = count * (unit.hasPrefix("week") ? 7 : 1)
            date = p.map { .day($0.adding(days: -days)) }
            rule = p == nil ? unknown : "\(days) days before publication (\(p!))"
        } else if let w = word(i), w == "yesterday" || w == "today" {
            end = i + 1
            date = p.map { .day($0.adding(days: w == "today" ? 0 : -1)) }
            rule = p == nil ? unknown : (w == "today" ? "the publication day" : "the day before publication (\(p!))")
        } else if word(i) == "overnight" || words(i, ["last", "night"]) {
            end = word(i) == "overnight" ? i + 1 : i + 2
            date = p.map { .interval(start: $0.adding(days: -1), end: $0) }
            rule = p == nil ? unknown : "the night before publication, which crosses midnight"
        } else if words(i, ["the", "beginning", "of", "the", "day"]) || words(i, ["the", "start", "of", "the", "day"]) {
            end = i + 5
            date = nil
            rule = dayStartRule
        } else if words(i, ["the", "weekend"]) {
            end = i + 2
            if let p {
                let back = (p.weekday - 5 + 7) % 7
                let saturday = p.weekday == 6 ? p.adding(days: -1) : p.adding(days: -(back == 0 ? 7 : back))
                date = .interval(start: saturday, end: min(saturday.adding(days: 1), p))
                rule = "the weekend: the latest Saturday and Sunday up to publication (\(p))"
            } else {
                rule = unknown
            }
        } else if let w = word(i), ["last", "this", "next"].contains(w), word(i + 1) == "week" {
            end = i + 2
            if let p {
                // Weeks run Monday to Sunday.
                let monday = p.adding(days: -p.weekday).adding(days: w == "last" ? -7 : w == "next" ? 7 : 0)
                date =
                    w == "this" && p == monday
                    ? .day(p) : .interval(start: monday, end: w == "this" ? p : monday.adding(days: 6))
                rule = "\(w) week, Monday to Sunday, counted from the week of publication (\(p))"
            } else {
                rule = unknown
            }
        } else if let w = word(i), w == "last" || w == "this", let unit = word(i + 1), unit == "year" || unit == "month"
        {
            end = i + 2
            if let p {
                let c = p.components
                if unit == "year" {
                    let y = c.year - (w == "last" ? 1 : 0)
                    date = .interval(start: .make(year: y, month: 1, day: 1)!, end: .make(year: y, month: 12, day: 31)!)
                    rule = "\(w) year, counted from the publication year \(c.year)"
                } else {
                    let m = w == "last" ? (c.month == 1 ? 12 : c.month - 1) : c.month
                    let y = w == "last" && c.month == 1 ? c.year - 1 : c.year
                    date = monthInterval(y, m)
                    rule = "\(w) month, counted from publication (\(p))"
                }
            } else {
                rule = unknown
            }
        } else if let w = word(i), let m = months[w], t[i].isCapitalised {
            var k = i + 1
            if w.count <= 4, k < range.upperBound, t[k].text == ".", t[k].gapBefore.isEmpty { k += 1 }
            if let d = dayNumber(k, t, range) {
                (end, date, rule) = dayAndMonth(m, d, yearFrom: k + 1, t, range, p)
            } else if let y = year(after: k, t, range) {
                end = y.next
                date = monthInterval(y.value, m)
                rule = "the month as printed"
            } else {
                guard w != "may", w.count > 3 else { return nil }
                end = k
                if let p {
                    let c = p.components
                    date = monthInterval(m <= c.month ? c.year : c.year - 1, m)
                    rule = "a month without a year: the latest such month up to publication (\(p))"
                } else {
                    rule = unknown
                }
            }
        } else if let d = dayNumber(i, t, range), let w = word(i + 1), let m = months[w], t[i + 1].isCapitalised {
            (end, date, rule) = dayAndMonth(m, d, yearFrom: i + 2, t, range, p)
        } else if let (day, next) = numericDate(at: i, t, range) {
            // 2024-08-14, or 14.08.2024 as Europe writes it.
            end = next
            date = .day(day)
            rule = "the day as printed"
        } else if t[i].kind == .number, i + 2 < range.upperBound, t[i + 1].text == "/", t[i + 1].gapBefore.isEmpty,
            t[i + 2].gapBefore.isEmpty, t[i + 2].kind == .number, let a = Int(t[i].text), let b = Int(t[i + 2].text),
            !(i + 3 < range.upperBound && t[i + 3].text == "/")
        {
            // Day first, as Europe writes it, unless that cannot be.
            let (d, m) = b <= 12 && a <= 31 ? (a, b) : (b, a)
            guard (1...12).contains(m), (1...31).contains(d) else { return nil }
            end = i + 3
            if let p {
                date = latest(month: m, day: d, onOrBefore: p).map(EventDate.day)
                rule = "day/month without a year: the latest such day on or before publication (\(p))"
            } else {
                rule = unknown
            }
        } else if t[i].kind == .number, t[i].text.count == 4, let y = Int(t[i].text), (1900...2100).contains(y),
            !(i > range.lowerBound && "$€£".contains(t[i - 1].text)),
            !(i + 1 < range.upperBound && ClaimFinder.isUnitWord(t[i + 1].lower))
        {
            end = i + 1
            date = .interval(start: .make(year: y, month: 1, day: 1)!, end: .make(year: y, month: 12, day: 31)!)
            rule = "the year as printed"
        } else {
            return nil
        }
        if since, let d = date, let p, d.start < p {
            date = .interval(start: d.start, end: p)
            rule += "; since: from then to publication"
        }
        return DateMention(
            start: t[begin].start, end: t[end - 1].end, text: article.text(t[begin].start, t[end - 1].end), date: date,
            rule: rule, isAsOf: asOf, tokens: begin..<end)
    }

    /// An ISO day (three numbers joined by hyphens) or a European one ("14.08.2024", one token).
    /// A day and a month ("14 August", "August 14"): with the year printed after them, that
    /// day; without one, the latest such day on or before publication.
    private static func dayAndMonth(
        _ m: Int, _ d: Int, yearFrom k: Int, _ t: [ArticleText.Token], _ range: Range<Int>, _ p: CalendarDay?
    ) -> (end: Int, date: EventDate?, rule: String) {
        if let y = year(after: k, t, range) {
            return (y.next, CalendarDay.make(year: y.value, month: m, day: d).map(EventDate.day), "the day as printed")
        }
        guard let p else { return (k, nil, "unresolved: the publication date is unknown") }
        return (
            k, latest(month: m, day: d, onOrBefore: p).map(EventDate.day),
            "day and month without a year: the latest such day on or before publication (\(p))"
        )
    }

    private static func numericDate(at i: Int, _ t: [ArticleText.Token], _ range: Range<Int>) -> (CalendarDay, Int)? {
        guard t[i].kind == .number else { return nil }
        if t[i].text.count == 4, i + 4 < range.upperBound, t[i + 1].text == "-", t[i + 3].text == "-",
            (i + 1...i + 4).allSatisfy({ t[$0].gapBefore.isEmpty }), t[i + 2].kind == .number, t[i + 4].kind == .number,
            let day = CalendarDay("\(t[i].text)-\(t[i + 2].text)-\(t[i + 4].text)")
        {
            return (day, i + 5)
        }
        let parts = t[i].text.split(separator: ".")
        if parts.count == 3, parts[2].count == 4, let d = Int(parts[0]), let m = Int(parts[1]), let y = Int(parts[2]),
            let day = CalendarDay.make(year: y, month: m, day: d)
        {
            return (day, i + 1)
        }
        return nil
    }

    /// "a", "one", "two", … "ten": how many days or weeks ago.
    private static func countWord(_ word: String?) -> Int? {
        guard let word else { return nil }
        let counts = ["a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "ten": 10]
        return counts[word]
    }

    private static func dayNumber(_ k: Int, _ t: [ArticleText.Token], _ range: Range<Int>) -> Int? {
        guard k < range.upperBound, t[k].kind == .number, t[k].text.count <= 2, let d = Int(t[k].text),
            (1...31).contains(d)
        else { return nil }
        return d
    }

    /// A four-digit year at `k`, after an optional comma.
    private static func year(after k: Int, _ t: [ArticleText.Token], _ range: Range<Int>) -> (value: Int, next: Int)? {
        var j = k
        if j < range.upperBound, t[j].text == "," { j += 1 }
        guard j < range.upperBound, t[j].kind == .number, t[j].text.count == 4, let y = Int(t[j].text),
            (1000...2999).contains(y)
        else { return nil }
        return (y, j + 1)
    }

    private static func monthInterval(_ year: Int, _ month: Int) -> EventDate {
        let first = CalendarDay.make(year: year, month: month, day: 1)!
        let last = CalendarDay.make(year: year, month: month, day: CalendarDay.daysIn(month: month, year: year))!
        return .interval(start: first, end: last)
    }

    /// The latest day with this month and day on or before `p` (29 February looks back to a leap year).
    static func latest(month: Int, day: Int, onOrBefore p: CalendarDay) -> CalendarDay? {
        var year = p.components.year
        for _ in 0..<8 {
            if let d = CalendarDay.make(year: year, month: month, day: day), d <= p { return d }
            year -= 1
        }
        return nil
    }
}
