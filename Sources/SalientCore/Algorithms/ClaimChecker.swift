import Foundation

/// Measures every claim of a timeline against the geometry and judges it (see `ClaimJudge`).
///
/// What each definition is measured against, on the claim's `as_of` day (not its publication):
/// - areas (`controlled`, `controlled_plus_contested`, `advanced_over`): the estimate's range from
///   controlled to controlled + contested, since officials' totals usually count the grey zone;
///   bounded below by the ground the reported places alone cover (no district-level reports, no
///   band) and above by the land within the claimed depth of the stretch of border the reported
///   places span; and, when the timeline names one, a map from elsewhere;
/// - `depth`: the estimate's greatest distance from the border (controlled to both tiers),
///   bounded below by the reported place farthest from the border;
/// - `distance_to_border`, `distance_between`: geodesic distances between gazetteer points;
/// - `distance_to_fighting`: from the place to the estimate's edge and to the nearest reported
///   controlled or contested place;
/// - `settlements_controlled`: gazetteer settlements inside the estimate's tiers;
/// - people, a day's advance and `other`: not measurable, with the reason.
///
/// Holds GEOS and PROJ contexts (through its estimators), so one checker serves one thread.
public final class ClaimChecker {
    /// Figures in the news carry one or two significant digits: 10 % is their rounding.
    public static let relativeTolerance = 0.10
    /// A distance "from Sudzha" may run from the town's (or a plant's) edge or its centre: a
    /// kilometre at each end that is a place.
    public static let placeExtentKilometers = 1.0

    public let timeline: Timeline
    public let gazetteer: Gazetteer
    public let maps: [ReferenceMap]
    private let geodesic: Geodesic
    private let estimator: ControlAreaEstimator
    /// The same method on the precisely located ground events alone, with no grey-zone band.
    private let reportedEstimator: ControlAreaEstimator
    private let borderPlace: Place
    private let borderLines: MultiLineString<LonLat>
    private let settlements: [(id: String, position: LonLat)]
    private var estimates: [CalendarDay: ControlEstimate] = [:]
    private var reportedEstimates: [CalendarDay: ControlEstimate] = [:]
    private var stretches: [CalendarDay: BorderStretch] = [:]
    private var lands: [LandKey: DerivedArea] = [:]
    private var lines: [String: MeasuredLine] = [:]
    private var areas: [String: MeasuredArea] = [:]
    /// One PROJ context for every place frame: opening proj.db per frame dominated checks of
    /// long timelines.
    private let proj: PROJContext
    /// The border point nearest each place, found once: depth claims ask it of every event.
    private var nearestBorderPoints: [LonLat: LonLat] = [:]

    public init(timeline: Timeline, gazetteer: Gazetteer, maps: [ReferenceMap] = [], geodesic: Geodesic) throws {
        let (border, lines) = try Self.border(of: timeline, in: gazetteer)
        var reported = timeline
        reported.events = timeline.events.filter(Self.isReportedPlace(actor: timeline.estimate.actor))
        reported.estimate.contestedBandKilometers = 0
        let estimator = try ControlAreaEstimator(timeline: timeline, gazetteer: gazetteer, geodesic: geodesic)
        proj = try PROJContext()
        let reportedEstimator = try ControlAreaEstimator(timeline: reported, gazetteer: gazetteer, geodesic: geodesic)
        self.timeline = timeline
        self.gazetteer = gazetteer
        self.maps = maps
        self.geodesic = geodesic
        self.estimator = estimator
        self.reportedEstimator = reportedEstimator
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
        return settlements.sorted { $0.id < $1.id }
    }

    private static func border(of timeline: Timeline, in gazetteer: Gazetteer) throws -> (Place, MultiLineString<LonLat>) {
        guard let border = gazetteer.place(id: timeline.estimate.borderID), case .multiLineString(let lines) = border.geometry else {
            throw EstimateSetupError(description: "estimate border '\(timeline.estimate.borderID)' is not a line in the gazetteer")
        }
        return (border, lines)
    }

    /// A ground event located to a place (exact or near), not only to a district or region.
    static func isReportedPlace(actor: String) -> (Event) -> Bool {
        { event in
            ControlAreaEstimator.tier(of: event, actor: actor) != nil && [.exact, .near].contains(event.locationPrecision)
        }
    }

