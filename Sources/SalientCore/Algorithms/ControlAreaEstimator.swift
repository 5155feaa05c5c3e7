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
///    hull; `corridors`: their union; `concave`: a concave hull of their vertices unioned with
///    them), clipped to the territory;
/// 4. contested = every ground corridor joined the same way and widened by the contested
///    band, clipped to the territory, less the controlled area.
/// An event counts from the last day it may have happened on (an interval's end), so the
/// estimate never shows what the sources do not yet support. Which events are drawn on a day,
/// and in which tier, is the state of their places that day (PlaceStates): the latest report
/// for a place wins, so ground can be lost and the estimate shrink.
///
/// Day after day the work is incremental: each corridor is built once, a hull grows from the
/// previous day's hull (and is rebuilt only when a corridor holding its edge leaves), and a day
/// that changes no place's state repeats the previous state. Every
/// result is brought to GEOS's canonical form, so a day computed from scratch and a day reached
/// incrementally are identical to the bit, which lets days be computed in parallel chunks.
///
/// Holds GEOS and PROJ contexts, so one estimator serves one thread.
public final class ControlAreaEstimator {
    public let timeline: Timeline
    public let projection: LocalMetricProjection
    let geodesic: Geodesic
    let geos: GEOSContext
    let projector: Projector
    let territory: GEOSObject
    let border: GEOSObject
    private let settlements: [(id: String, at: PlanarPoint)]
    /// `settlements` in the order of their ids, the order a tier lists those inside it.
    private let settlementsByID: [(id: String, at: PlanarPoint)]
    /// The settlements' cells, for the `cells` join only, and the cell each ground report falls
    /// in (nil: not drawn by cells), by its index among the ground events.
    let cells: SettlementCells?
    let reportCells: [Int?]
    /// The bounds each estimate carries unless a day asks for others (`ControlEstimate.lowerBound`).
    let defaultBounds: RangeBounds
    /// The border prepared for distance queries: an index over its segments answers each
    /// vertex's distance without visiting every segment, with the same value as
    /// `GEOSObject.distance(to:)` (both take the least point-to-segment distance).
    let preparedBorder: PreparedGEOSObject
    /// Ground events in the order they enter the estimate: by last possible day, then id.
    let ground: [GroundEvent]
    /// Corridors by place and radius: events at the same place and radius share one, as a
    /// front's many reports of one village do.
    private var corridorShapes: [CorridorKey: GEOSObject] = [:]
    /// The discs the lower bound is made of, by place and radius.
    var discShapes: [CorridorKey: GEOSObject] = [:]

    /// Where along the border each place lies (`reportedBorderStretch`), found once per place.
    var borderPositions: [LonLat: (part: Int, along: Double)?] = [:]
    /// The border's parts as lines referenced for cutting stretches, made on first use.
    var borderParts: [ReferencedLine]?

    struct CorridorKey: Hashable {
        var lon: Double
        var lat: Double
        var radius: Double
    }

    /// Corridors joined into a hull at a time.
    static let hullBatch = 256

    /// Densification step for depth measurement: depths are exact to within this spacing.
    static let depthSampleMeters = 100.0

    /// - Parameter bounds: whether each estimate carries its lower and upper bounds, which cost
    ///   a union or two more per day (snapshots ask for them with `--bounds`); `advance` and
    ///   `estimates` can ask for others on each day.
    public init(timeline: Timeline, gazetteer: Gazetteer, geodesic: Geodesic, bounds: Bool = false) throws {
        self.timeline = timeline
        defaultBounds = bounds ? .all : []
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
            case .multiLineString(let borderLines) = borderPlace.geometry
        else {
            throw EstimateSetupError(
                description: "estimate border '\(parameters.borderID)' is not a line in the gazetteer")
        }
        ground = GroundEvent.all(in: timeline)
        let mapped = ground.compactMap { $0.isMapped ? $0.event.position : nil }
        projection = LocalMetricProjection(centeredOn: mapped.isEmpty ? borderLines.lines.flatMap { $0 } : mapped)
        let geos = try GEOSContext()
        let projector = try projection.makeProjector(context: try PROJContext())
        let parts = try territoryAreas.flatMap { area in
            try area.polygons.map { try Self.planarTerritory($0, geos: geos, projector: projector) }
        }
        self.geos = geos
        self.projector = projector
        territory = try geos.collection(of: parts).unaryUnion()
        border = try Self.planarBorder(borderLines, geos: geos, projector: projector)
        preparedBorder = try PreparedGEOSObject(border)
        let located = gazetteer.places.compactMap { place in
            place.kind.isSettlement ? place.point.map { (place.id, $0) } : nil
        }
        settlements = try zip(located, projector.project(located.map(\.1))).map { ($0.0.0, $0.1) }
        settlementsByID = settlements.sorted { $0.id < $1.id }
        if parameters.join == .cells {
            let cells = try SettlementCells(
                settlements: settlements, territory: territory, border: preparedBorder, geos: geos)
            self.cells = cells
            reportCells = try Self.cellsOfReports(ground, cells: cells, territory: territory, projector: projector)
        } else {
            cells = nil
            reportCells = []
        }
    }

