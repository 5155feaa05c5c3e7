/// An area claim (`controlled`, `controlled_plus_contested`, `advanced_over`) measured on its
/// `as_of` day: the estimate's range from controlled to controlled + contested, since officials'
/// totals usually count the grey zone; bounded below by the ground the reported places alone
/// cover and above by the land within the claimed depth of the border they span; and beside it,
/// when the timeline names one, a map from elsewhere.
struct AreaMeasurement {
    var definition: ClaimDefinition
    var day: CalendarDay
    /// The estimate's controlled tier, km².
    var controlled: Double
    /// Controlled + contested, km².
    var total: Double
    /// Whether only ground held counts (`controlled`), for the estimate and for the reported places.
    var heldOnly: Bool
    /// The ground the reported places alone cover (held only, for `controlled`), km²; 0 for none.
    var reported: Double
    var evidence: EvidenceBase
    var depthBound: DepthBound?
    var map: MapMatch?
    var laterMap: MapMatch?

    /// The value a ratio is taken against: the tier the definition names.
    var reference: Double { heldOnly ? controlled : total }
}

enum AreaMeasure {
    static func measure(
        _ claim: Claim, _ claimed: ClaimedInterval,
        in context: CheckContext
    ) throws -> ClaimMeasurement {
        let day = claim.asOf
        let estimate = try context.estimate(day)
        var geometry = MeasuredGeometry()
        geometry.addEstimate(estimate, for: claim)
        let controlled = estimate.controlled.areaSquareKilometers
        let total = controlled + estimate.contested.areaSquareKilometers
        let reported = try context.reportedEstimate(day)
        let heldOnly = claim.definition == .controlled
        let reportedArea =
            reported.controlled.areaSquareKilometers
            + (heldOnly ? 0 : reported.contested.areaSquareKilometers)
        if reportedArea > 0 {
            // The tiers share edges, so they are written as their union, measured as written.
            let shape = try context.joined(heldOnly ? [reported.controlled] : reported.tiers)
            geometry.add(
                MeasuredArea(
                    role: heldOnly ? "reported_held_places" : "reported_places", claimIDs: [claim.id],
                    asOf: day, label: CheckProse.reportedPlacesLabel(heldOnly: heldOnly),
                    geometry: shape.geometry, areaSquareKilometers: shape.areaSquareKilometers))
        }
        let evidence = context.evidence(day)
        let bound = try DepthBound.nearest(for: claim, in: context)
        if let bound { geometry.add(bound.geometry) }
        let maps = try MapMeasure.match(claim, claimed, in: context)
        let measurement = AreaMeasurement(
            definition: claim.definition, day: day, controlled: controlled, total: total, heldOnly: heldOnly,
            reported: reportedArea, evidence: evidence, depthBound: bound,
            map: maps.atOrBefore, laterMap: maps.after)
        return ClaimMeasurement(value: .area(measurement), geometry: geometry)
    }
}