    public func check() throws -> CheckReport {
        let days = Set(timeline.claims.map(\.asOf) + maps.map(\.asOf)).sorted()
        for (day, estimate) in zip(days, try estimator.estimates(for: days)) { estimates[day] = estimate }
        for (day, estimate) in zip(days, try reportedEstimator.estimates(for: days)) { reportedEstimates[day] = estimate }
        let claims = timeline.claims.sorted { ($0.asOf, $0.id) < ($1.asOf, $1.id) }
        let checks = try claims.map(check)
        let crossChecks = try areaAndDepthChecks(claims) + sameStatementChecks(claims)
        let measuredMaps = try maps.sorted { ($0.asOf, $0.id) < ($1.asOf, $1.id) }.map { map in
            let estimate = try self.estimate(map.asOf)
            record(area: MeasuredArea(role: "map", claimIDs: [], asOf: map.asOf, label: "\(map.id): \(map.depicts.rawValue)",
                                      geometry: map.geometry, areaSquareKilometers: map.areaSquareKilometers))
            return MapMeasurement(map: map, estimateControlledSquareKilometers: estimate.controlled.areaSquareKilometers,
                                  estimateTotalSquareKilometers: estimate.controlled.areaSquareKilometers + estimate.contested.areaSquareKilometers)
        }
        return CheckReport(
            timelineID: timeline.id, checks: checks,
            crossChecks: crossChecks.sorted {
                ($0.asOf, $0.kind.rawValue, $0.claimIDs.joined(separator: " ")) < ($1.asOf, $1.kind.rawValue, $1.claimIDs.joined(separator: " "))
            },
            maps: measuredMaps,
            lines: lines.values.sorted { ($0.role, $0.asOf, $0.label) < ($1.role, $1.asOf, $1.label) },
            areas: areas.values.sorted { ($0.role, $0.asOf, $0.label) < ($1.role, $1.asOf, $1.label) })
    }

    // MARK: - One claim

    /// What measuring one claim gave, before judging.
    private struct Outcome {
        var measured: Measured?
        var lower: EvidenceBound?
        var upper: EvidenceBound?
        var above: BeyondMeasured = .contradicts
        var below: BeyondMeasured = .contradicts
        var map: MapComparison?
        /// Why nothing was measured, when `measured` is nil.
        var unmeasurable = ""

        static func notMeasurable(_ reason: String) -> Outcome {
            Outcome(measured: nil, unmeasurable: reason)
        }
    }

    private func check(_ claim: Claim) throws -> ClaimCheck {
        let claimed = ClaimedInterval(value: claim.value, unit: claim.unit, hedge: claim.hedge)
        let outcome = try measure(claim, claimed)
        guard let measured = outcome.measured else {
            return ClaimCheck(claim: claim, claimed: claimed, claimedText: QuantityFormat.conversion(of: claim), measured: nil,
                              lowerBound: nil, upperBound: nil, map: nil, ratio: nil, verdict: .notMeasurable,
                              reason: outcome.unmeasurable)
        }
        let judgement = ClaimJudge.judge(claimed, against: measured, lower: outcome.lower, upper: outcome.upper,
                                         above: outcome.above, below: outcome.below)
        return ClaimCheck(claim: claim, claimed: claimed, claimedText: QuantityFormat.conversion(of: claim), measured: measured,
                          lowerBound: outcome.lower, upperBound: outcome.upper, map: outcome.map,
                          ratio: ratio(claimed.nominal, measured.reference), verdict: judgement.verdict, reason: judgement.reason)
    }

    private func measure(_ claim: Claim, _ claimed: ClaimedInterval) throws -> Outcome {
        if let expected = Self.unit(measuring: claim.definition), expected != claim.unit.canonical {
            return .notMeasurable("a figure in \(claim.unit.canonical.symbol) does not measure \(claim.definition.rawValue), "
                                  + "which is in \(expected.symbol)")
        }
        switch claim.definition {
        case .controlled, .controlledPlusContested, .advancedOver: return try area(claim, claimed)
        case .depth: return try depth(claim)
        case .distanceToBorder: return try distanceToBorder(claim)
        case .distanceBetween: return try distanceBetween(claim)
        case .distanceToFighting: return try distanceToFighting(claim)
        case .settlementsControlled: return try settlements(claim)
        case .evacuated, .fled:
            return .notMeasurable("no geometry measures people")
        case .advancePerDay:
            return .notMeasurable("a day's advance needs the front line on two days; the timeline locates places, not the front")
        case .other:
            return .notMeasurable(claim.quantity == .people ? "no geometry measures people"
                                  : "the definition 'other' names nothing the checker can measure")
        }
    }

    /// The unit a definition is measured in; nil for those nothing measures.
    public static func unit(measuring definition: ClaimDefinition) -> MeasureUnit? {
        switch definition {
        case .controlled, .controlledPlusContested, .advancedOver: return .squareKilometers
        case .depth, .distanceToBorder, .distanceToFighting, .distanceBetween, .advancePerDay: return .kilometers
        case .settlementsControlled: return .settlements
        case .evacuated, .fled: return .people
        case .other: return nil
        }
    }

