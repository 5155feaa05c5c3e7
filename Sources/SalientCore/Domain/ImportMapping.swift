/// ACLED's and UCDP's precision codes and event types in Salient's terms: the tables
/// docs/formats.md ("Importing ACLED and UCDP") documents, kept pure so tests can walk them.
public enum ACLEDMapping {
    /// `sub_event_type` → kind. Battles that move territory are control changes, clashes are
    /// contested ground, remote violence is a strike; what is not fighting shapes no tier.
    public static let subEventKinds: [(subEventType: String, kind: EventKind)] = [
        ("Armed clash", .contested),
        ("Government regains territory", .control),
        ("Non-state actor overtakes territory", .control),
        ("Non-violent transfer of territory", .control),
        ("Air/drone strike", .strike),
        ("Shelling/artillery/missile attack", .strike),
        ("Remote explosive/landmine/IED", .strike),
        ("Grenade", .strike),
        ("Suicide bomb", .strike),
        ("Chemical weapon", .strike),
        ("Attack", .strike),
        ("Abduction/forced disappearance", .emergency),
        ("Sexual violence", .emergency),
        ("Looting/property destruction", .emergency),
        ("Mob violence", .emergency),
        ("Violent demonstration", .emergency),
        ("Excessive force against protesters", .emergency),
        ("Peaceful protest", .statement),
        ("Protest with intervention", .statement),
        ("Agreement", .statement),
        ("Arrests", .statement),
        ("Change to group/activity", .statement),
        ("Disrupted weapons use", .statement),
        ("Headquarters or base established", .statement),
        ("Other", .statement),
    ]

    public static func kind(subEventType: String) -> EventKind? {
        let folded = subEventType.lowercased()
        return subEventKinds.first { $0.subEventType.lowercased() == folded }?.kind
    }

    /// The ACLED sub-event type and event type written for a kind on export.
    public static func subEventType(for kind: EventKind) -> (eventType: String, subEventType: String) {
        switch kind {
        case .control: return ("Battles", "Non-state actor overtakes territory")
        case .advance, .contested, .repelled: return ("Battles", "Armed clash")
        case .strike: return ("Explosions/Remote violence", "Shelling/artillery/missile attack")
        case .evacuation, .emergency, .statement: return ("Strategic developments", "Other")
        }
    }

    /// `geo_precision`: 1 the place itself, 2 near it (a town standing for a small area),
    /// 3 a larger region coded to a natural location or the provincial capital, so region.
    public static func locationPrecision(geoPrecision code: Int) -> LocationPrecision? {
        switch code {
        case 1: return .exact
        case 2: return .near
        case 3: return .region
        default: return nil
        }
    }

    public static func geoPrecision(for precision: LocationPrecision) -> Int {
        switch precision {
        case .exact: return 1
        case .near: return 2
        case .district, .region: return 3
        }
    }

    /// `time_precision`: 1 the day written; 2 "during the week", read as the ISO week (Monday
    /// to Sunday) holding the day written; 3 "only the month", the whole calendar month.
    public static func date(written day: CalendarDay, timePrecision code: Int) -> EventDate? {
        switch code {
        case 1: return .day(day)
        case 2: return .interval(start: day.mondayOfWeek, end: day.mondayOfWeek.adding(days: 6))
        case 3: return .interval(start: day.firstOfMonth, end: day.lastOfMonth)
        default: return nil
        }
    }

    /// The inverse for export: a day is 1, an interval of up to 7 days 2, anything longer 3.
    public static func timePrecision(for date: EventDate) -> Int {
        switch date {
        case .day: return 1
        case .interval(let start, let end): return end.ordinal - start.ordinal < 7 ? 2 : 3
        }
    }
}

public enum UCDPMapping {
    /// `where_prec` 1–7: exact; a limited area around a place; an ADM2 centroid; an ADM1
    /// centroid; larger than ADM1 or between places; a country centroid; water or airspace.
    public static func locationPrecision(wherePrecision code: Int) -> LocationPrecision? {
        switch code {
        case 1: return .exact
        case 2: return .near
        case 3: return .district
        case 4, 5, 6, 7: return .region
        default: return nil
        }
    }

    /// `date_prec` 1–5 (the day; 2–6 days; a week; a month; a year) over `date_start`–`date_end`:
    /// 1–3 keep the range UCDP gives; 4 widens it to whole months, 5 to whole years, since the
    /// codebook says only the month or year is known.
    public static func date(start: CalendarDay, end: CalendarDay, datePrecision code: Int) -> EventDate? {
        guard end >= start else { return nil }
        let (from, to): (CalendarDay, CalendarDay)
        switch code {
        case 1, 2, 3: (from, to) = (start, end)
        case 4: (from, to) = (start.firstOfMonth, end.lastOfMonth)
        case 5: (from, to) = (start.firstOfYear, end.lastOfYear)
        default: return nil
        }
        return from == to ? .day(from) : .interval(start: from, end: to)
    }

    /// `type_of_violence`: 1 state-based and 2 non-state fighting are contested ground,
    /// 3 one-sided violence against civilians a strike.
    public static func kind(typeOfViolence code: Int) -> EventKind? {
        switch code {
        case 1, 2: return .contested
        case 3: return .strike
        default: return nil
        }
    }
}

extension CalendarDay {
    /// Parses ACLED's two forms: `2024-08-14` and `14 August 2024` (full or three-letter month).
    public static func parsingACLED(_ text: String) -> CalendarDay? {
        if let day = CalendarDay(text) { return day }
        let parts = text.split(separator: " ")
        let months = [
            "january", "february", "march", "april", "may", "june", "july", "august", "september",
            "october", "november", "december",
        ]
        guard parts.count == 3, parts[0].count <= 2, parts[2].count == 4,
            parts[0].allSatisfy({ $0.isASCII && $0.isNumber }), parts[2].allSatisfy({ $0.isASCII && $0.isNumber }),
            let day = Int(parts[0]), let year = Int(parts[2]), year > 0
        else { return nil }
        let name = parts[1].lowercased()
        guard let index = months.firstIndex(where: { $0 == name || (name.count == 3 && $0.hasPrefix(name)) }),
            (1...Self.daysIn(month: index + 1, year: year)).contains(day)
        else { return nil }
        return CalendarDay(ordinal: Self.ordinal(year: year, month: index + 1, day: day))
    }

    /// 1970-01-01 was a Thursday, three days after a Monday.
    public var mondayOfWeek: CalendarDay {
        adding(days: -(((ordinal + 3) % 7) + 7) % 7)
    }

    public var firstOfMonth: CalendarDay {
        let c = components
        return CalendarDay(ordinal: Self.ordinal(year: c.year, month: c.month, day: 1))
    }

    public var lastOfMonth: CalendarDay {
        let c = components
        return CalendarDay(
            ordinal: Self.ordinal(
                year: c.year, month: c.month,
                day: Self.daysIn(
                    month: c.month,
                    year: c.year)))
    }

    public var firstOfYear: CalendarDay {
        CalendarDay(ordinal: Self.ordinal(year: components.year, month: 1, day: 1))
    }

    public var lastOfYear: CalendarDay {
        CalendarDay(ordinal: Self.ordinal(year: components.year, month: 12, day: 31))
    }
}
