/// A day of the proleptic Gregorian calendar, as printed `YYYY-MM-DD`. Which instant a day
/// starts at is set by the timeline's time zone; a day itself carries no zone, so it never
/// shifts when read or written (the off-by-one that time-zone-aware dates cause in exports).
public struct CalendarDay: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Days since 1970-01-01.
    public let ordinal: Int

    public init(ordinal: Int) {
        self.ordinal = ordinal
    }

    /// Parses `YYYY-MM-DD`; nil for anything else, including days that do not exist (2024-02-30).
    /// Parsing and printing share one calendar, the proleptic Gregorian: Foundation's
    /// Gregorian calendar switches to the Julian before October 1582, so a day read through it
    /// and printed by arithmetic would not come back the same (the fuzzer found 1012-02-29).
    public init?(_ text: String) {
        // Read as bytes: a timeline of a million events has millions of dates.
        var text = text
        guard let ordinal = text.withUTF8(Self.ordinal(iso:)) else { return nil }
        self.ordinal = ordinal
    }

    /// The ordinal of `YYYY-MM-DD` in ASCII digits; nil for anything else.
    private static func ordinal(iso bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                let digit = bytes[index] &- UInt8(ascii: "0")
                guard digit < 10 else { return nil }
                value = value * 10 + Int(digit)
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
            (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day)
        else { return nil }
        return ordinal(year: year, month: month, day: day)
    }

    static func isLeap(_ year: Int) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Hinnant's `days_from_civil`, the inverse of `components`.
    static func ordinal(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// Year, month and day by Hinnant's `civil_from_days` (proleptic Gregorian, exact for
    /// every Int day count in range), not Foundation's Calendar: runs print dates by the
    /// hundred thousand (Benchmarks/README.md, "Code written for speed"). Tests check it against Calendar.
    public var components: (year: Int, month: Int, day: Int) {
        let z = ordinal + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// ISO 8601 calendar date, the form GDAL types as Date.
    public var description: String {
        let c = components
        if (0...9999).contains(c.year) {
            // Ten ASCII digits and dashes written in place: every event's dates are written so.
            let digits = c.year * 1_000_000 + c.month * 1_000 + c.day  // YYYY0MM0DD
            return String(unsafeUninitializedCapacity: 10) { text in
                var rest = digits
                for index in (0..<10).reversed() {
                    text[index] = UInt8(ascii: "0") + UInt8(rest % 10)
                    rest /= 10
                }
                text[4] = UInt8(ascii: "-")
                text[7] = UInt8(ascii: "-")
                return 10
            }
        }
        func padded(_ value: Int, _ width: Int) -> String {
            let digits = String(abs(value))
            return (value < 0 ? "-" : "") + String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return padded(c.year, 4) + "-" + padded(c.month, 2) + "-" + padded(c.day, 2)
    }

    public func adding(days: Int) -> CalendarDay {
        CalendarDay(ordinal: ordinal + days)
    }

    public static func < (lhs: CalendarDay, rhs: CalendarDay) -> Bool {
        lhs.ordinal < rhs.ordinal
    }

    /// Every day from `start` through `end`, both included.
    public static func range(_ start: CalendarDay, through end: CalendarDay) -> [CalendarDay] {
        guard start <= end else { return [] }
        return (start.ordinal...end.ordinal).map(CalendarDay.init(ordinal:))
    }
}

/// When something happened, as precisely as the sources allow (after UCDP's date_start,
/// date_end and date_prec, but as a typed value rather than a code shared by two meanings).
public enum EventDate: Hashable, Sendable, CustomStringConvertible {
    /// Known to the day.
    case day(CalendarDay)
    /// Some time between two days, both included; `start < end`.
    case interval(start: CalendarDay, end: CalendarDay)

    public var start: CalendarDay {
        switch self {
        case .day(let d): return d
        case .interval(let start, _): return start
        }
    }

    /// The last day, included.
    public var end: CalendarDay {
        switch self {
        case .day(let d): return d
        case .interval(_, let end): return end
        }
    }

    public var precision: DatePrecision {
        switch self {
        case .day: return .day
        case .interval: return .interval
        }
    }

    public var description: String {
        switch self {
        case .day(let d): return d.description
        case .interval(let s, let e): return "\(s)/\(e)"
        }
    }
}

public enum DatePrecision: String, Hashable, Sendable, CaseIterable {
    case day
    case interval
}
