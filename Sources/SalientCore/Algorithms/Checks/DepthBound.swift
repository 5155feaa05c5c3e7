/// The land within a claimed depth of the stretch of border the reported places span: the most
/// ground an advance that deep along that stretch can cover. Bounds area claims from above.
struct DepthBound {
    /// The depth claim used: the one nearest in time to the claim bounded (the later on a tie).
    var depthClaim: Claim
    /// The depth claimed at most, kilometres.
    var kilometers: Double
    var stretch: BorderStretch
    var land: DerivedArea
    var geometry: MeasuredGeometry

    /// Nil when the timeline claims no finite depth in kilometres, or nothing is mapped by then.
    static func nearest(for claim: Claim, in context: CheckContext) throws -> DepthBound? {
        let depths = context.timeline.claims.filter { $0.definition == .depth && $0.unit.canonical == .kilometers }
            .map { ($0, ClaimedInterval(value: $0.value, unit: $0.unit, hedge: $0.hedge).high) }
            .filter { $0.1.isFinite && $0.1 > 0 }
        guard
            let (depthClaim, kilometers) = depths.min(by: { a, b in
                let da = abs(a.0.asOf.ordinal - claim.asOf.ordinal)
                let db = abs(b.0.asOf.ordinal - claim.asOf.ordinal)
                return (da, -a.0.asOf.ordinal, a.0.id) < (db, -b.0.asOf.ordinal, b.0.id)
            }), let stretch = try context.stretch(claim.asOf)
        else { return nil }
        let land = try context.land(within: kilometers, of: stretch)
        var geometry = MeasuredGeometry()
        for line in stretch.lines {
            geometry.add(
                MeasuredLine(
                    role: "border_stretch", claimIDs: [claim.id], asOf: claim.asOf,
                    label: CheckProse.borderStretchLabel, points: line,
                    lengthKilometers: context.geodesic.length(of: line) / 1000))
        }
        geometry.add(
            MeasuredArea(
                role: "depth_sector", claimIDs: [claim.id], asOf: claim.asOf,
                label: CheckProse.depthSectorLabel(kilometers: kilometers, depthClaim: depthClaim),
                geometry: land.geometry, areaSquareKilometers: land.areaSquareKilometers))
        return DepthBound(
            depthClaim: depthClaim, kilometers: kilometers, stretch: stretch, land: land,
            geometry: geometry)
    }
}
