/// What every measure reads: the timeline, its gazetteer and maps, the estimates and the border,
/// with the caches that spare recomputing them. The caches live here and nowhere else.
///
/// Holds GEOS and PROJ contexts (through its estimators), so one context serves one thread.
final class CheckContext {
    let timeline: Timeline
    let gazetteer: Gazetteer
    let maps: [ReferenceMap]
    let geodesic: Geodesic
    let borderPlace: Place
    /// Gazetteer settlements with a point, in the gazetteer's order.
    let settlements: [(id: String, position: LonLat)]
    private let borderLines: MultiLineString<LonLat>
    /// Claims are judged against each day's range: an estimate carries the bounds its day's
    /// claims read.
    private let estimator: ControlAreaEstimator
    /// One PROJ context for every place frame, so that proj.db is opened once per check.
    private let proj: PROJContext
    private var estimates: [CalendarDay: ControlEstimate] = [:]
    /// The reports each day draws (`drawnReports`): indices, so that a long check holds little.
    private var drawn: [CalendarDay: [Int]] = [:]
    private var stretches: [CalendarDay: BorderStretch] = [:]
    private var lands: [LandKey: DerivedArea] = [:]
    /// The border point nearest each place, found once: depth claims ask it of every event.
    private var nearestBorderPoints: [LonLat: LonLat] = [:]

    /// Days whose reported places span the same stretch share its land.
    private struct LandKey: Hashable {
        var stretch: BorderStretch
        var kilometers: Double
    }

    init(timeline: Timeline, gazetteer: Gazetteer, maps: [ReferenceMap], geodesic: Geodesic) throws {
        guard let border = gazetteer.place(id: timeline.estimate.borderID),
            case .multiLineString(let lines) = border.geometry
        else {
            throw EstimateSetupError(
                description: "estimate border '\(timeline.estimate.borderID)' is not a line in the gazetteer")
        }
        estimator = try ControlAreaEstimator(timeline: timeline, gazetteer: gazetteer, geodesic: geodesic)
        proj = try PROJContext()
        self.timeline = timeline
        self.gazetteer = gazetteer
        self.maps = maps
        self.geodesic = geodesic
        borderPlace = border
        borderLines = lines
        settlements = Self.settlements(of: gazetteer)
    }

    /// A plain loop: Swift 6.3.1's optimizer (CopyPropagation) crashes in release builds on
    /// `places.filter(…).compactMap { $0.point.map … }` here.
    private static func settlements(of gazetteer: Gazetteer) -> [(id: String, position: LonLat)] {
        var settlements: [(id: String, position: LonLat)] = []
        for place in gazetteer.places where place.kind.isSettlement {
            if let point = place.point { settlements.append((place.id, point)) }
        }
        return settlements
    }

    /// A ground event located to a place (exact or near), not only to a district or region.
    static func isReportedPlace(_ event: Event, parameters: EstimateParameters) -> Bool {
        GroundEvent(event, parameters: parameters)?.isLocatedToPlace == true
    }

    // MARK: - Estimates

    /// Estimates the ascending `days` at once, each built on the previous one.
    /// `bounds`: those each day's claims read.
    func prepareEstimates(for days: [CalendarDay], bounds: [CalendarDay: RangeBounds]) throws {
        for (day, estimate) in zip(days, try estimator.estimates(for: days, bounds: { bounds[$0] ?? [] })) {
            estimates[day] = estimate
        }
        for (day, reports) in zip(days, estimator.drawnReports(on: days)) { drawn[day] = reports }
    }

    /// The ground events the estimate draws on `day`, with their radii (`mappedGroundEvents`).
    private func mappedGroundEvents(_ day: CalendarDay) -> [(event: Event, radius: Double)] {
        if let known = drawn[day] { return estimator.mappedGroundEvents(of: known) }
        let reports = estimator.drawnReports(on: [day])[0]
        drawn[day] = reports
        return estimator.mappedGroundEvents(of: reports)
    }