    // MARK: Areas

    private func area(_ claim: Claim, _ claimed: ClaimedInterval) throws -> Outcome {
        let day = claim.asOf
        let estimate = try self.estimate(day)
        recordEstimate(estimate, for: claim)
        let controlled = estimate.controlled.areaSquareKilometers
        let total = controlled + estimate.contested.areaSquareKilometers
        let measured = Measured(
            low: controlled, high: total, reference: claim.definition == .controlled ? controlled : total,
            unit: .squareKilometers, tolerance: areaTolerance,
            text: "the estimate of \(day): controlled \(QuantityFormat.measured(controlled, .squareKilometers)) to controlled + "
                + "contested \(QuantityFormat.measured(total, .squareKilometers))")
        var outcome = Outcome(measured: measured)
        let reported = try reportedEstimate(day)
        let heldOnly = claim.definition == .controlled
        let reportedArea = reported.controlled.areaSquareKilometers + (heldOnly ? 0 : reported.contested.areaSquareKilometers)
        if reportedArea > 0 {
            outcome.lower = EvidenceBound(value: reportedArea, text: heldOnly ? "the ground the places reported held cover alone"
                                                                              : "the ground the reported places cover alone")
            let joined = try estimator.joined(heldOnly ? [reported.controlled] : reported.tiers, geodesic: geodesic)
            record(area: MeasuredArea(role: heldOnly ? "reported_held_places" : "reported_places", claimIDs: [claim.id], asOf: day,
                                      label: heldOnly ? "ground the places reported held cover" : "ground the reported places cover",
                                      geometry: joined.geometry, areaSquareKilometers: joined.areaSquareKilometers))
        }
        var why = "\(try evidenceSummary(day)), so more ground cannot be ruled out"
        if let bound = try depthBound(for: claim) {
            outcome.upper = bound.evidence
            why += "; it is within the land the claimed depth allows"
        } else {
            why += "; no depth claim bounds it from above"
        }
        outcome.above = .undecidable(why)
        outcome.map = try mapComparison(claim, claimed)
        return outcome
    }

    /// The land within the claimed depth of the stretch of border the reported places span,
    /// using the depth claim nearest in time to the claim (the later one on a tie).
    private func depthBound(for claim: Claim) throws -> (evidence: EvidenceBound, depthClaim: Claim, kilometers: Double,
                                                         stretch: BorderStretch)? {
        let depths = timeline.claims.filter { $0.definition == .depth && $0.unit.canonical == .kilometers }
            .map { ($0, ClaimedInterval(value: $0.value, unit: $0.unit, hedge: $0.hedge).high) }
            .filter { $0.1.isFinite && $0.1 > 0 }
        guard let (depthClaim, kilometers) = depths.min(by: { a, b in
            let da = abs(a.0.asOf.ordinal - claim.asOf.ordinal), db = abs(b.0.asOf.ordinal - claim.asOf.ordinal)
            return (da, -a.0.asOf.ordinal, a.0.id) < (db, -b.0.asOf.ordinal, b.0.id)
        }), let stretch = try stretch(claim.asOf) else { return nil }
        let land = try self.land(within: kilometers, ofStretchOn: claim.asOf, stretch)
        let depthText = QuantityFormat.trimmed(kilometers)
        for line in stretch.lines {
            record(line: MeasuredLine(role: "border_stretch", claimIDs: [claim.id], asOf: claim.asOf,
                                      label: "border the reported places span", points: line,
                                      lengthKilometers: geodesic.length(of: line) / 1000))
        }
        record(area: MeasuredArea(role: "depth_sector", claimIDs: [claim.id], asOf: claim.asOf,
                                  label: "land within \(depthText) km (\(depthClaim.id)) of the reported stretch of border",
                                  geometry: land.geometry, areaSquareKilometers: land.areaSquareKilometers))
        let text = "the land within \(depthText) km (\(depthClaim.id), as of \(depthClaim.asOf)) of the "
            + "\(QuantityFormat.measured(stretch.lengthKilometers, .kilometers)) of border the reported places span"
        return (EvidenceBound(value: land.areaSquareKilometers, text: text), depthClaim, kilometers, stretch)
    }

    /// Land within a distance of a day's stretch of border, buffered once per day and distance.
    private func land(within kilometers: Double, ofStretchOn day: CalendarDay, _ stretch: BorderStretch) throws -> DerivedArea {
        let key = LandKey(day: day, kilometers: kilometers)
        if let known = lands[key] { return known }
        let land = try estimator.land(within: kilometers, of: stretch, geodesic: geodesic)
        lands[key] = land
        return land
    }

    private struct LandKey: Hashable {
        var day: CalendarDay
        var kilometers: Double
    }

