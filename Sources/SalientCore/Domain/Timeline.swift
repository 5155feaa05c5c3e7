/// How the control estimate joins reported places to the border.
public enum JoinMethod: String, Hashable, Sendable, CaseIterable {
    /// One convex hull of every place's corridor to the border: a salient's usual shape.
    case hull
    /// Each place's own corridor to the border, unioned: thinner, for scattered raids.
    case corridors
    /// A concave hull of the corridors' vertices (`concave_ratio`), with the corridors
    /// themselves: follows pockets along the border without bridging the land between them.
    case concave
    /// The nearest-settlement tessellation of the territory (GEOS Voronoi, clipped), each cell
    /// taking its settlement's state: ground between a held and an enemy village is split
    /// along their perpendicular bisector.
    case cells
}

/// The documented parameters of the control estimate, set in the timeline's header.
public struct EstimateParameters: Hashable, Sendable {
    /// Whose control is estimated (events by other actors count as contested ground).
    public var actor: String
    /// Areas (gazetteer ids) the estimate is clipped to: the territory the actor entered.
    public var territoryIDs: [String]
    /// The border line (gazetteer id) corridors are drawn from.
    public var borderID: String
    /// Buffer radius round a place, kilometres, by its kind.
    public var radiusKilometers: [PlaceKind: Double]
    /// Radius multiplier by location precision.
    public var precisionFactor: [LocationPrecision: Double]
    /// Width of the grey zone beyond the controlled area, kilometres.
    public var contestedBandKilometers: Double
    public var join: JoinMethod
    /// How concave the `concave` join is: the GEOS ConcaveHull ratio, 0 < ratio ≤ 1 (1: convex).
    public var concaveRatio: Double = EstimateParameters.defaultConcaveRatio
    public static let defaultConcaveRatio = 0.3
    /// Days after its latest report a place drawn as contested leaves the estimate; nil: never.
    public var staleAfterDays: Int?
    /// Days after its latest report a held place falls back to contested; nil: never.
    public var heldExpiresDays: Int?

    public init(
        actor: String, territoryIDs: [String], borderID: String, radiusKilometers: [PlaceKind: Double],
        precisionFactor: [LocationPrecision: Double], contestedBandKilometers: Double, join: JoinMethod
    ) {
        self.actor = actor
        self.territoryIDs = territoryIDs
        self.borderID = borderID
        self.radiusKilometers = radiusKilometers
        self.precisionFactor = precisionFactor
        self.contestedBandKilometers = contestedBandKilometers
        self.join = join
    }

    /// Radius an event stands for, metres; nil when its location is too coarse to map
    /// (region precision, or a kind or precision the header gives no radius for).
    public func radiusMeters(kind: PlaceKind?, precision: LocationPrecision) -> Double? {
        guard precision != .region, let factor = precisionFactor[precision] else { return nil }
        guard let radius = radiusKilometers[kind ?? .village] else { return nil }
        return radius * factor * 1000
    }

    /// A one-line statement of the parameters, recorded on every estimate feature.
    public var summary: String {
        let radii = PlaceKind.allCases.compactMap { kind in
            radiusKilometers[kind].map { "\(kind.rawValue) \(formatNumber($0)) km" }
        }
        let factors = LocationPrecision.allCases.compactMap { p in
            precisionFactor[p].map { "\(p.rawValue) ×\(formatNumber($0))" }
        }
        return
            "radius by kind: \(radii.joined(separator: ", ")); precision factor: \(factors.joined(separator: ", ")); "
            + "contested band \(formatNumber(contestedBandKilometers)) km; join \(join.rawValue)\(joinDetail); "
            + "clipped to \(territoryIDs.joined(separator: " + ")); corridors from \(borderID)" + ageing
    }

    /// The concave hull's ratio, in the summary only for that join (other summaries stay as they were).
    private var joinDetail: String {
        join == .concave ? " (ratio \(formatNumber(concaveRatio)))" : ""
    }

    /// The ageing of place states, in the summary only when the timeline asks for it.
    private var ageing: String {
        var parts: [String] = []
        if let days = heldExpiresDays { parts.append("held falls back to contested after \(days) days unreported") }
        if let days = staleAfterDays { parts.append("contested goes stale after \(days) days unreported") }
        return parts.map { "; " + $0 }.joined()
    }
}

/// A dated record of events and claims with the sources they cite.
public struct Timeline: Hashable, Sendable {
    public var id: String
    public var title: String
    /// IANA zone whose midnight separates the timeline's days.
    public var timeZone: String
    public var estimate: EstimateParameters
    public var sources: [Source]
    public var events: [Event]
    public var claims: [Claim]

    public init(
        id: String, title: String, timeZone: String, estimate: EstimateParameters,
        sources: [Source], events: [Event], claims: [Claim]
    ) {
        self.id = id
        self.title = title
        self.timeZone = timeZone
        self.estimate = estimate
        self.sources = sources
        self.events = events
        self.claims = claims
    }

    public func source(id: String) -> Source? {
        sources.first { $0.id == id }
    }

    /// The first and last day any event touches, or nil for an empty timeline.
    public var span: (start: CalendarDay, end: CalendarDay)? {
        guard let start = events.map(\.date.start).min(), let end = events.map(\.date.end).max() else { return nil }
        return (start, end)
    }
}
