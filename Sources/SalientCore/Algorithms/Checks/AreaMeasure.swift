/// An area claim (`controlled`, `controlled_plus_contested`, `advanced_over`) measured on its
/// `as_of` day against the estimate's range: from its lower bound, the ground the reports make
/// certain, to its upper bound, everything they do not contradict (`ControlEstimate`). The
/// tier the definition names is the value a ratio is taken against. Bounded above, besides,
/// by the land within the claimed depth of the border the reported places span, and beside
/// it, when the timeline names one, a map from elsewhere.
struct AreaMeasurement {
    var definition: ClaimDefinition
    var day: CalendarDay
    /// The estimate's controlled tier, km².
    var controlled: Double
    /// Controlled + contested, km².
    var total: Double
    /// Whether only ground held counts (`controlled`).
    var heldOnly: Bool
    /// The estimate's lower and upper bounds, km².
    var lower: Double
    var upper: Double
    var join: JoinMethod
    var evidence: EvidenceBase
    var depthBound: DepthBound?
    var map: MapMatch?
    var laterMap: MapMatch?

    /// The value a ratio is taken against: the tier the definition names.
    var reference: Double { heldOnly ? controlled : total }

    /// Whether the upper bound is one the reports set: with `cells`, the ground beyond it is in
    /// a cell reported lost or deeper than any place reported. The disc joins' upper bound is
    /// the estimate itself, drawn from the few places reported, so more ground cannot be ruled
    /// out there. Before any place is reported the bound is 0 for want of evidence, not by it.
    var upperIsEvidence: Bool { join == .cells && !evidence.precisePlaces.isEmpty }
}

enum AreaMeasure {
    /// The bounds of its day's estimate a claim is judged against: a claim that counts the grey
    /// zone is certain of the places reported fought over too.
    static func bounds(_ claim: Claim) -> RangeBounds {
        switch claim.definition {
        case .controlled: return [.lower, .upper]
        case .controlledPlusContested, .advancedOver: return [.reported, .upper]
        default: return []
        }
    }

    static func measure(
        _ claim: Claim, _ claimed: ClaimedInterval,
        in context: CheckContext
    ) throws -> ClaimMeasurement {
        let day = claim.asOf
        let estimate = try context.estimate(day, bounds: bounds(claim))
        var geometry = MeasuredGeometry()
        geometry.addEstimate(estimate, for: claim)
        let controlled = estimate.controlled.areaSquareKilometers
        let total = controlled + estimate.contested.areaSquareKilometers
        let heldOnly = claim.definition == .controlled
        guard let lower = heldOnly ? estimate.lowerBound : estimate.reportedBound, let upper = estimate.upperBound
        else { preconditionFailure("the estimate of \(day) was asked for the bounds of \(claim.id)") }
        for (role, bound) in [("estimate_lower_bound", lower), ("estimate_upper_bound", upper)]
        where !bound.geometry.isEmpty {
            geometry.add(
                MeasuredArea(
                    role: role, claimIDs: [claim.id], asOf: day, label: CheckProse.boundLabel(role, heldOnly: heldOnly),
                    geometry: bound.geometry, areaSquareKilometers: bound.areaSquareKilometers))
        }
        let bound = try DepthBound.nearest(for: claim, in: context)
        if let bound { geometry.add(bound.geometry) }
        let maps = try MapMeasure.match(claim, claimed, in: context)
        let measurement = AreaMeasurement(
            definition: claim.definition, day: day, controlled: controlled, total: total,
            heldOnly: heldOnly, lower: lower.areaSquareKilometers,
            upper: upper.areaSquareKilometers, join: context.timeline.estimate.join,
            evidence: context.evidence(day), depthBound: bound,
            map: maps.atOrBefore, laterMap: maps.after)
        return ClaimMeasurement(value: .area(measurement), geometry: geometry)
    }
}