    private func stretch(_ day: CalendarDay) throws -> BorderStretch? {
        if let known = stretches[day] { return known }
        guard let stretch = try estimator.reportedBorderStretch(asOf: day, geodesic: geodesic) else { return nil }
        stretches[day] = stretch
        return stretch
    }

    private var areaTolerance: Tolerance {
        Tolerance(fraction: Self.relativeTolerance, text: "±\(percent(Self.relativeTolerance)) of each measured area")
    }

    private func mapComparison(_ claim: Claim, _ claimed: ClaimedInterval) throws -> MapComparison? {
        let candidates = maps.filter { $0.asOf <= claim.asOf }.sorted { a, b in
            (-a.asOf.ordinal, a.depicts == claim.definition ? 0 : 1, a.id) < (-b.asOf.ordinal, b.depicts == claim.definition ? 0 : 1, b.id)
        }
        guard let map = candidates.first else { return nil }
        let area = map.areaSquareKilometers
        let measured = Measured(low: area, high: area, reference: area, unit: .squareKilometers, tolerance: areaTolerance,
                                text: "map \(map.id) of \(map.asOf)")
        let judgement = ClaimJudge.judge(claimed, against: measured)
        var notes: [String] = []
        let days = claim.asOf.ordinal - map.asOf.ordinal
        if days > 0 { notes.append("the map is of \(map.asOf), \(days) day\(days == 1 ? "" : "s") before the claim's date") }
        if map.depicts != claim.definition {
            notes.append("the map depicts \(map.depicts.rawValue), the claim means \(claim.definition.rawValue)")
        }
        return MapComparison(mapID: map.id, mapAsOf: map.asOf, depicts: map.depicts, areaSquareKilometers: area,
                             ratio: ratio(claimed.nominal, area), verdict: judgement.verdict,
                             reason: ([judgement.reason] + notes).joined(separator: "; "))
    }

    // MARK: Depth

    private func depth(_ claim: Claim) throws -> Outcome {
        let day = claim.asOf
        let estimate = try self.estimate(day)
        recordEstimate(estimate, for: claim)
        let deepest = estimate.tiers.max { $0.depthKilometers < $1.depthKilometers }
        if let deepest, let from = deepest.deepestPoint, let to = deepest.borderPoint {
            record(line: MeasuredLine(role: "depth", claimIDs: [claim.id], asOf: day,
                                      label: "deepest point of the estimate (\(deepest.tier.rawValue)) to the border",
                                      points: [from, to], lengthKilometers: geodesic.distance(from, to) / 1000))
        }
        let measured = Measured(
            low: estimate.controlled.depthKilometers, high: estimate.depthKilometers, reference: estimate.depthKilometers,
            unit: .kilometers, tolerance: depthTolerance,
            text: "the estimate of \(day) reaches \(QuantityFormat.measured(estimate.controlled.depthKilometers, .kilometers)) "
                + "from the border (controlled) to \(QuantityFormat.measured(estimate.depthKilometers, .kilometers)) "
                + "(controlled + contested)")
        var outcome = Outcome(measured: measured)
        // A reported place shows the advance reached at least its distance from the border,
        // less the radius the event stands for: fighting "at Sudzha" may be on its near edge.
        var farthest: (event: Event, kilometers: Double, reached: Double, radius: Double, border: LonLat)?
        for event in try farthestCandidates(reportedEvents(asOf: day)) {
            let onBorder = try nearestBorderPoint(to: event.position)
            let kilometers = geodesic.distance(event.position, onBorder) / 1000
            let radius = (timeline.estimate.radiusMeters(kind: event.placeKind, precision: event.locationPrecision) ?? 0) / 1000
            if kilometers - radius > farthest?.reached ?? -.infinity {
                farthest = (event, kilometers, max(0, kilometers - radius), radius, onBorder)
            }
        }
        if let farthest {
            let name = placeName(of: farthest.event)
            outcome.lower = EvidenceBound(
                value: farthest.reached,
                text: "the reported place farthest from the border, \(name) (\(QuantityFormat.measured(farthest.kilometers, .kilometers)) "
                    + "less the \(QuantityFormat.trimmed(farthest.radius)) km it stands for)")
            record(line: MeasuredLine(role: "depth_reported_place", claimIDs: [claim.id], asOf: day,
                                      label: "\(name) to the border", points: [farthest.event.position, farthest.border],
                                      lengthKilometers: farthest.kilometers))
        }
        outcome.above = .undecidable("\(try evidenceSummary(day)), so deeper ground cannot be ruled out")
        return outcome
    }

    private var depthTolerance: Tolerance {
        let border = borderPlace.provenance.uncertaintyMeters / 1000
        return Tolerance(fraction: Self.relativeTolerance, minimum: border,
                         text: "±\(percent(Self.relativeTolerance)) or \(QuantityFormat.trimmed(border)) km "
                             + "(the border line's uncertainty), whichever is larger")
    }