    /// Distance from the border in the estimate's plane, kilometres. An azimuthal equidistant
    /// plane stretches distances across its radii by (ρ/R)/sin(ρ/R), under 4 % within 3,000 km
    /// of its centre: good for ranking places, not for reporting a distance.
    public func planarBorderDistanceKilometers(of position: LonLat) throws -> Double {
        try preparedBorder.distance(to: geos.point(projector.project(position))) / 1000
    }

    /// What has been folded in so far; `estimates(for:)` carries it from day to day.
    public struct State {
        fileprivate var included = 0
        var places: PlaceStates?
        /// The tier each drawn report is drawn in, by its index among the ground events.
        var drawn: [Int: ControlTier] = [:]
        /// What the `cells` join keeps from day to day.
        var cells = CellTiers()
        /// The bounds as last made (ControlAreaEstimator+Bounds), and what they are made from.
        var lower = BoundState()
        var reported = BoundState()
        var upper = BoundState()
        var boundInputs = BoundInputs()
        /// How many drawn reports share each corridor, in the controlled tier and in all.
        fileprivate var controlledShapes: [CorridorKey: Int] = [:]
        fileprivate var allShapes: [CorridorKey: Int] = [:]
        var controlledJoined: GEOSObject?
        fileprivate var allJoined: GEOSObject?
        fileprivate var controlledBuckets = HullBuckets()
        fileprivate var allBuckets = HullBuckets()
        /// Every corridor joined, widened by the band and clipped: contested ground before the
        /// controlled area is taken out.
        var banded: GEOSObject?
        var lists = DrawnLists()
        var unmapped: [UnmappedEvent] = []
        var last: ControlEstimate?

        public init() {}
    }

    public func estimate(asOf day: CalendarDay, bounds: RangeBounds? = nil) throws -> ControlEstimate {
        var state = State()
        return try advance(&state, to: day, bounds: bounds)
    }

    /// Estimates for ascending days, each built on the previous one.
    /// - Parameter bounds: the bounds each day carries; nil: the estimator's own.
    public func estimates(for days: [CalendarDay], bounds: ((CalendarDay) -> RangeBounds)? = nil) throws
        -> [ControlEstimate]
    {
        var state = State()
        return try days.map { try advance(&state, to: $0, bounds: bounds?($0)) }
    }

    /// A machine for the place states of this timeline's parameters.
    func placeStates() -> PlaceStates {
        let parameters = timeline.estimate
        return PlaceStates(
            actor: parameters.actor, staleAfterDays: parameters.staleAfterDays,
            heldExpiresDays: parameters.heldExpiresDays)
    }