    /// The estimate of `day` with at least `bounds`.
    func estimate(_ day: CalendarDay, bounds: RangeBounds = []) throws -> ControlEstimate {
        if let known = estimates[day], known.carries(bounds) { return known }
        let estimate = try estimator.estimate(asOf: day, bounds: .all)
        estimates[day] = estimate
        return estimate
    }

    /// Tiers joined into one valid area, as written and measured.
    func joined(_ areas: [ControlArea]) throws -> DerivedArea {
        try estimator.joined(areas, geodesic: geodesic)
    }

    /// Ground events located to a place that the estimate draws on `day` (behind their place's
    /// state that day: a place lost is no longer reported ground), sorted by id.
    func reportedEvents(asOf day: CalendarDay) -> [Event] {
        mappedGroundEvents(day).map(\.event).filter {
            Self.isReportedPlace($0, parameters: timeline.estimate)
        }
    }

    /// What the estimate of a day rests on.
    func evidence(_ day: CalendarDay) -> EvidenceBase {
        let mapped = mappedGroundEvents(day).map(\.event)
        let precise = Set(mapped.filter { GroundEvent.locatesPlace($0.locationPrecision) }.map(Self.placeName)).sorted()
        let coarse = mapped.filter { !GroundEvent.locatesPlace($0.locationPrecision) }.count
        return EvidenceBase(day: day, precisePlaces: precise, coarseReports: coarse)
    }

    /// The gazetteer name, or for an event given by coordinates, the event's own id.
    static func placeName(of event: Event) -> String {
        event.placeName.isEmpty ? "the point of \(event.id)" : event.placeName
    }

    // MARK: - The border

    /// The stretch of border the places reported by `day` span; nil when nothing is mapped.
    func stretch(_ day: CalendarDay) throws -> BorderStretch? {
        if let known = stretches[day] { return known }
        guard let stretch = try estimator.reportedBorderStretch(of: mappedGroundEvents(day), geodesic: geodesic)
        else { return nil }
        stretches[day] = stretch
        return stretch
    }

    /// Land within a distance of a day's stretch of border, buffered once per stretch and distance.
    func land(within kilometers: Double, of stretch: BorderStretch) throws -> DerivedArea {
        let key = LandKey(stretch: stretch, kilometers: kilometers)
        if let known = lands[key] { return known }
        let land = try estimator.land(within: kilometers, of: stretch, geodesic: geodesic)
        lands[key] = land
        return land
    }

    func nearestBorderPoint(to position: LonLat) throws -> LonLat {
        if let known = nearestBorderPoints[position] { return known }
        let point = try PlaceFrame(center: position, proj: proj).nearestPoint(on: borderLines)
        nearestBorderPoints[position] = point
        return point
    }

    /// Distance from the border in the estimate's plane, kilometres: for ranking, not reporting.
    func planarBorderDistanceKilometers(of position: LonLat) throws -> Double {
        try estimator.planarBorderDistanceKilometers(of: position)
    }

    // MARK: - Places

    /// A frame centred on a place, sharing the context's PROJ context.
    func frame(centeredOn position: LonLat) throws -> PlaceFrame {
        try PlaceFrame(center: position, proj: proj)
    }

    /// The gazetteer place and its point, or nil when the place is not a point.
    func point(_ id: String) -> (place: Place, position: LonLat)? {
        guard let place = gazetteer.place(id: id), let position = place.point else { return nil }
        return (place, position)
    }

    /// Why a place cannot be measured from: it is missing, or it is not a point.
    func unmeasurablePlace(_ id: String) -> NotMeasurable {
        guard let place = gazetteer.place(id: id) else { return .noPlace }
        return .notAPoint(place)
    }

    /// The ids of the gazetteer settlements inside `area`, sorted.
    func settlementIDs(inside area: MultiPolygon<LonLat>) throws -> [String] {
        try estimator.ids(of: settlements, inside: area)
    }
}
