/// The two tiers front-line maps draw: ground held, and the grey zone around it.
public enum ControlTier: String, Hashable, Sendable, CaseIterable {
    case controlled
    case contested
}

/// One tier of the estimated control area on a day.
public struct ControlArea: Hashable, Sendable {
    public var tier: ControlTier
    public var geometry: MultiPolygon<LonLat>
    /// Geodesic area on WGS 84, square kilometres.
    public var areaSquareKilometers: Double
    /// Events whose places shaped this tier, sorted.
    public var eventIDs: [String]
    /// The distinct sources those events cite, sorted by id.
    public var sourceIDs: [String]
    /// Greatest distance of the tier from the border, kilometres (0 when empty).
    public var depthKilometers: Double
    /// The tier's point farthest from the border and the border point nearest to it.
    public var deepestPoint: LonLat?
    public var borderPoint: LonLat?
    /// Gazetteer settlements (cities, towns, villages) inside the tier, sorted by id.
    public var settlementIDs: [String]

    public init(
        tier: ControlTier, geometry: MultiPolygon<LonLat>, areaSquareKilometers: Double, eventIDs: [String],
        sourceIDs: [String] = [], depthKilometers: Double = 0, deepestPoint: LonLat? = nil, borderPoint: LonLat? = nil,
        settlementIDs: [String] = []
    ) {
        self.tier = tier
        self.geometry = geometry
        self.areaSquareKilometers = areaSquareKilometers
        self.eventIDs = eventIDs
        self.sourceIDs = sourceIDs
        self.depthKilometers = depthKilometers
        self.deepestPoint = deepestPoint
        self.borderPoint = borderPoint
        self.settlementIDs = settlementIDs
    }
}

/// An event the estimate could not draw, and why (e.g. located only to a region).
public struct UnmappedEvent: Hashable, Sendable {
    public var eventID: String
    public var reason: String

    public init(eventID: String, reason: String) {
        self.eventID = eventID
        self.reason = reason
    }
}

/// A bound of the estimate on a day, as written, with its geodesic area.
public struct AreaBound: Hashable, Sendable {
    public var geometry: MultiPolygon<LonLat>
    /// Geodesic area on WGS 84, square kilometres.
    public var areaSquareKilometers: Double

    public init(geometry: MultiPolygon<LonLat>, areaSquareKilometers: Double) {
        self.geometry = geometry
        self.areaSquareKilometers = areaSquareKilometers
    }

    public static let empty = AreaBound(geometry: MultiPolygon(), areaSquareKilometers: 0)
}

/// Which of a day's bounds to make: each is a union, written and measured, on the days its
/// shape changes, so a caller that judges one claim a day asks only for the bound it reads.
public struct RangeBounds: OptionSet, Hashable, Sendable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// `ControlEstimate.lowerBound`.
    public static let lower = RangeBounds(rawValue: 1)
    /// `ControlEstimate.reportedBound`.
    public static let reported = RangeBounds(rawValue: 2)
    /// `ControlEstimate.upperBound`.
    public static let upper = RangeBounds(rawValue: 4)
    public static let all: RangeBounds = [.lower, .reported, .upper]
}

/// The estimate as of a day: both tiers, and how it was made.
public struct ControlEstimate: Hashable, Sendable {
    public var asOf: CalendarDay
    public var controlled: ControlArea
    public var contested: ControlArea
    /// The metric projection the buffers and hulls were computed in (a PROJ string).
    public var projection: String
    /// Events on or before the day that the estimate could not use.
    public var unmapped: [UnmappedEvent]
    /// The ground the reports make certain: the cells of places reported held (`cells`), or
    /// their discs clipped to the territory (the other joins). Nil unless asked for
    /// (`RangeBounds`).
    public var lowerBound: AreaBound?
    /// The ground the reports make certain is held or fought over: the lower bound with the
    /// cells or discs of the places reported contested. The certain ground of a claim that
    /// counts the grey zone. Nil unless asked for.
    public var reportedBound: AreaBound?
    /// Everything the reports do not contradict: held, contested and unknown cells no deeper
    /// than the deepest reported place (`cells`), or controlled + contested (the other joins).
    public var upperBound: AreaBound?

    public init(
        asOf: CalendarDay, controlled: ControlArea, contested: ControlArea, projection: String,
        unmapped: [UnmappedEvent], lowerBound: AreaBound? = nil, reportedBound: AreaBound? = nil,
        upperBound: AreaBound? = nil
    ) {
        self.asOf = asOf
        self.controlled = controlled
        self.contested = contested
        self.projection = projection
        self.unmapped = unmapped
        self.lowerBound = lowerBound
        self.reportedBound = reportedBound
        self.upperBound = upperBound
    }

    public var tiers: [ControlArea] { [controlled, contested] }

    /// Whether the estimate carries every bound of `bounds`.
    public func carries(_ bounds: RangeBounds) -> Bool {
        (!bounds.contains(.lower) || lowerBound != nil) && (!bounds.contains(.reported) || reportedBound != nil)
            && (!bounds.contains(.upper) || upperBound != nil)
    }

    /// Greatest distance of the whole estimate (both tiers) from the border, kilometres.
    public var depthKilometers: Double { max(controlled.depthKilometers, contested.depthKilometers) }
}

/// The ranges the estimate's parameters must lie in. Beyond them the discs and bands outgrow
/// any front (and, far beyond, the projection and GEOS's arithmetic), so a timeline asking
/// for more is refused with the field instead of failing inside GEOS.
public enum EstimateBounds {
    /// `radius_km` of each place kind: more than 0, at most this.
    public static let radiusKilometers = 200.0
    /// `precision_factor` of each precision: more than 0, at most this.
    public static let precisionFactor = 10.0
    /// `contested_band_km`: 0 or more, at most this.
    public static let contestedBandKilometers = 200.0
    /// `stale_after_days` and `held_expires_days`: whole days, at least 1, at most this (a century).
    public static let ageDays = 36_525
}