    /// Folds in the events whose last possible day is on or before `day` (days must ascend),
    /// sets the state of their places, ages the places, and draws the day from those states,
    /// with the `bounds` asked for (nil: the estimator's own).
    public func advance(_ state: inout State, to day: CalendarDay, bounds: RangeBounds? = nil) throws
        -> ControlEstimate
    {
        let bounds = bounds ?? defaultBounds
        var machine = state.places ?? placeStates()
        // Let go of the state's copy, so that folding in the day's reports does not copy every place.
        state.places = nil
        var changedUnmapped = false
        var touchedCells: Set<Int> = []
        while state.included < ground.count, ground[state.included].from <= day {
            let index = state.included
            let next = ground[index]
            state.included += 1
            guard next.radiusMeters != nil else {
                state.unmapped.append(
                    UnmappedEvent(
                        eventID: next.event.id,
                        reason: "located only to \(next.event.locationPrecision.rawValue) precision"))
                changedUnmapped = true
                continue
            }
            if let cells {
                guard let cell = reportCells[index] else {
                    state.unmapped.append(UnmappedEvent(eventID: next.event.id, reason: Self.notInACell(next)))
                    changedUnmapped = true
                    continue
                }
                touchedCells.insert(cell)
                machine.apply(next, index: index, key: cells.sites[cell].id)
                continue
            }
            machine.apply(next, index: index)
        }
        let changes = machine.settle(on: day)
        state.places = machine
        if cells != nil {
            return try advanceCells(
                &state, changes: changes, touched: touchedCells, changedUnmapped: changedUnmapped, day: day,
                bounds: bounds)
        }
        // The drawn reports in order, sorted only when a tier or a bound must be rebuilt from them.
        var inOrder: [Int]?
        func members(_ tier: ControlTier?, of drawn: [Int: ControlTier]) -> [Int] {
            let all = inOrder ?? drawn.keys.sorted()
            inOrder = all
            return tier.map { tier in all.filter { drawn[$0] == tier } } ?? all
        }
        if var last = state.last, changes.isEmpty {
            last.asOf = day
            if changedUnmapped { last.unmapped = state.unmapped }
            let drawn = state.drawn
            try setDiscBounds(&last, &state, wanted: bounds) { members($0, of: drawn) }
            state.last = last
            return last
        }
        var controlledChanges = TierChanges()
        var allChanges = TierChanges()
        for change in changes {
            let report = ground[change.report]
            let (key, shape) = try corridor(for: report.event, radius: report.radiusMeters ?? 0)
            if let from = change.from {
                state.drawn[change.report] = nil
                if from == .controlled {
                    controlledChanges.remove(shape, key: key, report: change.report, counts: &state.controlledShapes)
                }
                allChanges.remove(shape, key: key, report: change.report, counts: &state.allShapes)
            }
            if let to = change.to {
                state.drawn[change.report] = to
                if to == .controlled {
                    controlledChanges.add(shape, key: key, report: change.report, counts: &state.controlledShapes)
                }
                allChanges.add(shape, key: key, report: change.report, counts: &state.allShapes)
            }
        }
        state.lists.fold(changes, ground: ground)
        let drawn = state.drawn
        let controlledChanged = try rejoin(&state.controlledJoined, &state.controlledBuckets, controlledChanges) {
            members(.controlled, of: drawn)
        }
        let allChanged = try rejoin(&state.allJoined, &state.allBuckets, allChanges) { members(nil, of: drawn) }
        // Reports from inside ground already drawn leave a hull as it was: the same shapes,
        // measured as before, with more events behind them.
        var estimate: ControlEstimate
        if let last = state.last, !controlledChanged, !allChanged {
            estimate = last
            estimate.asOf = day
            estimate.controlled.eventIDs = state.lists.controlled.ids.sorted
            estimate.controlled.sourceIDs = state.lists.controlled.sources.sorted
            estimate.contested.eventIDs = state.lists.all.ids.sorted
            estimate.contested.sourceIDs = state.lists.all.sources.sorted
            estimate.unmapped = state.unmapped
        } else {
            let controlled = try state.controlledJoined.map { try $0.intersection(territory).normalized() }
            if allChanged || state.banded == nil {
                state.banded = try state.allJoined.map {
                    try $0.buffered(byMeters: timeline.estimate.contestedBandKilometers * 1000).intersection(territory)
                }
            }
            var contested = state.banded
            if let c = contested, let controlled { contested = try c.difference(controlled) }
            var controlledArea: ControlArea
            if let last = state.last, !controlledChanged {
                controlledArea = last.controlled
                controlledArea.eventIDs = state.lists.controlled.ids.sorted
                controlledArea.sourceIDs = state.lists.controlled.sources.sorted
            } else {
                controlledArea = try area(
                    .controlled, controlled, eventIDs: state.lists.controlled.ids.sorted,
                    sourceIDs: state.lists.controlled.sources.sorted)
            }
            estimate = ControlEstimate(
                asOf: day,
                controlled: controlledArea,
                contested: try area(
                    .contested, try contested?.normalized(), eventIDs: state.lists.all.ids.sorted,
                    sourceIDs: state.lists.all.sources.sorted),
                projection: projection.definition,
                unmapped: state.unmapped)
        }
        state.boundInputs.changed(
            held: controlledChanges.membersChanged, reports: allChanges.membersChanged,
            shapes: controlledChanged || allChanged)
        try setDiscBounds(&estimate, &state, wanted: bounds) { members($0, of: drawn) }
        state.last = estimate
        return estimate
    }

