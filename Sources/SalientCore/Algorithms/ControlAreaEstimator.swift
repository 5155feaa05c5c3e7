/// A timeline whose estimate parameters do not fit its gazetteer.
public struct EstimateSetupError: Error, CustomStringConvertible, Sendable {
    public var description: String
}

/// Estimates the controlled and contested areas on a day from the timeline's ground events.
///
/// The method, in a local metric projection centred on the mapped events:
/// 1. each ground event (control, advance, contested, repelled) located more precisely than a
///    region stands for a disc whose radius is `radius_km[kind] × precision_factor[precision]`;
/// 2. each disc is joined to the nearest point of the border by a corridor (the convex hull of
///    the disc and an equal disc on the border), since ground is reached from the border;
/// 3. controlled = the corridors of the actor's `control` events, joined (`hull`: one convex
///    hull; `corridors`: their union), clipped to the territory;
/// 4. contested = every ground corridor joined the same way and widened by the contested
///    band, clipped to the territory, less the controlled area.
/// An event counts from the last day it may have happened on (an interval's end), so the
/// estimate never shows what the sources do not yet support.
///
/// Day after day the work is incremental: each corridor is built once, a hull grows from the
/// previous day's hull, and a day that adds no ground event repeats the previous state. Every
/// result is brought to GEOS's canonical form, so a day computed from scratch and a day reached
/// incrementally are identical to the bit, which lets days be computed in parallel chunks.
///
/// Holds GEOS and PROJ contexts, so one estimator serves one thread.
public final class ControlAreaEstimator {
    public let timeline: Timeline
    public let projection: LocalMetricProjection
    private let geodesic: Geodesic
    let geos: GEOSContext
    let projector: Projector
    let territory: GEOSObject
    let border: GEOSObject
    private let settlements: [(id: String, point: GEOSObject)]
    /// Ground events in the order they enter the estimate: by last possible day, then id.
    private let ground: [(event: Event, tier: ControlTier, radius: Double?)]
    private var corridors: [String: GEOSObject] = [:]

    /// Densification step for depth measurement: depths are exact to within this spacing.
    static let depthSampleMeters = 100.0

    public init(timeline: Timeline, gazetteer: Gazetteer, geodesic: Geodesic) throws {
        self.timeline = timeline
        self.geodesic = geodesic
        let parameters = timeline.estimate
        var territoryAreas: [MultiPolygon<LonLat>] = []
        for id in parameters.territoryIDs {
            guard let place = gazetteer.place(id: id), case .multiPolygon(let area) = place.geometry else {
                throw EstimateSetupError(description: "estimate territory '\(id)' is not an area in the gazetteer")
            }
            territoryAreas.append(area)
        }
        guard let borderPlace = gazetteer.place(id: parameters.borderID),
              case .multiLineString(let borderLines) = borderPlace.geometry else {
            throw EstimateSetupError(description: "estimate border '\(parameters.borderID)' is not a line in the gazetteer")
        }
        ground = timeline.events.compactMap { event in
            Self.tier(of: event, actor: parameters.actor).map {
                (event, $0, parameters.radiusMeters(kind: event.placeKind, precision: event.locationPrecision))
            }
        }.sorted { ($0.event.date.end, $0.event.id) < ($1.event.date.end, $1.event.id) }
        let mapped = ground.filter { $0.radius != nil }.map(\.event.position)
        projection = LocalMetricProjection(centeredOn: mapped.isEmpty ? borderLines.lines.flatMap { $0 } : mapped)
        let geos = try GEOSContext()
        let projector = try projection.makeProjector(context: try PROJContext())
        let parts = try territoryAreas.map { try geos.multiPolygon(projector.project($0)) }
        self.geos = geos
        self.projector = projector
        territory = try geos.collection(of: parts).unaryUnion()
        border = try geos.multiLineString(projector.project(borderLines))
        settlements = try gazetteer.places.filter { $0.kind.isSettlement }.sorted { $0.id < $1.id }.compactMap { place in
            guard let p = place.point else { return nil }
            return (place.id, try geos.point(projector.project(p)))
        }
    }

    /// Which tier an event shapes, or nil when it is not a ground event.
    static func tier(of event: Event, actor: String) -> ControlTier? {
        switch event.kind {
        case .control: return event.actor == actor ? .controlled : .contested
        case .advance, .contested, .repelled: return .contested
        case .strike, .evacuation, .emergency, .statement: return nil
        }
    }

    /// What has been folded in so far; `estimates(for:)` carries it from day to day.
    public struct State {
        fileprivate var included = 0
        fileprivate var controlledJoined: GEOSObject?
        fileprivate var allJoined: GEOSObject?
        fileprivate var controlledIDs: [String] = []
        fileprivate var allIDs: [String] = []
        fileprivate var unmapped: [UnmappedEvent] = []
        fileprivate var last: ControlEstimate?

        public init() {}
    }

    public func estimate(asOf day: CalendarDay) throws -> ControlEstimate {
        var state = State()
        return try advance(&state, to: day)
    }

