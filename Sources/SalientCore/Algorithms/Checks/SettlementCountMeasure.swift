/// A `settlements_controlled` claim measured on its `as_of` day: the gazetteer settlements
/// inside the estimate's tiers, bounded below by the settlements reported held. A gazetteer
/// knows only some settlements, so a larger count cannot be refuted.
struct SettlementCountMeasurement {
    var day: CalendarDay
    /// Inside the controlled tier.
    var held: Int
    /// Inside either tier, sorted by id, with their names.
    var inside: [String]
    var insideNames: [String]
    /// Names of the settlements reported held, sorted by id.
    var reportedHeldNames: [String]
    var reportedHeld: Int
    /// Settlements within the claimed depth of the border the reported places span.
    var withinDepth: (count: Int, bound: DepthBound)?
}

enum SettlementCountMeasure {
    static func measure(_ claim: Claim, in context: CheckContext) throws -> ClaimMeasurement {
        let day = claim.asOf
        let estimate = try context.estimate(day)
        var geometry = MeasuredGeometry()
        geometry.addEstimate(estimate, for: claim)
        let held = estimate.controlled.settlementIDs
        let contested = estimate.contested.settlementIDs
        let inside = (held + contested).sorted()
        let names = inside.compactMap { context.gazetteer.place(id: $0)?.name }
        let actor = context.timeline.estimate.actor
        let reportedHeld = Set(
            context.reportedEvents(asOf: day)
                .filter { GroundEvent.tier(of: $0, actor: actor) == .controlled }.compactMap(\.placeID)
                .filter { context.gazetteer.place(id: $0)?.kind.isSettlement == true })
        let heldNames = reportedHeld.sorted().compactMap { context.gazetteer.place(id: $0)?.name }
        var withinDepth: (Int, DepthBound)?
        if let bound = try DepthBound.nearest(for: claim, in: context) {
            geometry.add(bound.geometry)
            let land = try context.land(within: bound.kilometers, of: bound.stretch)
            withinDepth = (try context.settlementIDs(inside: land.geometry).count, bound)
        }
        let measurement = SettlementCountMeasurement(
            day: day, held: held.count, inside: inside, insideNames: names, reportedHeldNames: heldNames,
            reportedHeld: reportedHeld.count, withinDepth: withinDepth)
        return ClaimMeasurement(value: .settlements(measurement), geometry: geometry)
    }
}
