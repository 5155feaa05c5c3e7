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
/// Holds GEOS and PROJ contexts, so one estimator serves one thread.
public final class ControlAreaEstimator {
    public let timeline: Timeline
    public let projection: LocalMetricProjection
    private let geodesic: Geodesic
    private let geos: GEOSContext
    private let projector: Projector
    private let territory: GEOSObject
    private let border: GEOSObject

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
        let mapped = timeline.events.filter { Self.tier(of: $0, actor: parameters.actor) != nil }.map(\.position)
        let anchorPositions = mapped.isEmpty ? borderLines.lines.flatMap { $0 } : mapped
        projection = LocalMetricProjection(centeredOn: anchorPositions)
        let geos = try GEOSContext()
        let projector = try projection.makeProjector(context: try PROJContext())
        let parts = try territoryAreas.map { try geos.multiPolygon(projector.project($0)) }
        self.geos = geos
        self.projector = projector
        territory = try geos.collection(of: parts).unaryUnion()
        border = try geos.multiLineString(projector.project(borderLines))
    }

    /// Which tier an event shapes, or nil when it is not a ground event.
    static func tier(of event: Event, actor: String) -> ControlTier? {
        switch event.kind {
        case .control: return event.actor == actor ? .controlled : .contested
        case .advance, .contested, .repelled: return .contested
        case .strike, .evacuation, .emergency, .statement: return nil
        }
    }

    public func estimate(asOf day: CalendarDay) throws -> ControlEstimate {
        let parameters = timeline.estimate
        var corridors: [ControlTier: [GEOSObject]] = [:]
        var eventIDs: [ControlTier: [String]] = [:]
        var unmapped: [UnmappedEvent] = []
        for event in timeline.events where event.date.end <= day {
            guard let tier = Self.tier(of: event, actor: parameters.actor) else { continue }
            guard let radius = parameters.radiusMeters(kind: event.placeKind, precision: event.locationPrecision) else {
                unmapped.append(UnmappedEvent(eventID: event.id,
                                              reason: "located only to \(event.locationPrecision.rawValue) precision"))
                continue
            }
            let corridor = try self.corridor(from: projector.project(event.position), radius: radius)
            corridors[tier, default: []].append(corridor)
            eventIDs[tier, default: []].append(event.id)
        }
        let controlledJoined = try join(corridors[.controlled] ?? [])
        let controlled = try controlledJoined.map { try $0.intersection(territory) }
        var contestedParts = corridors[.contested] ?? []
        if let controlledJoined { contestedParts.append(controlledJoined) }
        var contested = try join(contestedParts)
            .map { try $0.buffered(byMeters: parameters.contestedBandKilometers * 1000).intersection(territory) }
        if let c = contested, let controlled { contested = try c.difference(controlled) }
        let contestedIDs = ((eventIDs[.contested] ?? []) + (eventIDs[.controlled] ?? [])).sorted()
        return ControlEstimate(
            asOf: day,
            controlled: try area(.controlled, controlled, eventIDs: (eventIDs[.controlled] ?? []).sorted()),
            contested: try area(.contested, contested, eventIDs: contestedIDs),
            projection: projection.definition,
            unmapped: unmapped)
    }

    /// The disc round a place joined to an equal disc at the nearest point of the border.
    private func corridor(from point: PlanarPoint, radius: Double) throws -> GEOSObject {
        let place = try geos.point(point)
        let (_, onBorder) = try place.nearestPoints(to: border)
        let discs = try geos.collection(of: [place.buffered(byMeters: radius), geos.point(onBorder).buffered(byMeters: radius)])
        return try discs.convexHull()
    }

    private func join(_ parts: [GEOSObject]) throws -> GEOSObject? {
        guard !parts.isEmpty else { return nil }
        let union = try geos.collection(of: parts).unaryUnion()
        switch timeline.estimate.join {
        case .hull: return try union.convexHull()
        case .corridors: return union
        }
    }

    private func area(_ tier: ControlTier, _ geometry: GEOSObject?, eventIDs: [String]) throws -> ControlArea {
        let planar = try geometry?.polygons() ?? MultiPolygon()
        let lonLat = try projector.unproject(planar)
        return ControlArea(tier: tier, geometry: lonLat,
                           areaSquareKilometers: geodesic.area(of: lonLat) / 1e6, eventIDs: eventIDs)
    }
}
