/// A `depth` claim measured on its `as_of` day: the estimate's greatest distance from the border
/// (controlled to both tiers), bounded below by the reported place farthest from the border.
struct DepthMeasurement {
    var day: CalendarDay
    /// The controlled tier's depth, kilometres.
    var controlled: Double
    /// Both tiers' depth, kilometres.
    var total: Double
    var farthest: FarthestPlace?
    var evidence: EvidenceBase
    /// The border line's positional uncertainty, metres.
    var borderUncertaintyMeters: Double

    /// A reported place and how far the advance reached at least: its distance from the border
    /// less the radius the event stands for (fighting "at Sudzha" may be on its near edge).
    struct FarthestPlace {
        var name: String
        var kilometers: Double
        var radiusKilometers: Double
        var reached: Double
    }
}

enum DepthMeasure {
    static func measure(_ claim: Claim, in context: CheckContext) throws -> ClaimMeasurement {
        let day = claim.asOf
        let estimate = try context.estimate(day)
        var geometry = MeasuredGeometry()
        geometry.addEstimate(estimate, for: claim)
        let deepest = estimate.tiers.max { $0.depthKilometers < $1.depthKilometers }
        if let deepest, let from = deepest.deepestPoint, let to = deepest.borderPoint {
            geometry.add(
                MeasuredLine(
                    role: "depth", claimIDs: [claim.id], asOf: day,
                    label: CheckProse.deepestPointLabel(deepest.tier), points: [from, to],
                    lengthKilometers: context.geodesic.distance(from, to) / 1000))
        }
        var farthest: (event: Event, kilometers: Double, reached: Double, radius: Double, border: LonLat)?
        for event in try farthestCandidates(context.reportedEvents(asOf: day), in: context) {
            let onBorder = try context.nearestBorderPoint(to: event.position)
            let kilometers = context.geodesic.distance(event.position, onBorder) / 1000
            let radius = radiusKilometers(of: event, in: context)
            if kilometers - radius > farthest?.reached ?? -.infinity {
                farthest = (event, kilometers, max(0, kilometers - radius), radius, onBorder)
            }
        }
        var place: DepthMeasurement.FarthestPlace?
        if let farthest {
            let name = CheckContext.placeName(of: farthest.event)
            place = DepthMeasurement.FarthestPlace(
                name: name, kilometers: farthest.kilometers,
                radiusKilometers: farthest.radius, reached: farthest.reached)
            geometry.add(
                MeasuredLine(
                    role: "depth_reported_place", claimIDs: [claim.id], asOf: day,
                    label: CheckProse.toTheBorderLabel(name),
                    points: [farthest.event.position, farthest.border],
                    lengthKilometers: farthest.kilometers))
        }
        let measurement = DepthMeasurement(
            day: day, controlled: estimate.controlled.depthKilometers, total: estimate.depthKilometers, farthest: place,
            evidence: context.evidence(day), borderUncertaintyMeters: context.borderPlace.provenance.uncertaintyMeters)
        return ClaimMeasurement(value: .depth(measurement), geometry: geometry)
    }

    /// The radius a ground event stands for, kilometres; 0 when it is not mapped.
    private static func radiusKilometers(of event: Event, in context: CheckContext) -> Double {
        (GroundEvent(event, parameters: context.timeline.estimate)?.radiusMeters ?? 0) / 1000
    }

    /// The events that may be the farthest from the border, less their radius, in id order:
    /// the first, and every one whose distance in the estimate's plane, allowed 10 % and 2 km
    /// of error, could reach the best lower bound. Measuring every place precisely costs a
    /// PROJ frame each; a long timeline has thousands. The choice is the one the full list gives.
    static func farthestCandidates(_ events: [Event], in context: CheckContext) throws -> [Event] {
        guard events.count > 1 else { return events }
        let bounds = try events.map { event -> (low: Double, high: Double) in
            let planar = try context.planarBorderDistanceKilometers(of: event.position)
            let radius = radiusKilometers(of: event, in: context)
            let error = 0.1 * planar + 2
            return (planar - error - radius, planar + error - radius)
        }
        let best = bounds.map(\.low).max()!
        return events.indices.filter { $0 == 0 || bounds[$0].high >= best }.map { events[$0] }
    }
}