    // MARK: Distances

    /// The events that may be the farthest from the border, less their radius, in id order:
    /// the first, and every one whose distance in the estimate's plane, allowed 10 % and 2 km
    /// of error, could reach the best lower bound. Measuring every place precisely costs a
    /// PROJ frame each; a long timeline has thousands. The choice is the one the full list gives.
    private func farthestCandidates(_ events: [Event]) throws -> [Event] {
        guard events.count > 1 else { return events }
        let bounds = try events.map { event -> (low: Double, high: Double) in
            let planar = try estimator.planarBorderDistanceKilometers(of: event.position)
            let radius = (timeline.estimate.radiusMeters(kind: event.placeKind, precision: event.locationPrecision) ?? 0) / 1000
            let error = 0.1 * planar + 2
            return (planar - error - radius, planar + error - radius)
        }
        let best = bounds.map(\.low).max()!
        return events.indices.filter { $0 == 0 || bounds[$0].high >= best }.map { events[$0] }
    }

    private func nearestBorderPoint(to position: LonLat) throws -> LonLat {
        if let known = nearestBorderPoints[position] { return known }
        let point = try PlaceFrame(center: position, proj: proj).nearestPoint(on: borderLines)
        nearestBorderPoints[position] = point
        return point
    }

    private func distanceToBorder(_ claim: Claim) throws -> Outcome {
        guard let (place, position) = point(claim.placeID) else { return unmeasurablePlace(claim.placeID) }
        let onBorder = try nearestBorderPoint(to: position)
        let kilometers = geodesic.distance(position, onBorder) / 1000
        record(line: MeasuredLine(role: "distance_to_border", claimIDs: [claim.id], asOf: claim.asOf,
                                  label: "\(place.name) to the border", points: [position, onBorder], lengthKilometers: kilometers))
        return Outcome(measured: Measured(
            low: kilometers, high: kilometers, reference: kilometers, unit: .kilometers,
            tolerance: distanceTolerance([(place.name, place.provenance.uncertaintyMeters, true),
                                          ("the border", borderPlace.provenance.uncertaintyMeters, false)]),
            text: "geodesic distance from \(place.name) to the nearest point of \(borderPlace.name)"))
    }

    private func distanceBetween(_ claim: Claim) throws -> Outcome {
        guard let (from, a) = point(claim.placeID) else { return unmeasurablePlace(claim.placeID) }
        guard let (to, b) = point(claim.to) else { return unmeasurablePlace(claim.to) }
        let kilometers = geodesic.distance(a, b) / 1000
        record(line: MeasuredLine(role: "distance_between", claimIDs: [claim.id], asOf: claim.asOf,
                                  label: "\(from.name) to \(to.name)", points: [a, b], lengthKilometers: kilometers))
        return Outcome(measured: Measured(
            low: kilometers, high: kilometers, reference: kilometers, unit: .kilometers,
            tolerance: distanceTolerance([(from.name, from.provenance.uncertaintyMeters, true),
                                          (to.name, to.provenance.uncertaintyMeters, true)]),
            text: "geodesic distance from \(from.name) to \(to.name)"))
    }

