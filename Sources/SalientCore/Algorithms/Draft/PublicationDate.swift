/// When an article was published, and how that was found.
public struct Publication: Hashable, Sendable {
    public enum Origin: String, Hashable, Sendable {
        /// A `date YYYY-MM-DD` at the start of the first line.
        case dateLine = "date line"
        /// A dateline that prints the year ("KYIV, August 16, 2024 —").
        case dateline
        /// `--published`.
        case option = "--published"
        /// Nothing says: relative dates stay unresolved.
        case unknown
    }

    public var day: CalendarDay?
    public var origin: Origin
    /// Where the body starts: after the date line's date, if there is one.
    public var bodyStart: Int
    /// The dateline's place name as printed ("KYIV"), with its offsets, when there is one.
    public var datelinePlace: (text: String, start: Int, end: Int)?

    public static func == (a: Publication, b: Publication) -> Bool {
        a.day == b.day && a.origin == b.origin && a.bodyStart == b.bodyStart
            && a.datelinePlace?.start == b.datelinePlace?.start
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(day)
        hasher.combine(origin)
        hasher.combine(bodyStart)
    }
}

/// Why an article's own date cannot be read.
public enum PublicationError: Error, Hashable, Sendable {
    /// The first line starts with `date` but what follows is not a day that exists.
    case unparsableDateLine(String)
}

/// Finds the publication date: a `date YYYY-MM-DD` first line (text may follow on the same
/// line, as in the seed files), a dateline with a full date, or the date given on the command
/// line for an article that states neither. Never a guess: without any of them the date is unknown.
public enum PublicationDateFinder {
    public static func find(in scalars: [Unicode.Scalar], given: CalendarDay?) throws(PublicationError) -> Publication {
        var i = 0
        while i < scalars.count, scalars[i] == " " || scalars[i] == "\t" || scalars[i] == "\u{FEFF}" { i += 1 }
        var day: CalendarDay?
        var origin = Publication.Origin.unknown
        var bodyStart = 0
        if matches("date ", scalars, at: i) {
            var j = i + 5
            while j < scalars.count, scalars[j] == " " { j += 1 }
            var k = j
            while k < scalars.count, !scalars[k].properties.isWhitespace { k += 1 }
            let written = text(scalars, j, k)
            guard let parsed = CalendarDay(written) else { throw .unparsableDateLine(written) }
            day = parsed
            origin = .dateLine
            bodyStart = k
        }
        let dateline = Self.dateline(in: scalars, from: bodyStart)
        if day == nil, let printed = dateline?.day {
            day = printed
            origin = .dateline
        }
        if day == nil, let given {
            day = given
            origin = .option
        }
        return Publication(day: day, origin: origin, bodyStart: bodyStart, datelinePlace: dateline?.place)
    }

    /// "KYIV:" or "KYIV, Aug 16 (Reuters) -" or "SUMY, Ukraine, August 16, 2024 —" at the start
    /// of the body: a run of capitals then a colon, a comma or a dash.
    static func dateline(in scalars: [Unicode.Scalar], from start: Int) -> (
        place: (text: String, start: Int, end: Int), day: CalendarDay?
    )? {
        var i = start
        while i < scalars.count, scalars[i].properties.isWhitespace { i += 1 }
        let placeStart = i
        var last = i
        while i < scalars.count, scalars[i].properties.isUppercase || scalars[i] == " " || scalars[i] == "-" {
            if scalars[i].properties.isUppercase { last = i + 1 }
            i += 1
        }
        guard last - placeStart >= 3, last < scalars.count else { return nil }
        var j = last
        while j < scalars.count, scalars[j] == " " { j += 1 }
        guard j < scalars.count, [":", ",", "—", "–", "("].contains(scalars[j]) else { return nil }
        // A capitalised headline word followed by lower case is not a dateline.
        guard scalars[j] != "(" || matches("(Reuters)", scalars, at: j) || matches("(AP)", scalars, at: j) else {
            return nil
        }
        let place = (text(scalars, placeStart, last), placeStart, last)
        let lineEnd = scalars[j...].firstIndex(where: { $0 == "\n" }) ?? scalars.count
        let rest = text(scalars, j, min(lineEnd, j + 60))
        return (place, fullDate(in: rest))
    }

    /// The first "Month D, YYYY" or "D Month YYYY" in a dateline's text.
    static func fullDate(in text: String) -> CalendarDay? {
        let words = text.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map { String($0).lowercased() }
        for (i, word) in words.enumerated() {
            guard let month = DateResolver.month(word) else { continue }
            if i + 2 < words.count, let d = Int(words[i + 1]), let y = Int(words[i + 2]), words[i + 2].count == 4 {
                return CalendarDay.make(year: y, month: month, day: d)
            }
            if i >= 1, i + 1 < words.count, let d = Int(words[i - 1]), let y = Int(words[i + 1]),
                words[i + 1].count == 4
            {
                return CalendarDay.make(year: y, month: month, day: d)
            }
        }
        return nil
    }

    private static func matches(_ literal: String, _ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        let wanted = Array(literal.unicodeScalars)
        guard index + wanted.count <= scalars.count else { return false }
        return Array(scalars[index..<(index + wanted.count)]) == wanted
    }

    private static func text(_ scalars: [Unicode.Scalar], _ start: Int, _ end: Int) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[start..<end])
        return String(view)
    }
}

extension CalendarDay {
    /// The day, or nil when it does not exist.
    public static func make(year: Int, month: Int, day: Int) -> CalendarDay? {
        guard (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year) else { return nil }
        return CalendarDay(ordinal: ordinal(year: year, month: month, day: day))
    }

    /// 0 for Monday … 6 for Sunday (1970-01-01 was a Thursday).
    public var weekday: Int {
        ((ordinal % 7) + 7 + 3) % 7
    }
}