    /// The disc round a place joined to an equal disc at the nearest point of the border;
    /// built once per place and radius.
    func corridor(for event: Event, radius: Double) throws -> (key: CorridorKey, shape: GEOSObject) {
        let key = CorridorKey(lon: event.position.lon, lat: event.position.lat, radius: radius)
        if let shared = corridorShapes[key] { return (key, shared) }
        let place = try geos.point(projector.project(event.position))
        let (_, onBorder) = try place.nearestPoints(to: border)
        let discs = try geos.collection(of: [
            place.buffered(byMeters: radius), geos.point(onBorder).buffered(byMeters: radius),
        ])
        let corridor = try discs.convexHull()
        corridorShapes[key] = corridor
        return (key, corridor)
    }

    /// A hull grows from the previous hull (its vertices are input vertices, so the result is
    /// the hull of all corridors exactly); a union is made from every corridor it is given,
    /// because re-noding a previous union could move intersection points in the last bits.
    func join(_ previous: GEOSObject?, adding parts: [GEOSObject]) throws -> GEOSObject {
        switch timeline.estimate.join {
        case .hull:
            // In batches, so that a chunk starting late in a long run does not clone every
            // corridor at once; the hull of hulls is the hull of all, as from day to day.
            var hull = try geos.collection(of: (previous.map { [$0] } ?? []) + parts.prefix(Self.hullBatch))
                .convexHull().normalized()
            for start in stride(from: Self.hullBatch, to: parts.count, by: Self.hullBatch) {
                hull = try geos.collection(of: [hull] + parts[start..<min(start + Self.hullBatch, parts.count)])
                    .convexHull().normalized()
            }
            return hull
        case .corridors:
            return try geos.collection(of: parts).unaryUnion().normalized()
        case .concave:
            // The hull's edges may cut across a corridor's round end, so the corridors are
            // added back: every reported place stays covered.
            let corridors = try geos.collection(of: parts)
            let hull = try corridors.concaveHull(ratio: timeline.estimate.concaveRatio)
            return try geos.collection(of: [hull, corridors]).unaryUnion().normalized()
        case .cells:
            preconditionFailure("the cells join draws cells, not corridors (advanceCells)")
        }
    }

    func area(_ tier: ControlTier, _ geometry: GEOSObject?, eventIDs: [String], sourceIDs: [String]) throws
        -> ControlArea
    {
        guard let geometry, !geometry.isEmpty else {
            return ControlArea(
                tier: tier, geometry: MultiPolygon(), areaSquareKilometers: 0, eventIDs: eventIDs, sourceIDs: sourceIDs)
        }
        let lonLat = try writtenPolygons(geometry)
        let samples = try geometry.boundary().densified(maxSegmentMeters: Self.depthSampleMeters).lines().lines
        let deepest = try BorderDepth.deepest(of: samples) { try preparedBorder.distance(to: geos.point($0)) }
        var depth = 0.0
        var deepestPoint: LonLat?
        var borderPoint: LonLat?
        if let deepest {
            let (_, nearest) = try geos.point(deepest.point).nearestPoints(to: border)
            let ends = try projector.unproject([deepest.point, nearest])
            (deepestPoint, borderPoint) = (ends[0], ends[1])
            depth = geodesic.distance(ends[0], ends[1]) / 1000
        }
        // Settlements outside the tier's bounding box cannot intersect it; GEOS tests the rest.
        let box = try geometry.envelope()
        let prepared = try PreparedGEOSObject(geometry)
        let inside = try settlementsByID.filter { settlement in
            guard box.x.contains(settlement.at.x), box.y.contains(settlement.at.y) else { return false }
            return try prepared.intersects(geos.point(settlement.at))
        }.map(\.id)
        return ControlArea(
            tier: tier, geometry: lonLat, areaSquareKilometers: geodesic.area(of: lonLat) / 1e6,
            eventIDs: eventIDs, sourceIDs: sourceIDs, depthKilometers: depth, deepestPoint: deepestPoint,
            borderPoint: borderPoint, settlementIDs: inside)
    }
}