    private func distanceToFighting(_ claim: Claim) throws -> Outcome {
        guard let (place, position) = point(claim.placeID) else { return unmeasurablePlace(claim.placeID) }
        let day = claim.asOf
        let estimate = try self.estimate(day)
        recordEstimate(estimate, for: claim)
        let frame = try PlaceFrame(center: position, proj: proj)
        var nearestPlace: (event: Event, kilometers: Double)?
        for event in reportedEvents(asOf: day) {
            let kilometers = geodesic.distance(position, event.position) / 1000
            if kilometers < nearestPlace?.kilometers ?? .infinity { nearestPlace = (event, kilometers) }
        }
        let edge = try frame.nearestPoint(on: estimate.tiers.map(\.geometry))
        guard nearestPlace != nil || edge != nil else {
            return .notMeasurable("nothing is reported on the ground by \(day)")
        }
        var parts: [String] = []
        var uncertainties = [(place.name, place.provenance.uncertaintyMeters, true)]
        var edgeKilometers: Double?
        if let edge {
            let kilometers = geodesic.distance(position, edge.point) / 1000
            edgeKilometers = kilometers
            if edge.inside {
                parts.append("\(place.name) lies inside the estimate of \(day)")
            } else {
                parts.append("to the edge of the estimate of \(day): \(QuantityFormat.measured(kilometers, .kilometers))")
                record(line: MeasuredLine(role: "distance_to_fighting_edge", claimIDs: [claim.id], asOf: day,
                                          label: "\(place.name) to the edge of the estimate", points: [position, edge.point],
                                          lengthKilometers: kilometers))
            }
        }
        if let (event, kilometers) = nearestPlace {
            let tier = ControlAreaEstimator.tier(of: event, actor: timeline.estimate.actor) ?? .contested
            let name = placeName(of: event)
            parts.append("to the nearest \(tier.rawValue) place, \(name) (\(event.kind.rawValue), \(event.date.end)): "
                         + QuantityFormat.measured(kilometers, .kilometers))
            uncertainties.append((name, event.placeID.flatMap(gazetteer.place(id:))?.provenance.uncertaintyMeters ?? 0, true))
            record(line: MeasuredLine(role: "distance_to_fighting_place", claimIDs: [claim.id], asOf: day,
                                      label: "\(place.name) to \(name)", points: [position, event.position],
                                      lengthKilometers: kilometers))
        }
        let reference = nearestPlace?.kilometers ?? edgeKilometers!
        let low = min(edgeKilometers ?? reference, reference)
        var outcome = Outcome(measured: Measured(low: low, high: reference, reference: reference, unit: .kilometers,
                                                 tolerance: distanceTolerance(uncertainties),
                                                 text: parts.joined(separator: "; ")))
        outcome.below = .undecidable("\(try evidenceSummary(day)), so fighting nearer than that cannot be ruled out")
        return outcome
    }

    /// ±10 %, or the positional uncertainties of the ends plus a place's extent at each end
    /// that is a place (not the border), whichever is larger.
    private func distanceTolerance(_ ends: [(name: String, uncertaintyMeters: Double, isPlace: Bool)]) -> Tolerance {
        let extent = Double(ends.filter(\.isPlace).count) * Self.placeExtentKilometers
        let minimum = ends.reduce(0) { $0 + $1.uncertaintyMeters / 1000 } + extent
        let listed = ends.map { "\($0.name) ±\(QuantityFormat.trimmed($0.uncertaintyMeters / 1000)) km" }
            + (extent > 0 ? ["\(QuantityFormat.trimmed(Self.placeExtentKilometers)) km per place for its extent"] : [])
        return Tolerance(fraction: Self.relativeTolerance, minimum: minimum,
                         text: "±\(percent(Self.relativeTolerance)) or \(QuantityFormat.trimmed(minimum)) km "
                             + "(\(listed.joined(separator: ", "))), whichever is larger")
    }

    /// The gazetteer place and its point, or nil when the place is not a point.
    private func point(_ id: String) -> (Place, LonLat)? {
        guard let place = gazetteer.place(id: id), let position = place.point else { return nil }
        return (place, position)
    }

    private func unmeasurablePlace(_ id: String) -> Outcome {
        guard let place = gazetteer.place(id: id) else { return .notMeasurable("the claim names no place to measure from") }
        return .notMeasurable("\(place.name) is a \(place.kind.rawValue) drawn as \(place.point == nil ? "an area or a line" : "a point")"
                              + "; distances run between points")
    }

    // MARK: Settlements

    private func settlements(_ claim: Claim) throws -> Outcome {
        let day = claim.asOf
        let estimate = try self.estimate(day)
        recordEstimate(estimate, for: claim)
        let held = estimate.controlled.settlementIDs, contested = estimate.contested.settlementIDs
        let inside = (held + contested).sorted()
        let names = inside.compactMap { gazetteer.place(id: $0)?.name }
        let measured = Measured(
            low: Double(held.count), high: Double(inside.count), reference: Double(inside.count), unit: .settlements,
            tolerance: Tolerance(fraction: Self.relativeTolerance, minimum: 1,
                                 text: "±\(percent(Self.relativeTolerance)) or 1 settlement, whichever is larger"),
            text: "gazetteer settlements inside the estimate of \(day): \(held.count) controlled to \(inside.count) "
                + "controlled + contested\(names.isEmpty ? "" : " (\(names.joined(separator: ", ")))")")
        var outcome = Outcome(measured: measured)
        let reportedHeld = Set(reportedEvents(asOf: day).filter { $0.kind == .control && $0.actor == timeline.estimate.actor }
            .compactMap(\.placeID).filter { gazetteer.place(id: $0)?.kind.isSettlement == true })
        let heldNames = reportedHeld.sorted().compactMap { gazetteer.place(id: $0)?.name }
        if !reportedHeld.isEmpty {
            outcome.lower = EvidenceBound(value: Double(reportedHeld.count),
                                          text: "the settlements reported held (\(heldNames.joined(separator: ", ")))")
        }
        var known = "the gazetteer knows only \(inside.count) settlement\(inside.count == 1 ? "" : "s") inside the estimate"
        if let bound = try depthBound(for: claim) {
            let land = try self.land(within: bound.kilometers, ofStretchOn: day, bound.stretch)
            let count = try estimator.ids(of: settlements, inside: land.geometry).count
            known += " and \(count) within \(QuantityFormat.trimmed(bound.kilometers)) km (\(bound.depthClaim.id)) of the "
                + "\(QuantityFormat.measured(bound.stretch.lengthKilometers, .kilometers)) of border the reported places span"
        }
        outcome.above = .undecidable("\(known), so a larger count cannot be checked against it")
        return outcome
    }