    /// Estimates for ascending days, each built on the previous one.
    public func estimates(for days: [CalendarDay]) throws -> [ControlEstimate] {
        var state = State()
        return try days.map { try advance(&state, to: $0) }
    }

    /// Folds in the events whose last possible day is on or before `day` (days must ascend).
    public func advance(_ state: inout State, to day: CalendarDay) throws -> ControlEstimate {
        var newControlled: [GEOSObject] = [], newAll: [GEOSObject] = []
        var changedTiers = false, changedUnmapped = false
        while state.included < ground.count, ground[state.included].event.date.end <= day {
            let (event, tier, radius) = ground[state.included]
            state.included += 1
            guard let radius else {
                state.unmapped.append(UnmappedEvent(eventID: event.id, reason: "located only to \(event.locationPrecision.rawValue) precision"))
                changedUnmapped = true
                continue
            }
            let corridor = try self.corridor(for: event, radius: radius)
            if tier == .controlled {
                newControlled.append(corridor)
                state.controlledIDs.append(event.id)
            }
            newAll.append(corridor)
            state.allIDs.append(event.id)
            changedTiers = true
        }
        if var last = state.last, !changedTiers {
            last.asOf = day
            if changedUnmapped { last.unmapped = state.unmapped }
            state.last = last
            return last
        }
        if !newControlled.isEmpty {
            state.controlledJoined = try join(state.controlledJoined, adding: newControlled, all: state.controlledIDs)
        }
        if !newAll.isEmpty {
            state.allJoined = try join(state.allJoined, adding: newAll, all: state.allIDs)
        }
        let controlled = try state.controlledJoined.map { try $0.intersection(territory).normalized() }
        var contested = try state.allJoined.map {
            try $0.buffered(byMeters: timeline.estimate.contestedBandKilometers * 1000).intersection(territory)
        }
        if let c = contested, let controlled { contested = try c.difference(controlled) }
        let estimate = ControlEstimate(
            asOf: day,
            controlled: try area(.controlled, controlled, eventIDs: state.controlledIDs.sorted()),
            contested: try area(.contested, try contested?.normalized(), eventIDs: state.allIDs.sorted()),
            projection: projection.definition,
            unmapped: state.unmapped)
        state.last = estimate
        return estimate
    }

    /// The disc round a place joined to an equal disc at the nearest point of the border;
    /// built once per event.
    private func corridor(for event: Event, radius: Double) throws -> GEOSObject {
        if let cached = corridors[event.id] { return cached }
        let place = try geos.point(projector.project(event.position))
        let (_, onBorder) = try place.nearestPoints(to: border)
        let discs = try geos.collection(of: [place.buffered(byMeters: radius), geos.point(onBorder).buffered(byMeters: radius)])
        let corridor = try discs.convexHull()
        corridors[event.id] = corridor
        return corridor
    }

    /// A hull grows from the previous hull (its vertices are input vertices, so the result is
    /// the hull of all corridors exactly); a union is rebuilt from every corridor, because
    /// re-noding a previous union could move intersection points in the last bits.
    private func join(_ previous: GEOSObject?, adding parts: [GEOSObject], all ids: [String]) throws -> GEOSObject {
        switch timeline.estimate.join {
        case .hull:
            return try geos.collection(of: (previous.map { [$0] } ?? []) + parts).convexHull().normalized()
        case .corridors:
            let every = ids.compactMap { corridors[$0] }
            return try geos.collection(of: every).unaryUnion().normalized()
        }
    }

    private func area(_ tier: ControlTier, _ geometry: GEOSObject?, eventIDs: [String]) throws -> ControlArea {
        guard let geometry, !geometry.isEmpty else {
            return ControlArea(tier: tier, geometry: MultiPolygon(), areaSquareKilometers: 0, eventIDs: eventIDs)
        }
        let planar = try geometry.polygons()
        let lonLat = try projector.unproject(planar)
        var deepest: (distance: Double, point: PlanarPoint)?
        for vertex in try geometry.boundary().densified(maxSegmentMeters: Self.depthSampleMeters).vertices() {
            let distance = try geos.point(vertex).distance(to: border)
            if distance > deepest?.distance ?? -1 { deepest = (distance, vertex) }
        }
        var depth = 0.0, deepestPoint: LonLat?, borderPoint: LonLat?
        if let deepest {
            let (_, nearest) = try geos.point(deepest.point).nearestPoints(to: border)
            let ends = try projector.unproject([deepest.point, nearest])
            (deepestPoint, borderPoint) = (ends[0], ends[1])
            depth = geodesic.distance(ends[0], ends[1]) / 1000
        }
        let prepared = try PreparedGEOSObject(geometry)
        let inside = try settlements.filter { try prepared.intersects($0.point) }.map(\.id)
        return ControlArea(tier: tier, geometry: lonLat, areaSquareKilometers: geodesic.area(of: lonLat) / 1e6,
                           eventIDs: eventIDs, depthKilometers: depth, deepestPoint: deepestPoint,
                           borderPoint: borderPoint, settlementIDs: inside)
    }
}
