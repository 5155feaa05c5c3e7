/// What a number in the news measures.
public enum ClaimQuantity: String, Hashable, Sendable, CaseIterable {
    case area, distance, depth, advance, settlements, people
}

/// Which geometry or count a claimed figure refers to.
public enum ClaimDefinition: String, Hashable, Sendable, CaseIterable {
    case controlled
    case controlledPlusContested = "controlled_plus_contested"
    case advancedOver = "advanced_over"
    case depth
    case distanceToBorder = "distance_to_border"
    case distanceToFighting = "distance_to_fighting"
    case distanceBetween = "distance_between"
    case settlementsControlled = "settlements_controlled"
    case evacuated
    case fled
    case advancePerDay = "advance_per_day"
    case other
}

/// How the figure was hedged as written; it decides which side of a measurement is a contradiction.
public enum Hedge: String, Hashable, Sendable, CaseIterable {
    case exact, about
    case atLeast = "at_least"
    case moreThan = "more_than"
    case upTo = "up_to"
    case range
}

/// Units as the news writes them, normalised.
public enum ClaimUnit: String, Hashable, Sendable, CaseIterable {
    case squareKilometers = "km2"
    case squareMiles = "sq mi"
    case kilometers = "km"
    case meters = "m"
    case miles = "mi"
    case settlements
    case people

    /// Factor to the SI-derived unit the checker measures in (km², km, or a count).
    public var toCanonical: Double {
        switch self {
        case .squareKilometers, .kilometers, .settlements, .people: return 1
        case .squareMiles: return 2.589_988_110_336  // (1.609344 km)², exact by definition of the mile
        case .miles: return 1.609_344
        case .meters: return 0.001
        }
    }
}

/// A claimed value: one number or a range.
public enum ClaimValue: Hashable, Sendable, CustomStringConvertible {
    case single(Double)
    case range(low: Double, high: Double)

    public var description: String {
        switch self {
        case .single(let v): return formatNumber(v)
        case .range(let low, let high): return "\(formatNumber(low))–\(formatNumber(high))"
        }
    }
}

public func formatNumber(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
}

/// Who said what quantity, on which date, as of which date, meaning which definition.
public struct Claim: Hashable, Sendable, Identifiable {
    public var id: String
    public var eventID: String
    public var claimant: String
    public var stated: CalendarDay
    public var asOf: CalendarDay
    public var dateNote: String
    public var quantity: ClaimQuantity
    public var definition: ClaimDefinition
    public var value: ClaimValue
    public var unit: ClaimUnit
    public var hedge: Hedge
    public var asWritten: String
    /// Place ids for distance claims, "" when not applicable.
    public var placeID: String
    /// `border`, `fighting`, a place id, or "".
    public var to: String
    public var sourceIDs: [String]

    public init(
        id: String, eventID: String, claimant: String, stated: CalendarDay, asOf: CalendarDay, dateNote: String,
        quantity: ClaimQuantity, definition: ClaimDefinition, value: ClaimValue, unit: ClaimUnit, hedge: Hedge,
        asWritten: String, placeID: String, to: String, sourceIDs: [String]
    ) {
        self.id = id
        self.eventID = eventID
        self.claimant = claimant
        self.stated = stated
        self.asOf = asOf
        self.dateNote = dateNote
        self.quantity = quantity
        self.definition = definition
        self.value = value
        self.unit = unit
        self.hedge = hedge
        self.asWritten = asWritten
        self.placeID = placeID
        self.to = to
        self.sourceIDs = sourceIDs
    }
}

extension ClaimUnit {
    /// Reads a unit as the news or a user writes it ("square kilometres", "km²", "sq km", "miles").
    public init?(parsing text: String) {
        let folded = text.lowercased().replacingOccurrences(of: ".", with: "")
            .split(whereSeparator: { $0 == " " || $0 == "_" }).joined(separator: " ")
        guard let unit = Self.spellings[folded] else { return nil }
        self = unit
    }

    private static let spellings: [String: ClaimUnit] = {
        var table: [String: ClaimUnit] = [:]
        let groups: [(ClaimUnit, [String])] = [
            (
                .squareKilometers,
                [
                    "km2", "km²", "sq km", "square km", "square kilometres", "square kilometers",
                    "square kilometre", "square kilometer", "kilometres squared", "kilometers squared",
                ]
            ),
            (.squareMiles, ["sq mi", "mi2", "mi²", "square miles", "square mile", "sq miles"]),
            (.kilometers, ["km", "kms", "kilometres", "kilometers", "kilometre", "kilometer"]),
            (.meters, ["m", "metres", "meters", "metre", "meter"]),
            (.miles, ["mi", "mile", "miles"]),
            (.settlements, ["settlements", "settlement", "villages", "localities"]),
            (.people, ["people", "persons", "person", "residents", "civilians", "soldiers", "troops", "prisoners"]),
        ]
        for (unit, spellings) in groups { for s in spellings { table[s] = unit } }
        return table
    }()
}