    // MARK: - Claims against each other

    /// An area and a depth claimed for days near each other: covering A km² no deeper than D km
    /// takes at least A/D km of front along the border, which the reported places must span.
    private func areaAndDepthChecks(_ claims: [Claim]) throws -> [CrossCheck] {
        try claims.filter { [.controlled, .controlledPlusContested, .advancedOver].contains($0.definition)
            && $0.unit.canonical == .squareKilometers }.compactMap { claim in
            let area = ClaimedInterval(value: claim.value, unit: claim.unit, hedge: claim.hedge).low
            guard area > 0, let bound = try depthBound(for: claim) else { return nil }
            let width = area / bound.kilometers
            let span = bound.stretch.lengthKilometers
            let tolerance = Tolerance(fraction: Self.relativeTolerance, text: "±\(percent(Self.relativeTolerance)) of the span")
            let measured = Measured(low: 0, high: span, reference: span, unit: .kilometers, tolerance: tolerance, text: "")
            let judgement = ClaimJudge.judge(ClaimedInterval(low: width, high: width, nominal: width), against: measured)
            let implied = "\(QuantityFormat.trimmed(area)) km² (\(claim.id)) no deeper than "
                + "\(QuantityFormat.trimmed(bound.kilometers)) km (\(bound.depthClaim.id)) takes a front of at least "
                + QuantityFormat.measured(width, .kilometers)
            let reason = judgement.verdict == .consistent ? "the reported places span enough border"
                : judgement.verdict == .overstated ? "the pair needs a wider front than the reported places span" : judgement.reason
            return CrossCheck(kind: .areaAndDepth, claimIDs: [claim.id, bound.depthClaim.id], asOf: claim.asOf, implied: implied,
                              measured: "\(QuantityFormat.measured(span, .kilometers)) of border spanned by the places reported by \(claim.asOf)",
                              ratio: ratio(width, span), verdict: judgement.verdict,
                              reason: "\(reason) (\(QuantityFormat.measured(width, .kilometers)) against "
                                  + "\(QuantityFormat.measured(measured.widenedHigh, .kilometers)) with the tolerance)",
                              tolerance: tolerance.text)
        }
    }

    /// Two reports of one statement: claims that share the event, the quantity, the definition
    /// and the day, from sources that do not overlap (one outlet printing two figures is two
    /// statements). Judged as the first claim against the second, each read with its hedge.
    private func sameStatementChecks(_ claims: [Claim]) -> [CrossCheck] {
        var checks: [CrossCheck] = []
        for (i, a) in claims.enumerated() {
            for b in claims[(i + 1)...] where !a.eventID.isEmpty && a.eventID == b.eventID && a.quantity == b.quantity
                && a.definition == b.definition && a.asOf == b.asOf && a.unit.canonical == b.unit.canonical
                && Set(a.sourceIDs).isDisjoint(with: b.sourceIDs) {
                let (first, second) = a.id < b.id ? (a, b) : (b, a)
                let x = ClaimedInterval(value: first.value, unit: first.unit, hedge: first.hedge)
                let y = ClaimedInterval(value: second.value, unit: second.unit, hedge: second.hedge)
                let tolerance = Tolerance(fraction: Self.relativeTolerance,
                                          text: "±\(percent(Self.relativeTolerance)) of the other report")
                let measured = Measured(low: y.low, high: y.high, reference: y.nominal, unit: second.unit.canonical,
                                        tolerance: tolerance, text: "")
                let judgement = ClaimJudge.judge(x, against: measured)
                var reason = judgement.verdict == .consistent ? "the two reports agree"
                    : "\(first.id) is \(judgement.verdict == .overstated ? "above" : "below") \(second.id)"
                if judgement.verdict != .consistent, let slip = unitSlip(first, second) { reason += "; \(slip)" }
                checks.append(CrossCheck(
                    kind: .sameStatement, claimIDs: [first.id, second.id], asOf: first.asOf,
                    implied: "\(first.id): \(QuantityFormat.conversion(of: first))",
                    measured: "\(second.id): \(QuantityFormat.conversion(of: second))",
                    ratio: ratio(x.nominal, y.nominal), verdict: judgement.verdict, reason: reason, tolerance: tolerance.text))
            }
        }
        return checks
    }

