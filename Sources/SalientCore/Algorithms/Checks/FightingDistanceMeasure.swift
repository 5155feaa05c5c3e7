/// A `distance_to_fighting` claim measured on its `as_of` day: from the place to the estimate's
/// edge and to the nearest reported controlled or contested place. Fighting nearer than both
/// cannot be ruled out; farther than the nearest reported place is contradicted.
struct FightingDistanceMeasurement {
    var day: CalendarDay
    var place: String
    var edge: Edge?
    var nearestPlace: NearestPlace?
    var ends: [DistanceEnd]
    var evidence: EvidenceBase

    struct Edge {
        var kilometers: Double
        /// The place lies inside the estimate (the distance is then 0).
        var inside: Bool
    }

    struct NearestPlace {
        var name: String
        var tier: ControlTier
        var kind: EventKind
        var day: CalendarDay
        var kilometers: Double
    }

    /// The nearest reported place, or the edge when nothing is reported by name.
    var reference: Double { nearestPlace?.kilometers ?? edge!.kilometers }
    var low: Double { min(edge?.kilometers ?? reference, reference) }
}

enum FightingDistanceMeasure {
    static func measure(_ claim: Claim, in context: CheckContext) throws -> ClaimMeasurement {
        guard let (place, position) = context.point(claim.placeID) else {
            return .notMeasurable(context.unmeasurablePlace(claim.placeID))
        }
        let day = claim.asOf
        let estimate = try context.estimate(day)
        var geometry = MeasuredGeometry()
        geometry.addEstimate(estimate, for: claim)
        let frame = try context.frame(centeredOn: position)
        var nearestPlace: (event: Event, kilometers: Double)?
        for event in context.reportedEvents(asOf: day) {
            let kilometers = context.geodesic.distance(position, event.position) / 1000
            if kilometers < nearestPlace?.kilometers ?? .infinity { nearestPlace = (event, kilometers) }
        }
        let edgePoint = try frame.nearestPoint(on: estimate.tiers.map(\.geometry))
        guard nearestPlace != nil || edgePoint != nil else {
            return .notMeasurable(.nothingOnTheGround(day), geometry: geometry)
        }
        var ends = [DistanceEnd(name: place.name, uncertaintyMeters: place.provenance.uncertaintyMeters, isPlace: true)]
        var edge: FightingDistanceMeasurement.Edge?
        if let edgePoint {
            let kilometers = context.geodesic.distance(position, edgePoint.point) / 1000
            edge = FightingDistanceMeasurement.Edge(kilometers: kilometers, inside: edgePoint.inside)
            if !edgePoint.inside {
                geometry.add(
                    MeasuredLine(
                        role: "distance_to_fighting_edge", claimIDs: [claim.id], asOf: day,
                        label: CheckProse.toTheEdgeLabel(place.name),
                        points: [position, edgePoint.point], lengthKilometers: kilometers))
            }
        }
        var nearest: FightingDistanceMeasurement.NearestPlace?
        if let (event, kilometers) = nearestPlace {
            let tier = GroundEvent.tier(of: event, actor: context.timeline.estimate.actor) ?? .contested
            let name = CheckContext.placeName(of: event)
            nearest = FightingDistanceMeasurement.NearestPlace(
                name: name, tier: tier, kind: event.kind,
                day: event.date.end, kilometers: kilometers)
            let uncertainty = event.placeID.flatMap(context.gazetteer.place(id:))?.provenance.uncertaintyMeters ?? 0
            ends.append(DistanceEnd(name: name, uncertaintyMeters: uncertainty, isPlace: true))
            geometry.add(
                MeasuredLine(
                    role: "distance_to_fighting_place", claimIDs: [claim.id], asOf: day,
                    label: CheckProse.betweenLabel(place.name, name),
                    points: [position, event.position], lengthKilometers: kilometers))
        }
        let measurement = FightingDistanceMeasurement(
            day: day, place: place.name, edge: edge, nearestPlace: nearest,
            ends: ends, evidence: context.evidence(day))
        return ClaimMeasurement(value: .distanceToFighting(measurement), geometry: geometry)
    }
}