    /// "2 mi" against "1–2 km": the same number read in the other report's unit agrees. The
    /// report in a non-SI unit is re-read first: officials speak in kilometres, and it is the
    /// outlets converting for their readers that slip.
    private func unitSlip(_ a: Claim, _ b: Claim) -> String? {
        guard a.unit != b.unit else { return nil }
        let tolerance = Tolerance(fraction: Self.relativeTolerance, text: "")
        let orders = a.unit.toCanonical == 1 ? [(b, a), (a, b)] : [(a, b), (b, a)]
        for (x, y) in orders {
            let reread = ClaimedInterval(value: x.value, unit: y.unit, hedge: x.hedge)
            let other = ClaimedInterval(value: y.value, unit: y.unit, hedge: y.hedge)
            let measured = Measured(low: other.low, high: other.high, reference: other.nominal, unit: y.unit.canonical,
                                    tolerance: tolerance, text: "")
            if ClaimJudge.judge(reread, against: measured).verdict == .consistent {
                return "\(x.id)'s \(x.value) read in \(y.unit.rawValue) would agree: a unit slip is likely"
            }
        }
        return nil
    }

    // MARK: - Helpers

    private func estimate(_ day: CalendarDay) throws -> ControlEstimate {
        if let known = estimates[day] { return known }
        let estimate = try estimator.estimate(asOf: day)
        estimates[day] = estimate
        return estimate
    }

    private func reportedEstimate(_ day: CalendarDay) throws -> ControlEstimate {
        if let known = reportedEstimates[day] { return known }
        let estimate = try reportedEstimator.estimate(asOf: day)
        reportedEstimates[day] = estimate
        return estimate
    }

    /// Ground events located to a place by `day`, sorted by id.
    private func reportedEvents(asOf day: CalendarDay) -> [Event] {
        timeline.events.filter { $0.date.end <= day && Self.isReportedPlace(actor: timeline.estimate.actor)($0) }
            .sorted { $0.id < $1.id }
    }

    /// The gazetteer name, or for an event given by coordinates, the event's own id.
    private func placeName(of event: Event) -> String {
        event.placeName.isEmpty ? "the point of \(event.id)" : event.placeName
    }

    /// What the estimate of a day rests on, e.g. "the estimate of 2024-08-14 rests on 2 places
    /// located precisely (Russkoye Porechnoye, Sudzha) and 1 report located only to a district".
    private func evidenceSummary(_ day: CalendarDay) throws -> String {
        let mapped = estimator.mappedGroundEvents(asOf: day).map(\.event)
        let precise = Set(mapped.filter { [.exact, .near].contains($0.locationPrecision) }.map(placeName)).sorted()
        let coarse = mapped.filter { ![.exact, .near].contains($0.locationPrecision) }.count
        var parts: [String] = []
        parts.append(precise.isEmpty ? "no place located precisely"
                     : "\(precise.count) place\(precise.count == 1 ? "" : "s") located precisely (\(precise.joined(separator: ", ")))")
        if coarse > 0 { parts.append("\(coarse) report\(coarse == 1 ? "" : "s") located only to a district") }
        return "the estimate of \(day) rests on \(parts.joined(separator: " and "))"
    }

    private func recordEstimate(_ estimate: ControlEstimate, for claim: Claim) {
        for tier in estimate.tiers where !tier.geometry.isEmpty {
            record(area: MeasuredArea(role: "estimate_\(tier.tier.rawValue)", claimIDs: [claim.id], asOf: estimate.asOf,
                                      label: "estimate, \(tier.tier.rawValue)", geometry: tier.geometry,
                                      areaSquareKilometers: tier.areaSquareKilometers))
        }
    }

    private func record(line: MeasuredLine) {
        let key = "\(line.role)|\(line.asOf)|\(line.label)"
        if var known = lines[key] {
            known.claimIDs = Array(Set(known.claimIDs + line.claimIDs)).sorted()
            lines[key] = known
        } else {
            lines[key] = line
        }
    }

    private func record(area: MeasuredArea) {
        let key = "\(area.role)|\(area.asOf)|\(area.label)"
        if var known = areas[key] {
            known.claimIDs = Array(Set(known.claimIDs + area.claimIDs)).sorted()
            areas[key] = known
        } else {
            areas[key] = area
        }
    }

    private func ratio(_ claimed: Double, _ measured: Double) -> Double? {
        guard claimed.isFinite, measured > 0 else { return nil }
        return claimed / measured
    }

    private func percent(_ fraction: Double) -> String {
        "\(QuantityFormat.trimmed(fraction * 100)) %"
    }
}
